package io.switchboard.transport.net;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.switchboard.transport.message.SipFramer;
import io.switchboard.transport.message.SipMessage;
import io.switchboard.transport.parse.SipLimits;
import io.switchboard.transport.parse.SipParseException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Frames SIP messages out of a byte stream (RFC 3261 §18.3): the header section ends at the first
 * empty line, and the mandatory Content-Length gives the body's size. Between messages a
 * "\r\n\r\n" ping is answered with a "\r\n" pong and lone CRLFs are skipped (RFC 5626 §3.5.1).
 * A message without Content-Length, or a header section or line past the {@link SipLimits},
 * leaves the stream impossible to frame: it is counted and the connection is closed.
 */
final class SipStreamDecoder extends ByteToMessageDecoder {

    private static final Logger log = LoggerFactory.getLogger(SipStreamDecoder.class);

    private static final byte CR = '\r';
    private static final byte LF = '\n';
    private static final byte[] PING = {CR, LF, CR, LF};
    private static final byte[] PONG = {CR, LF};

    private enum State { BETWEEN_MESSAGES, HEADERS, BODY, FAILED }

    private final SipFramer framer;
    private final SipLimits limits;
    private final TransportCounters counters;

    private State state = State.BETWEEN_MESSAGES;
    /** Offsets relative to the reader index, which stays at the message start until it is read. */
    private int scanned;
    private int lineStart;
    private int messageLength;

    SipStreamDecoder(SipFramer framer, TransportCounters counters) {
        this.framer = framer;
        this.limits = framer.limits();
        this.counters = counters;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        boolean progress = true;
        while (progress && in.isReadable()) {
            progress = switch (state) {
                case BETWEEN_MESSAGES -> skipKeepAlives(ctx, in);
                case HEADERS -> scanHeaders(ctx, in);
                case BODY -> readMessage(ctx, in, out);
                case FAILED -> {
                    in.skipBytes(in.readableBytes());
                    yield false;
                }
            };
        }
    }

    /** Consumes pings and stray CRLFs; true when a message starts at the reader index. */
    private boolean skipKeepAlives(ChannelHandlerContext ctx, ByteBuf in) {
        while (in.isReadable()) {
            int r = in.readerIndex();
            int n = in.readableBytes();
            byte b = in.getByte(r);
            if (b != CR && b != LF) {
                state = State.HEADERS;
                scanned = 0;
                lineStart = 0;
                return true;
            }
            int prefix = pingPrefix(in, r, Math.min(n, PING.length));
            if (prefix == PING.length) {
                in.skipBytes(PING.length);
                counters.keepAlives.increment();
                ctx.writeAndFlush(Unpooled.wrappedBuffer(PONG));
            } else if (prefix == n) {
                return false;
            } else {
                in.skipBytes(prefix >= 2 ? 2 : 1);
            }
        }
        return false;
    }

    private static int pingPrefix(ByteBuf in, int from, int max) {
        int i = 0;
        while (i < max && in.getByte(from + i) == PING[i]) {
            i++;
        }
        return i;
    }

    /** Looks for the empty line ending the header section; true once Content-Length is known. */
    private boolean scanHeaders(ChannelHandlerContext ctx, ByteBuf in) {
        int r = in.readerIndex();
        int n = in.readableBytes();
        while (scanned < n) {
            int lf = in.indexOf(r + scanned, r + n, LF);
            if (lf < 0) {
                scanned = n;
                if (n - lineStart > limits.maxLineLength() + 1) {
                    return fail(ctx, in, SipLimits.Limit.MAX_LINE_LENGTH, limits.maxLineLength(), n - lineStart);
                }
                break;
            }
            int end = lf - r;
            int content = end - lineStart - (end > lineStart && in.getByte(lf - 1) == CR ? 1 : 0);
            if (content > limits.maxLineLength()) {
                return fail(ctx, in, SipLimits.Limit.MAX_LINE_LENGTH, limits.maxLineLength(), content);
            }
            if (end + 1 > limits.maxMessageSize()) {
                return fail(ctx, in, SipLimits.Limit.MAX_MESSAGE_SIZE, limits.maxMessageSize(), end + 1);
            }
            scanned = end + 1;
            if (content == 0) {
                return headersComplete(ctx, in, scanned);
            }
            lineStart = scanned;
        }
        if (n > limits.maxMessageSize()) {
            return fail(ctx, in, SipLimits.Limit.MAX_MESSAGE_SIZE, limits.maxMessageSize(), n);
        }
        return false;
    }

    private boolean headersComplete(ChannelHandlerContext ctx, ByteBuf in, int headerLength) {
        long contentLength;
        try {
            contentLength = ContentLengthScanner.find(in, in.readerIndex(), headerLength);
        } catch (SipParseException e) {
            return fail(ctx, in, e.getMessage());
        }
        if (contentLength < 0) {
            return fail(ctx, in, "no Content-Length, which a stream requires (RFC 3261 §18.3)");
        }
        long total = headerLength + contentLength;
        if (total > limits.maxMessageSize()) {
            return fail(ctx, in, SipLimits.Limit.MAX_MESSAGE_SIZE, limits.maxMessageSize(), total);
        }
        messageLength = (int) total;
        state = State.BODY;
        return true;
    }

    private boolean readMessage(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (in.readableBytes() < messageLength) {
            return false;
        }
        byte[] bytes = new byte[messageLength];
        in.readBytes(bytes);
        state = State.BETWEEN_MESSAGES;
        try {
            SipMessage message = framer.frame(bytes, 0, bytes.length);
            out.add(message);
        } catch (SipParseException e) {
            counters.parseErrors.increment();
            log.debug("dropped a message from {}: {}", ctx.channel().remoteAddress(), e.getMessage());
        }
        return true;
    }

    private boolean fail(ChannelHandlerContext ctx, ByteBuf in, SipLimits.Limit limit, long allowed, long actual) {
        return fail(ctx, in, "message exceeds " + limit.settingName() + " (" + allowed + "): " + actual);
    }

    private boolean fail(ChannelHandlerContext ctx, ByteBuf in, String reason) {
        counters.parseErrors.increment();
        log.debug("closing the connection from {}: {}", ctx.channel().remoteAddress(), reason);
        state = State.FAILED;
        in.skipBytes(in.readableBytes());
        ctx.close();
        return false;
    }
}
