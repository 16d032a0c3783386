package io.switchboard.engine.management;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP side of the management listener, one per connection (issue 4): {@code POST /RPC} is
 * JSON-RPC 2.0, {@code GET /metrics} is the Prometheus text format, and when a token is set
 * anything without {@code Authorization: Bearer <token>} (RFC 6750 §2.1) gets 401 and no data.
 * Requests are served on the worker executor, one after another per connection, so the answers
 * of pipelined requests keep their order (RFC 9112 §9.3.2).
 */
final class RpcHttpHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    private static final Logger log = LoggerFactory.getLogger(RpcHttpHandler.class);
    static final String RPC_PATH = "/RPC";
    static final String METRICS_PATH = "/metrics";
    private static final String JSON = "application/json";
    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final byte[] expectedAuthorization;
    private final JsonRpcEndpoint endpoint;
    private final PrometheusMeterRegistry metrics;
    private final Executor worker;
    private CompletableFuture<Void> previous = CompletableFuture.completedFuture(null);

    /** What the worker needs of a request, copied off the event loop. */
    private record Received(HttpMethod method, String path, String authorization, boolean keepAlive, byte[] body) {
    }

    RpcHttpHandler(RpcSettings settings, JsonRpcEndpoint endpoint, PrometheusMeterRegistry metrics, Executor worker) {
        this.expectedAuthorization = settings.hasToken()
                ? ("Bearer " + settings.token()).getBytes(StandardCharsets.UTF_8) : null;
        this.endpoint = endpoint;
        this.metrics = metrics;
        this.worker = worker;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        Channel channel = ctx.channel();
        if (request.decoderResult().isFailure()) {
            enqueue(channel, "a malformed request", () -> HttpResponseStream.sendEmpty(channel, false,
                    HttpResponseStatus.BAD_REQUEST, null, null));
            return;
        }
        Received received = new Received(request.method(), new QueryStringDecoder(request.uri()).path(),
                request.headers().get(HttpHeaderNames.AUTHORIZATION), HttpUtil.isKeepAlive(request),
                ByteBufUtil.getBytes(request.content()));
        enqueue(channel, received.method() + " " + received.path(), () -> serve(channel, received));
    }

    /** Runs {@code task} on the worker once the answers before it on this connection are written. */
    private void enqueue(Channel channel, String what, Runnable task) {
        previous = previous.thenRunAsync(task, worker).exceptionally(e -> {
            log.warn("management request {} failed", what, e);
            channel.close();
            return null;
        });
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log.debug("management connection from {} failed", ctx.channel().remoteAddress(), cause);
        ctx.close();
    }

    private void serve(Channel channel, Received request) {
        boolean keepAlive = request.keepAlive();
        if (!authorized(request.authorization())) {
            HttpResponseStream.sendEmpty(channel, keepAlive, HttpResponseStatus.UNAUTHORIZED,
                    HttpHeaderNames.WWW_AUTHENTICATE, "Bearer realm=\"switchboard\"");
            return;
        }
        switch (request.path()) {
            case RPC_PATH -> {
                if (!request.method().equals(HttpMethod.POST)) {
                    HttpResponseStream.sendEmpty(channel, keepAlive, HttpResponseStatus.METHOD_NOT_ALLOWED,
                            HttpHeaderNames.ALLOW, "POST");
                    return;
                }
                JsonRpcEndpoint.Body body = endpoint.parse(request.body());
                if (body.expectsAnswer()) {
                    stream(channel, keepAlive, JSON, out -> endpoint.answer(body, out));
                } else {
                    endpoint.runNotifications(body);
                    HttpResponseStream.sendEmpty(channel, keepAlive, HttpResponseStatus.NO_CONTENT, null, null);
                }
            }
            case METRICS_PATH -> {
                if (!request.method().equals(HttpMethod.GET)) {
                    HttpResponseStream.sendEmpty(channel, keepAlive, HttpResponseStatus.METHOD_NOT_ALLOWED,
                            HttpHeaderNames.ALLOW, "GET");
                    return;
                }
                stream(channel, keepAlive, PROMETHEUS_TEXT, metrics::scrape);
            }
            default -> HttpResponseStream.sendEmpty(channel, keepAlive, HttpResponseStatus.NOT_FOUND, null, null);
        }
    }

    private boolean authorized(String authorization) {
        return expectedAuthorization == null || authorization != null
                && MessageDigest.isEqual(expectedAuthorization, authorization.getBytes(StandardCharsets.UTF_8));
    }

    private static void stream(Channel channel, boolean keepAlive, String contentType, Body body) {
        HttpResponseStream out = new HttpResponseStream(channel, keepAlive, contentType);
        try {
            body.write(out);
            out.close();
        } catch (IOException | RuntimeException e) {
            log.debug("a management response was cut short", e);
            out.abort();
        }
    }

    @FunctionalInterface
    private interface Body {
        void write(HttpResponseStream out) throws IOException;
    }
}
