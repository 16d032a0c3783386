package io.switchboard.transport.uri;
public final class SipUri implements Uri {
    final String text;
    SipUri(String t) { text = t; }
    public String scheme() { return "sip"; }
    public java.util.Map<String,String> headers() { return java.util.Map.of(); }
    public String toString() { return text; }
}
