package io.switchboard.transport.uri;

/**
 * The character classes of the URI grammars: which characters a component may carry unescaped
 * (RFC 3261 §25.1, RFC 3966 §3, RFC 3986 §2), and whether it may carry {@code %HH} escapes.
 * A lookup is two bit masks, so scanning costs one shift and one test a character.
 */
enum CharacterSet {

    /** {@code user = 1*( unreserved / escaped / user-unreserved )}. */
    USER(true, "&=+$,;?/", true),
    /** {@code password = *( unreserved / escaped / "&" / "=" / "+" / "$" / "," )}. */
    PASSWORD(true, "&=+$,", true),
    /** {@code paramchar = param-unreserved / unreserved / escaped} (SIP and TEL alike). */
    PARAM(true, "[]/:&+$", true),
    /** {@code hname} and {@code hvalue}: {@code hnv-unreserved / unreserved / escaped}. */
    HEADER(true, "[]/?:+$", true),
    /** {@code pname} of a TEL URI: {@code 1*( alphanum / "-" )}. */
    TEL_PARAM_NAME(false, "-", false),
    /** {@code uric} minus {@code ";"}, the value of a TEL URI's {@code isub}. */
    URIC(true, "/?:@&=+$,", true),
    /**
     * What may stand after the scheme of any other URI: printable US-ASCII except the characters
     * RFC 3986 §2 never lets appear unescaped ({@code " < > \ ^ ` { | }}).
     */
    ABSOLUTE(true, "!#$&'()*+,-./:;=?@[]_~", true);

    private static final String ALPHANUM =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    /** {@code mark} of RFC 3261 §25.1 (RFC 2396 §2.3). */
    private static final String MARK = "-_.!~*'()";
    /** {@code reserved} of RFC 3261 §25.1: never equivalent to its escaped form (§19.1.4). */
    private static final String RESERVED = ";/?:@&=+$,";

    private final long low;
    private final long high;
    private final boolean escapes;

    CharacterSet(boolean unreserved, String extra, boolean escapes) {
        String all = ALPHANUM + extra + (unreserved ? MARK : "");
        long l = 0;
        long h = 0;
        for (int i = 0; i < all.length(); i++) {
            char c = all.charAt(i);
            if (c < 64) {
                l |= 1L << c;
            } else {
                h |= 1L << (c - 64);
            }
        }
        this.low = l;
        this.high = h;
        this.escapes = escapes;
    }

    /** Whether {@code c} may appear unescaped in this component. */
    boolean allows(char c) {
        return c < 64 ? (low >>> c & 1L) != 0 : c < 128 && (high >>> (c - 64) & 1L) != 0;
    }

    /** Whether this component may carry {@code %HH} escapes. */
    boolean allowsEscapes() {
        return escapes;
    }

    static boolean isReserved(int c) {
        return c < 128 && RESERVED.indexOf(c) >= 0;
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isAlpha(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    static boolean isAlphanum(char c) {
        return isDigit(c) || isAlpha(c);
    }

    /** The value of a hex digit, or -1. */
    static int hexValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    /** A character as an error message shows it: quoted when printable, as a code point if not. */
    static String describe(char c) {
        return c > 0x20 && c < 0x7f ? "'" + c + "'" : String.format("U+%04X", (int) c);
    }
}
