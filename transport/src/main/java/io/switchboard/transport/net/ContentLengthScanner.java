package io.switchboard.transport.net;

import io.netty.buffer.ByteBuf;
import io.switchboard.transport.parse.SipParseException;

/**
 * Reads the Content-Length (RFC 3261 §20.14, compact form {@code l}) out of a header section
 * still in the receive buffer, which a stream needs before it can know where the message ends
 * (RFC 3261 §18.3). The full message is framed afterwards by the {@code SipFramer}.
 */
final class ContentLengthScanner {

    private static final byte[] NAME = "content-length".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private ContentLengthScanner() {
    }

    /**
     * The declared length, or -1 when the section has no Content-Length.
     *
     * @param from index of the start line
     * @param length bytes of the header section, the empty line included
     */
    static long find(ByteBuf buf, int from, int length) throws SipParseException {
        int end = from + length;
        int line = buf.indexOf(from, end, (byte) '\n') + 1;
        long found = -1;
        while (line > 0 && line < end) {
            int lf = buf.indexOf(line, end, (byte) '\n');
            if (lf < 0) {
                break;
            }
            int colon = buf.indexOf(line, lf, (byte) ':');
            if (colon > line && isContentLength(buf, line, trimEnd(buf, line, colon))) {
                long value = value(buf, colon + 1, lf);
                if (found >= 0 && found != value) {
                    throw new SipParseException("Content-Length header appears twice with different values");
                }
                found = value;
            }
            line = lf + 1;
        }
        return found;
    }

    private static int trimEnd(ByteBuf buf, int from, int to) {
        while (to > from && isBlank(buf.getByte(to - 1))) {
            to--;
        }
        return to;
    }

    private static boolean isContentLength(ByteBuf buf, int from, int to) {
        int n = to - from;
        if (n == 1) {
            return (buf.getByte(from) | 0x20) == 'l';
        }
        if (n != NAME.length) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            byte b = buf.getByte(from + i);
            if (b >= 'A' && b <= 'Z') {
                b += 'a' - 'A';
            }
            if (b != NAME[i]) {
                return false;
            }
        }
        return true;
    }

    private static long value(ByteBuf buf, int from, int to) throws SipParseException {
        while (from < to && isBlank(buf.getByte(from))) {
            from++;
        }
        to = trimEnd(buf, from, to);
        if (from == to || to - from > 10) {
            throw new SipParseException("Content-Length is not a length");
        }
        long value = 0;
        for (int i = from; i < to; i++) {
            byte b = buf.getByte(i);
            if (b < '0' || b > '9') {
                throw new SipParseException("Content-Length is not a non-negative number");
            }
            value = value * 10 + b - '0';
        }
        return value;
    }

    private static boolean isBlank(byte b) {
        return b == ' ' || b == '\t' || b == '\r';
    }
}
