package io.switchboard.engine.management;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import java.io.IOException;
import java.io.OutputStream;

/**
 * A 200 response body written as it is produced (issue 4: large answers streamed): the bytes
 * collect in a buffer of {@link #CHUNK_BYTES}; a body that fits goes out whole with its
 * Content-Length, a larger one as HTTP/1.1 chunked transfer coding (RFC 9112 §7.1), one chunk per
 * full buffer. The writer waits while the connection is not writable, so a slow client slows the
 * writer instead of filling memory. Written from a worker thread, never a Netty event loop.
 *
 * <p>{@link #flush()} does nothing: chunk boundaries are the buffer's, not the JSON writer's.
 */
final class HttpResponseStream extends OutputStream {

    /** Bytes collected before a chunk is sent. */
    static final int CHUNK_BYTES = 16 * 1024;

    private final Channel channel;
    private final boolean keepAlive;
    private final String contentType;
    private ByteBuf buffer;
    private long sent;
    private boolean committed;
    private boolean closed;

    HttpResponseStream(Channel channel, boolean keepAlive, String contentType) {
        this.channel = channel;
        this.keepAlive = keepAlive;
        this.contentType = contentType;
        this.buffer = channel.alloc().heapBuffer(CHUNK_BYTES);
    }

    /** Sends a response without a body, such as 204, 401 or 404. */
    static void sendEmpty(Channel channel, boolean keepAlive, HttpResponseStatus status, CharSequence header,
            String value) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status);
        if (header != null) {
            response.headers().set(header, value);
        }
        if (status.code() != HttpResponseStatus.NO_CONTENT.code()) {
            HttpUtil.setContentLength(response, 0);
        }
        finish(channel, keepAlive, response);
    }

    @Override
    public void write(int b) throws IOException {
        ensureRoom();
        buffer.writeByte(b);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        while (length > 0) {
            ensureRoom();
            int n = Math.min(length, buffer.writableBytes());
            buffer.writeBytes(bytes, offset, n);
            offset += n;
            length -= n;
        }
    }

    @Override
    public void flush() {
    }

    /** Where the next byte goes, counted from the start of the body. */
    long position() {
        return sent + buffer.readableBytes();
    }

    /** Forgets what was written after {@code position}; false when some of it has been sent. */
    boolean rewind(long position) {
        if (position < sent) {
            return false;
        }
        buffer.writerIndex((int) (position - sent));
        return true;
    }

    /** Sends the rest: the whole response if nothing was sent yet, else the last chunks. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        if (!committed) {
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK, buffer);
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
            HttpUtil.setContentLength(response, buffer.readableBytes());
            finish(channel, keepAlive, response);
            return;
        }
        if (buffer.isReadable()) {
            channel.write(new DefaultHttpContent(buffer));
        } else {
            buffer.release();
        }
        finish(channel, keepAlive, LastHttpContent.EMPTY_LAST_CONTENT);
    }

    /** Ends the exchange after a failure in the middle of a body: the connection closes. */
    void abort() {
        if (!closed) {
            closed = true;
            buffer.release();
            channel.close();
        }
    }

    private void ensureRoom() throws IOException {
        if (closed) {
            throw new IOException("response already ended");
        }
        if (buffer.isWritable()) {
            return;
        }
        commit();
        sent += buffer.readableBytes();
        ChannelFuture written = channel.writeAndFlush(new DefaultHttpContent(buffer));
        buffer = channel.alloc().heapBuffer(CHUNK_BYTES);
        if (!channel.isWritable()) {
            written.awaitUninterruptibly();
        }
        if (!channel.isActive() || written.isDone() && !written.isSuccess()) {
            throw new IOException("the client went away", written.cause());
        }
    }

    /**
     * Sends {@code bytes} as one chunk at once, after what the buffer holds, committing a chunked
     * response first; does not wait for the client (an event stream: the caller checks
     * {@link Channel#isWritable()} and drops what a slow client cannot take).
     */
    void sendChunk(byte[] bytes) throws IOException {
        if (closed || !channel.isActive()) {
            throw new IOException("the response has ended or the client went away");
        }
        commit();
        if (buffer.isReadable()) {
            sent += buffer.readableBytes();
            channel.write(new DefaultHttpContent(buffer));
            buffer = channel.alloc().heapBuffer(CHUNK_BYTES);
        }
        sent += bytes.length;
        channel.writeAndFlush(new DefaultHttpContent(Unpooled.wrappedBuffer(bytes)));
    }

    /** Sends the head of a chunked response unless it went already. */
    private void commit() {
        if (!committed) {
            HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
            head.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
            head.headers().set(HttpHeaderNames.CACHE_CONTROL, "no-store");
            HttpUtil.setTransferEncodingChunked(head, true);
            HttpUtil.setKeepAlive(head, keepAlive);
            channel.write(head);
            committed = true;
        }
    }

    private static void finish(Channel channel, boolean keepAlive, Object last) {
        if (last instanceof HttpResponse response) {
            HttpUtil.setKeepAlive(response, keepAlive);
        }
        ChannelFuture written = channel.writeAndFlush(last);
        if (!keepAlive) {
            written.addListener(ChannelFutureListener.CLOSE);
        }
    }
}
