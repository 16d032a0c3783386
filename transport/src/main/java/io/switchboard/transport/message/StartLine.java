package io.switchboard.transport.message;

import java.nio.charset.StandardCharsets;

/**
 * The bytes of a start line (RFC 3261 §7.1 Request-Line or §7.2 Status-Line), line terminator
 * included, with the span of its middle element (the Request-URI or the status code) and of its
 * last (the version or the reason phrase).
 */
record StartLine(byte[] buf, int start, int end, int middleStart, int middleEnd, int lastStart, int lastEnd) {

    static StartLine of(String text, int middleStart, int middleEnd, int lastStart, int lastEnd) {
        byte[] bytes = (text + "\r\n").getBytes(StandardCharsets.UTF_8);
        return new StartLine(bytes, 0, bytes.length, middleStart, middleEnd, lastStart, lastEnd);
    }

    int length() {
        return end - start;
    }

    int copyTo(byte[] out, int offset) {
        System.arraycopy(buf, start, out, offset, end - start);
        return offset + end - start;
    }

    String middle() {
        return new String(buf, middleStart, middleEnd - middleStart, StandardCharsets.UTF_8);
    }

    String last() {
        return new String(buf, lastStart, lastEnd - lastStart, StandardCharsets.UTF_8);
    }
}
