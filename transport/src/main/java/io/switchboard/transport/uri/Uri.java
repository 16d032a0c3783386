package io.switchboard.transport.uri;
import io.switchboard.transport.parse.SipParseException;
public sealed interface Uri permits SipUri {
    String scheme();
    static Uri parse(String text) throws SipParseException {
        if (text.isEmpty() || text.contains(" ") || text.startsWith("<")) throw new SipParseException("bad uri " + text);
        return new SipUri(text);
    }
}
