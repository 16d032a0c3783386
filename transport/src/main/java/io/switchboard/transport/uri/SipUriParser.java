package io.switchboard.transport.uri;

import io.switchboard.transport.parse.SipParseException;

/**
 * Parses {@code SIP-URI} and {@code SIPS-URI} (RFC 3261 §25.1) in one pass over the text, left to
 * right, recording where each component lies rather than copying it:
 * <pre>
 * sip:user:password@host:port;uri-parameters?headers
 * </pre>
 * Every character is checked against the grammar of its component; the first that does not fit
 * ends the parse with a {@link SipParseException} naming it.
 */
final class SipUriParser {

    /** The most {@code uri-parameters} one SIP URI may carry. */
    static final int MAX_PARAMETERS = 64;
    /** The most {@code header}s one SIP URI may carry. */
    static final int MAX_HEADERS = 64;
    /** The largest {@code ttl-param} (RFC 3261 §25.1: {@code ttl = 1*3DIGIT ; 0 to 255}). */
    static final int MAX_TTL = 255;
    /** The largest port number. */
    static final int MAX_PORT = 65535;

    private static final String GRAMMAR = "SIP URI";

    private SipUriParser() {
    }

    static SipUri parse(String text) throws SipParseException {
        UriScanner s = new UriScanner(GRAMMAR, text);
        boolean secure = scheme(s);
        int schemeEnd = s.pos;

        int userEnd = -1;
        int passwordStart = -1;
        if (text.indexOf('@', schemeEnd) >= 0) {
            userEnd = s.scan(CharacterSet.USER, ":@", "user");
            if (userEnd == schemeEnd) {
                throw s.error("empty user before '@'");
            }
            if (s.at(':')) {
                s.pos++;
                passwordStart = s.pos;
                s.scan(CharacterSet.PASSWORD, "@", "password");
            }
            s.pos++;
        }

        int hostStart = s.pos;
        int hostEnd;
        if (s.at('[')) {
            int close = text.indexOf(']', hostStart);
            if (close < 0) {
                throw s.error("unbalanced '[' in host (no closing ']')");
            }
            hostEnd = close + 1;
        } else {
            hostEnd = hostStart;
            while (hostEnd < s.length && ":;?".indexOf(text.charAt(hostEnd)) < 0) {
                hostEnd++;
            }
        }
        HostType hostType = HostType.parse(text, hostStart, hostEnd, s, "host");
        s.pos = hostEnd;

        int port = -1;
        if (s.at(':')) {
            port = port(s);
        }
        int hostPortEnd = s.pos;
        if (!s.atEnd() && !s.at(';') && !s.at('?')) {
            throw s.error("unexpected " + CharacterSet.describe(s.current()) + " at index " + s.pos
                    + " after the host");
        }

        ParameterList parameters = parameters(s);
        ParameterList headers = s.at('?') ? headers(s)
                : ParameterList.empty(text, s.length);
        return new SipUri(text, secure, userEnd, passwordStart, hostStart, hostEnd, hostType, port,
                hostPortEnd, parameters, headers, s.escaped);
    }

    private static boolean scheme(UriScanner s) throws SipParseException {
        String text = s.text;
        if (text.regionMatches(true, 0, "sip:", 0, 4)) {
            s.pos = 4;
            return false;
        }
        if (text.regionMatches(true, 0, "sips:", 0, 5)) {
            s.pos = 5;
            return true;
        }
        int colon = text.indexOf(':');
        if (colon < 0) {
            throw s.error("missing ':' after the scheme");
        }
        throw s.error("scheme '" + s.excerpt(0, colon) + "' is neither sip nor sips");
    }

    private static int port(UriScanner s) throws SipParseException {
        int start = ++s.pos;
        int value = 0;
        while (!s.atEnd() && CharacterSet.isDigit(s.current())) {
            if (value <= MAX_PORT) {
                value = value * 10 + s.current() - '0';
            }
            s.pos++;
        }
        int end = s.pos;
        while (!s.atEnd() && !s.at(';') && !s.at('?')) {
            s.pos++;
        }
        if (end != s.pos) {
            throw s.error("port '" + s.excerpt(start, s.pos) + "' is not a number");
        }
        if (end == start) {
            throw s.error("empty port after ':'");
        }
        if (value > MAX_PORT) {
            throw s.error("port '" + s.excerpt(start, end) + "' out of range (0-" + MAX_PORT + ")");
        }
        return value;
    }

    private static ParameterList parameters(UriScanner s) throws SipParseException {
        ParameterList.Builder list = new ParameterList.Builder(s.text, s.pos, MAX_PARAMETERS,
                "parameters");
        while (s.at(';')) {
            int nameStart = ++s.pos;
            int nameEnd = s.scan(CharacterSet.PARAM, "=;?", "parameter name");
            if (nameEnd == nameStart) {
                throw s.error("empty parameter name at index " + nameStart);
            }
            int valueStart = -1;
            int valueEnd = nameEnd;
            if (s.at('=')) {
                valueStart = ++s.pos;
                valueEnd = s.scan(CharacterSet.PARAM, ";?", "parameter value");
                if (valueEnd == valueStart) {
                    throw s.error("parameter '" + s.excerpt(nameStart, nameEnd)
                            + "' has '=' but no value");
                }
            }
            list.add(s, nameStart, nameEnd, valueStart, valueEnd);
            if (list.lastIsRepeated(s.escaped)) {
                throw s.error("parameter '" + list.lastName(s) + "' appears more than once");
            }
            checkKnownParameter(s, nameStart, nameEnd, valueStart, valueEnd);
        }
        return list.build(s.pos, s.escaped);
    }

    /** The parameters with a grammar of their own (RFC 3261 §25.1): {@code ttl}, {@code maddr}. */
    private static void checkKnownParameter(UriScanner s, int nameStart, int nameEnd,
            int valueStart, int valueEnd) throws SipParseException {
        String text = s.text;
        if (nameEnd - nameStart == 3 && text.regionMatches(true, nameStart, "ttl", 0, 3)) {
            if (valueStart < 0 || ttl(text, valueStart, valueEnd) < 0) {
                throw s.error("ttl '" + (valueStart < 0 ? "" : s.excerpt(valueStart, valueEnd))
                        + "' is not a number from 0 to " + MAX_TTL);
            }
        } else if (nameEnd - nameStart == 5 && text.regionMatches(true, nameStart, "maddr", 0, 5)) {
            if (valueStart < 0) {
                throw s.error("maddr parameter without a host");
            }
            String host = PercentEncoding.decode(text, valueStart, valueEnd);
            HostType.parse(host, 0, host.length(), s, "maddr");
        }
    }

    /** The {@code ttl} in {@code text[from, to)}, or -1 unless it is 1 to 3 digits up to 255. */
    static int ttl(String text, int from, int to) {
        if (from >= to || to - from > 3) {
            return -1;
        }
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (!CharacterSet.isDigit(c)) {
                return -1;
            }
            value = value * 10 + c - '0';
        }
        return value <= MAX_TTL ? value : -1;
    }

    private static ParameterList headers(UriScanner s) throws SipParseException {
        ParameterList.Builder list = new ParameterList.Builder(s.text, s.pos, MAX_HEADERS,
                "headers");
        do {
            int nameStart = ++s.pos;
            int nameEnd = s.scan(CharacterSet.HEADER, "=&", "header name");
            if (nameEnd == nameStart) {
                throw s.error("empty header name at index " + nameStart);
            }
            if (!s.at('=')) {
                throw s.error("header '" + s.excerpt(nameStart, nameEnd)
                        + "' has no '=' and value");
            }
            int valueStart = ++s.pos;
            int valueEnd = s.scan(CharacterSet.HEADER, "&", "header value");
            list.add(s, nameStart, nameEnd, valueStart, valueEnd);
        } while (s.at('&'));
        return list.build(s.length, s.escaped);
    }
}
