package io.switchboard.transport.header;

import io.switchboard.transport.parse.SipParseException;

/**
 * A {@code hostport} (RFC 3261 §25.1): a host name, an IPv4 address or an IPv6 reference in
 * brackets, and an optional port ({@code -1} when absent), as in a Via {@code sent-by}.
 */
public record HostPort(String host, int port) {

    static HostPort read(ValueScanner in) throws SipParseException {
        in.skipWhitespace();
        String text = in.text();
        int start = in.position();
        int pos = start;
        if (pos < text.length() && text.charAt(pos) == '[') {
            int close = text.indexOf(']', pos);
            if (close < 0) {
                throw in.error("unterminated IPv6 reference");
            }
            for (int i = pos + 1; i < close; i++) {
                char c = text.charAt(i);
                if (!(Character.digit(c, 16) >= 0 && c < 128 || c == ':' || c == '.')) {
                    throw in.error("bad character '" + c + "' in IPv6 reference");
                }
            }
            pos = close + 1;
        } else {
            while (pos < text.length() && isHostChar(text.charAt(pos))) {
                pos++;
            }
        }
        if (pos == start || (pos - start == 2 && text.charAt(start) == '[')) {
            throw in.error("expected a host");
        }
        String host = text.substring(start, pos);
        if (host.startsWith("-") || host.startsWith(".") && host.length() > 1) {
            throw in.error("bad host '" + host + "'");
        }
        in.position(pos);
        int port = -1;
        if (pos < text.length() && text.charAt(pos) == ':') {
            in.position(pos + 1);
            port = (int) in.number("port", 65535);
        }
        return new HostPort(host, port);
    }

    private static boolean isHostChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.';
    }

    @Override
    public String toString() {
        return port < 0 ? host : host + ":" + port;
    }
}
