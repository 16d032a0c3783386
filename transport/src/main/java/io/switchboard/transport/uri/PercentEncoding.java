package io.switchboard.transport.uri;

import java.nio.charset.StandardCharsets;

/**
 * The {@code escaped = "%" HEXDIG HEXDIG} form of RFC 3261 §25.1 (RFC 3986 §2.1): decoding for the
 * accessors, encoding for the copy-and-change methods, and the comparison form of §19.1.4.
 * Every method expects text whose escapes the scanner has already validated, and does no work
 * (allocates nothing) when the text holds no {@code %}.
 */
final class PercentEncoding {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PercentEncoding() {
    }

    /** The characters of {@code text[from, to)} with every escape decoded (UTF-8). */
    static String decode(String text, int from, int to) {
        int percent = text.indexOf('%', from);
        if (percent < 0 || percent >= to) {
            return text.substring(from, to);
        }
        byte[] bytes = new byte[to - from];
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == '%') {
                bytes[n++] = (byte) (CharacterSet.hexValue(text.charAt(i + 1)) << 4
                        | CharacterSet.hexValue(text.charAt(i + 2)));
                i += 2;
            } else {
                bytes[n++] = (byte) c;
            }
        }
        return new String(bytes, 0, n, StandardCharsets.UTF_8);
    }

    static String decode(String text) {
        return decode(text, 0, text.length());
    }

    /**
     * {@code value} as the component {@code set} may carry it: characters the set allows stay,
     * every other byte of the UTF-8 encoding (including {@code %} itself) becomes {@code %HH}.
     */
    static String encode(String value, CharacterSet set) {
        int i = 0;
        while (i < value.length() && set.allows(value.charAt(i))) {
            i++;
        }
        if (i == value.length()) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length() + 8).append(value, 0, i);
        byte[] rest = value.substring(i).getBytes(StandardCharsets.UTF_8);
        for (byte b : rest) {
            char c = (char) (b & 0xff);
            if (set.allows(c)) {
                out.append(c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        return out.toString();
    }

    /**
     * The form in which RFC 3261 §19.1.4 compares {@code text[from, to)}: "characters other than
     * those in the reserved set are equivalent to their escaped encoding", so an escaped
     * unreserved ASCII character is decoded, while escaped reserved characters, {@code %} and
     * non-ASCII bytes stay escaped (with upper-case hex digits). Two components are equivalent
     * exactly when their comparison forms are equal (ignoring case where the component is
     * case-insensitive).
     */
    static String comparable(String text, int from, int to) {
        int percent = text.indexOf('%', from);
        if (percent < 0 || percent >= to) {
            return text.substring(from, to);
        }
        StringBuilder out = new StringBuilder(to - from).append(text, from, percent);
        for (int i = percent; i < to; i++) {
            char c = text.charAt(i);
            if (c != '%') {
                out.append(c);
                continue;
            }
            int b = CharacterSet.hexValue(text.charAt(i + 1)) << 4
                    | CharacterSet.hexValue(text.charAt(i + 2));
            if (b < 0x80 && b != '%' && !CharacterSet.isReserved(b)) {
                out.append((char) b);
            } else {
                out.append('%').append(HEX[b >> 4]).append(HEX[b & 0xf]);
            }
            i += 2;
        }
        return out.toString();
    }
}
