package io.switchboard.transport.message;

import java.nio.charset.StandardCharsets;

/**
 * One header field line as it stands in a message (RFC 3261 §7.3): its name, its value and the
 * exact bytes it was received as, so that a proxy writes back every field it did not change byte
 * for byte. A field that spans several lines (RFC 3261 §7.3.1 line folding) reads back as one value
 * with each fold replaced by a single space.
 */
public final class HeaderField {

    private static final byte[] CRLF = {'\r', '\n'};

    private final HeaderName name;
    private final byte[] buf;
    private final int lineStart;
    private final int lineEnd;
    private final int valueStart;
    private final int valueEnd;
    private final boolean folded;
    private String value;

    /**
     * A field over received bytes: the line runs from {@code lineStart} to {@code lineEnd}
     * (exclusive, line terminator included) and the value from {@code valueStart} to
     * {@code valueEnd} (exclusive, surrounding whitespace excluded).
     */
    public HeaderField(HeaderName name, byte[] buf, int lineStart, int lineEnd, int valueStart,
            int valueEnd, boolean folded) {
        this.name = name;
        this.buf = buf;
        this.lineStart = lineStart;
        this.lineEnd = lineEnd;
        this.valueStart = valueStart;
        this.valueEnd = valueEnd;
        this.folded = folded;
    }

    /** A new field, written as {@code Name: value} followed by CRLF. */
    public static HeaderField of(HeaderName name, String value) {
        byte[] nameBytes = name.name().getBytes(StandardCharsets.UTF_8);
        byte[] valueBytes = value.getBytes(StandardCharsets.UTF_8);
        byte[] line = new byte[nameBytes.length + 2 + valueBytes.length + 2];
        System.arraycopy(nameBytes, 0, line, 0, nameBytes.length);
        line[nameBytes.length] = ':';
        line[nameBytes.length + 1] = ' ';
        System.arraycopy(valueBytes, 0, line, nameBytes.length + 2, valueBytes.length);
        System.arraycopy(CRLF, 0, line, line.length - 2, 2);
        HeaderField field = new HeaderField(name, line, 0, line.length, nameBytes.length + 2,
                nameBytes.length + 2 + valueBytes.length, false);
        field.value = value;
        return field;
    }

    public HeaderName name() {
        return name;
    }

    /** The value, unfolded, without leading and trailing whitespace. */
    public String value() {
        String v = value;
        if (v == null) {
            v = folded ? unfold() : new String(buf, valueStart, valueEnd - valueStart, StandardCharsets.UTF_8);
            value = v;
        }
        return v;
    }

    private String unfold() {
        StringBuilder out = new StringBuilder(valueEnd - valueStart);
        String raw = new String(buf, valueStart, valueEnd - valueStart, StandardCharsets.UTF_8);
        int i = 0;
        while (i < raw.length()) {
            char c = raw.charAt(i);
            if (c == '\r' || c == '\n') {
                while (i < raw.length() && isWhitespaceOrEol(raw.charAt(i))) {
                    i++;
                }
                if (out.length() > 0 && out.charAt(out.length() - 1) != ' ') {
                    out.append(' ');
                }
                continue;
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    private static boolean isWhitespaceOrEol(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    /** Number of bytes this field takes on the wire, line terminator included. */
    public int encodedLength() {
        return lineEnd - lineStart;
    }

    /** Copies the field's exact wire bytes into {@code out} at {@code offset}; returns the new offset. */
    public int copyTo(byte[] out, int offset) {
        int length = lineEnd - lineStart;
        System.arraycopy(buf, lineStart, out, offset, length);
        return offset + length;
    }

    @Override
    public String toString() {
        return name + ": " + value();
    }
}
