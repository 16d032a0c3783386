package io.switchboard.transport.message;

import io.switchboard.transport.parse.SipLimitExceededException;
import io.switchboard.transport.parse.SipLimits;
import io.switchboard.transport.parse.SipParseException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Frames received bytes into a {@link SipMessage} (RFC 3261 §7): finds the start line, the
 * boundaries of every header field line (folded lines included, §7.3.1) and the body, reading
 * only the Content-Length value (§18.3, §20.14). Header values are parsed later, on demand. CRLFs
 * before the start line are skipped (§7.5). Bad input gives {@link SipParseException}, a message
 * past the {@link SipLimits} gives {@link SipLimitExceededException}; nothing else is thrown.
 * Thread-safe; the bytes must not change after framing.
 */
public final class SipFramer {

    public static final SipFramer DEFAULT = new SipFramer(SipLimits.DEFAULT);

    private static final byte[] VERSION = "SIP/2.0".getBytes(StandardCharsets.US_ASCII);
    private static final boolean[] TOKEN = new boolean[128];

    static {
        for (char c = 'a'; c <= 'z'; c++) {
            TOKEN[c] = true;
            TOKEN[c - 'a' + 'A'] = true;
        }
        for (char c = '0'; c <= '9'; c++) {
            TOKEN[c] = true;
        }
        for (char c : "-.!%*_+`'~".toCharArray()) {
            TOKEN[c] = true;
        }
    }

    private final SipLimits limits;

    public SipFramer(SipLimits limits) {
        this.limits = limits;
    }

    public SipLimits limits() {
        return limits;
    }

    /** Frames the whole array. */
    public SipMessage frame(byte[] buf) throws SipParseException {
        return frame(buf, 0, buf.length);
    }

    /** Frames {@code length} bytes from {@code offset}; the message keeps a reference to {@code buf}. */
    public SipMessage frame(byte[] buf, int offset, int length) throws SipParseException {
        return frame(buf, offset, length, false);
    }

    /**
     * Frames one datagram as {@link #frame(byte[], int, int)} does, except that a Content-Length
     * larger than the bytes after the header section is no framing error (RFC 3261 §18.3): the
     * message keeps the body that arrived and {@link SipMessage#validate()} reports the shortfall,
     * so a request can be answered 400 and a response discarded.
     */
    public SipMessage frameDatagram(byte[] buf, int offset, int length) throws SipParseException {
        return frame(buf, offset, length, true);
    }

    private SipMessage frame(byte[] buf, int offset, int length, boolean datagram) throws SipParseException {
        if (length > limits.maxMessageSize()) {
            throw new SipLimitExceededException(SipLimits.Limit.MAX_MESSAGE_SIZE, limits.maxMessageSize(), length);
        }
        int end = offset + length;
        int pos = offset;
        while (pos < end && (buf[pos] == '\r' || buf[pos] == '\n')) {
            pos++;
        }
        if (pos == end) {
            throw new SipParseException("empty message");
        }
        int lineEnd = lineEnd(buf, pos, end, "start line");
        StartLine startLine;
        SipMethod method = null;
        int statusCode = 0;
        if (startsWith(buf, pos, lineEnd, "SIP/")) {
            startLine = statusLine(buf, pos, lineEnd);
            statusCode = statusCode(buf, startLine.middleStart());
        } else {
            int sp = indexOf(buf, pos, lineEnd, (byte) ' ');
            startLine = requestLine(buf, pos, lineEnd, sp);
            method = SipMethod.of(buf, pos, sp - pos);
        }
        pos = lineEnd;
        List<HeaderField> fields = new ArrayList<>(16);
        int contentLength = -1;
        while (true) {
            if (pos >= end) {
                throw new SipParseException("header section not terminated by an empty line");
            }
            if (buf[pos] == '\n') {
                pos++;
                break;
            }
            if (buf[pos] == '\r' && pos + 1 < end && buf[pos + 1] == '\n') {
                pos += 2;
                break;
            }
            HeaderField field = headerField(buf, pos, end);
            if (fields.size() == limits.maxHeaderCount()) {
                throw new SipLimitExceededException(SipLimits.Limit.MAX_HEADER_COUNT, limits.maxHeaderCount(),
                        fields.size() + 1);
            }
            fields.add(field);
            if (field.name() == HeaderName.CONTENT_LENGTH) {
                int declared = contentLength(field.value());
                if (contentLength >= 0 && declared != contentLength) {
                    throw new SipParseException("Content-Length header appears twice with different values");
                }
                contentLength = declared;
            }
            pos += field.encodedLength();
        }
        int available = end - pos;
        if (contentLength > available && !datagram) {
            throw new SipParseException(Body.shortfall(contentLength, available));
        }
        Body body = new Body(buf, pos, contentLength >= 0 ? Math.min(contentLength, available) : available,
                contentLength);
        HeaderField[] array = fields.toArray(new HeaderField[0]);
        return method != null
                ? new SipRequest(method, startLine, array, body)
                : new SipResponse(statusCode, startLine, array, body);
    }

    /** The index just past the LF ending the line at {@code pos}. */
    private int lineEnd(byte[] buf, int pos, int end, String what) throws SipParseException {
        int max = Math.min(end, pos + limits.maxLineLength() + 2);
        for (int i = pos; i < max; i++) {
            if (buf[i] == '\n') {
                if (i - pos - (i > pos && buf[i - 1] == '\r' ? 1 : 0) > limits.maxLineLength()) {
                    break;
                }
                return i + 1;
            }
        }
        if (max < end || end - pos > limits.maxLineLength()) {
            throw new SipLimitExceededException(SipLimits.Limit.MAX_LINE_LENGTH, limits.maxLineLength(),
                    lineLength(buf, pos, end));
        }
        throw new SipParseException(what + " is not terminated by CRLF");
    }

    private static int lineLength(byte[] buf, int pos, int end) {
        int i = pos;
        while (i < end && buf[i] != '\n') {
            i++;
        }
        return i - pos;
    }

    /** The end of the line's content: before CRLF or LF. */
    private static int contentEnd(byte[] buf, int start, int lineEnd) {
        int e = lineEnd - 1;
        return e > start && buf[e - 1] == '\r' ? e - 1 : e;
    }

    private static StartLine requestLine(byte[] buf, int start, int lineEnd, int sp) throws SipParseException {
        int contentEnd = contentEnd(buf, start, lineEnd);
        if (sp <= start) {
            throw new SipParseException("malformed Request-Line '" + text(buf, start, contentEnd)
                    + "' (expected Method SP Request-URI SP SIP/2.0)");
        }
        for (int i = start; i < sp; i++) {
            if (!isToken(buf[i])) {
                throw new SipParseException("Request-Line: method '" + text(buf, start, sp) + "' is not a token");
            }
        }
        int uriStart = sp + 1;
        int sp2 = indexOf(buf, uriStart, contentEnd, (byte) ' ');
        if (sp2 <= uriStart) {
            throw new SipParseException("malformed Request-Line '" + text(buf, start, contentEnd)
                    + "' (expected Method SP Request-URI SP SIP/2.0)");
        }
        for (int i = uriStart; i < sp2; i++) {
            if (buf[i] <= 0x20 || buf[i] == 0x7f) {
                throw new SipParseException("Request-URI contains a control character or whitespace");
            }
        }
        int versionStart = sp2 + 1;
        int sp3 = indexOf(buf, versionStart, contentEnd, (byte) ' ');
        if (sp3 >= 0 && contentEnd - sp3 - 1 == VERSION.length && startsWith(buf, sp3 + 1, contentEnd, "SIP/2.0")) {
            throw new SipParseException("malformed Request-Line: whitespace inside the Request-URI '"
                    + text(buf, uriStart, sp3) + "'");
        }
        checkVersion(buf, versionStart, contentEnd, "Request-Line", start);
        return new StartLine(buf, start, lineEnd, uriStart, sp2, versionStart, contentEnd);
    }

    private static StartLine statusLine(byte[] buf, int start, int lineEnd) throws SipParseException {
        int contentEnd = contentEnd(buf, start, lineEnd);
        int sp = indexOf(buf, start, contentEnd, (byte) ' ');
        if (sp < 0) {
            throw new SipParseException("malformed Status-Line '" + text(buf, start, contentEnd) + "'");
        }
        checkVersion(buf, start, sp, "Status-Line", start);
        int codeStart = sp + 1;
        int codeEnd = codeStart;
        while (codeEnd < contentEnd && buf[codeEnd] >= '0' && buf[codeEnd] <= '9') {
            codeEnd++;
        }
        if (codeEnd - codeStart != 3 || codeEnd < contentEnd && buf[codeEnd] != ' ') {
            throw new SipParseException("Status-Line: status code must be three digits in '"
                    + text(buf, start, contentEnd) + "'");
        }
        int code = (buf[codeStart] - '0') * 100 + (buf[codeStart + 1] - '0') * 10 + buf[codeStart + 2] - '0';
        if (code < 100) {
            throw new SipParseException("Status-Line: status code " + code + " is below 100");
        }
        int reasonStart = Math.min(codeEnd + 1, contentEnd);
        for (int i = reasonStart; i < contentEnd; i++) {
            if ((buf[i] & 0xff) < 0x20 && buf[i] != '\t') {
                throw new SipParseException("Status-Line: control character in the reason phrase");
            }
        }
        return new StartLine(buf, start, lineEnd, codeStart, codeEnd, reasonStart, contentEnd);
    }

    private static int statusCode(byte[] buf, int codeStart) {
        return (buf[codeStart] - '0') * 100 + (buf[codeStart + 1] - '0') * 10 + buf[codeStart + 2] - '0';
    }

    private static void checkVersion(byte[] buf, int from, int to, String line, int lineStart)
            throws SipParseException {
        if (to - from == VERSION.length && startsWith(buf, from, to, "SIP/2.0")) {
            return;
        }
        String version = text(buf, from, to);
        if (startsWith(buf, from, to, "SIP/") && indexOf(buf, from, to, (byte) ' ') < 0) {
            throw new SipParseException("unsupported SIP version '" + version + "' (only SIP/2.0)");
        }
        throw new SipParseException("malformed " + line + ": '" + version + "' where SIP/2.0 belongs");
    }

    private HeaderField headerField(byte[] buf, int start, int end) throws SipParseException {
        if (buf[start] == ' ' || buf[start] == '\t') {
            throw new SipParseException("header section: continuation line without a header field");
        }
        int lineEnd = lineEnd(buf, start, end, "header line");
        int colon = start;
        while (colon < lineEnd && buf[colon] != ':') {
            colon++;
        }
        if (colon == lineEnd) {
            throw new SipParseException("header line without ':': '" + text(buf, start, contentEnd(buf, start, lineEnd)) + "'");
        }
        int nameEnd = colon;
        while (nameEnd > start && (buf[nameEnd - 1] == ' ' || buf[nameEnd - 1] == '\t')) {
            nameEnd--;
        }
        if (nameEnd == start) {
            throw new SipParseException("header line with an empty name");
        }
        for (int i = start; i < nameEnd; i++) {
            if (!isToken(buf[i])) {
                throw new SipParseException("malformed header name '" + text(buf, start, nameEnd) + "'");
            }
        }
        boolean folded = false;
        while (lineEnd < end && (buf[lineEnd] == ' ' || buf[lineEnd] == '\t')) {
            folded = true;
            lineEnd = lineEnd(buf, lineEnd, end, "header line");
        }
        int valueStart = colon + 1;
        int valueEnd = lineEnd;
        while (valueStart < valueEnd && isWhitespace(buf[valueStart])) {
            valueStart++;
        }
        while (valueEnd > valueStart && isWhitespace(buf[valueEnd - 1])) {
            valueEnd--;
        }
        return new HeaderField(HeaderName.of(buf, start, nameEnd - start), buf, start, lineEnd, valueStart,
                valueEnd, folded);
    }

    private static int contentLength(String value) throws SipParseException {
        if (value.isEmpty() || value.length() > 10) {
            throw new SipParseException("Content-Length '" + value + "' is not a length");
        }
        long length = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                throw new SipParseException("Content-Length '" + value + "' is not a non-negative number");
            }
            length = length * 10 + c - '0';
        }
        if (length > Integer.MAX_VALUE) {
            throw new SipParseException("Content-Length '" + value + "' is too large");
        }
        return (int) length;
    }

    private static boolean isWhitespace(byte b) {
        return b == ' ' || b == '\t' || b == '\r' || b == '\n';
    }

    private static boolean isToken(byte b) {
        return b >= 0 && TOKEN[b];
    }

    private static int indexOf(byte[] buf, int from, int to, byte b) {
        for (int i = from; i < to; i++) {
            if (buf[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static boolean startsWith(byte[] buf, int from, int to, String prefix) {
        if (to - from < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            int b = buf[from + i];
            if (b >= 'a' && b <= 'z') {
                b -= 'a' - 'A';
            }
            if (b != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static String text(byte[] buf, int from, int to) {
        return new String(buf, from, Math.max(0, to - from), StandardCharsets.UTF_8);
    }
}
