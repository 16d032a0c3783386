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
import io.netty.handler.codec.http.cookie.Cookie;
import io.netty.handler.codec.http.cookie.ServerCookieDecoder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP side of the management listener, one per connection (issue 4): {@code POST /RPC} is
 * JSON-RPC 2.0, {@code GET /metrics} is the Prometheus text format, {@code GET /live} the live
 * page and {@code GET /live/events} its Server-Sent Events ({@link LiveFeed}, issue 7). When a
 * token is set anything without {@code Authorization: Bearer <token>} (RFC 6750 §2.1) gets 401
 * and no data; as a browser cannot set that header on an EventSource, the two live paths also
 * take the token as the query parameter {@code token} or the cookie {@code switchboard_token}.
 * A connection that carries an event stream serves nothing else.
 * Requests are served on the worker executor, one after another per connection, so the answers
 * of pipelined requests keep their order (RFC 9112 §9.3.2).
 */
final class RpcHttpHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    private static final Logger log = LoggerFactory.getLogger(RpcHttpHandler.class);
    static final String RPC_PATH = "/RPC";
    static final String METRICS_PATH = "/metrics";
    static final String LIVE_PATH = "/live";
    static final String LIVE_EVENTS_PATH = "/live/events";
    static final String TOKEN_PARAMETER = "token";
    static final String TOKEN_COOKIE = "switchboard_token";
    private static final String HTML = "text/html; charset=utf-8";
    private static final byte[] LIVE_PAGE = livePage();
    private static final String JSON = "application/json";
    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final byte[] expectedAuthorization;
    private final JsonRpcEndpoint endpoint;
    private final PrometheusMeterRegistry metrics;
    private final LiveFeed live;
    private final Executor worker;
    private volatile boolean streaming;
    private CompletableFuture<Void> previous = CompletableFuture.completedFuture(null);

    /** What the worker needs of a request, copied off the event loop. */
    private record Received(HttpMethod method, String path, String authorization, String liveToken, boolean keepAlive,
            byte[] body) {
    }

    RpcHttpHandler(RpcSettings settings, JsonRpcEndpoint endpoint, PrometheusMeterRegistry metrics, LiveFeed live,
            Executor worker) {
        this.expectedAuthorization = settings.hasToken()
                ? ("Bearer " + settings.token()).getBytes(StandardCharsets.UTF_8) : null;
        this.endpoint = endpoint;
        this.metrics = metrics;
        this.live = live;
        this.worker = worker;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        Channel channel = ctx.channel();
        if (streaming) {
            channel.close();
            return;
        }
        if (request.decoderResult().isFailure()) {
            enqueue(channel, "a malformed request", () -> HttpResponseStream.sendEmpty(channel, false,
                    HttpResponseStatus.BAD_REQUEST, null, null));
            return;
        }
        QueryStringDecoder uri = new QueryStringDecoder(request.uri());
        Received received = new Received(request.method(), uri.path(),
                request.headers().get(HttpHeaderNames.AUTHORIZATION), liveToken(uri, request),
                HttpUtil.isKeepAlive(request), ByteBufUtil.getBytes(request.content()));
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
        if (streaming) {
            channel.close();
            return;
        }
        boolean keepAlive = request.keepAlive();
        if (!authorized(request)) {
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
                if (get(channel, request)) {
                    stream(channel, keepAlive, PROMETHEUS_TEXT, metrics::scrape);
                }
            }
            case LIVE_PATH -> {
                if (get(channel, request)) {
                    stream(channel, keepAlive, HTML, out -> out.write(LIVE_PAGE));
                }
            }
            case LIVE_EVENTS_PATH -> {
                if (get(channel, request)) {
                    streaming = true;
                    live.subscribe(channel, keepAlive);
                }
            }
            default -> HttpResponseStream.sendEmpty(channel, keepAlive, HttpResponseStatus.NOT_FOUND, null, null);
        }
    }

    /** True for a GET; else answers 405. */
    private static boolean get(Channel channel, Received request) {
        if (request.method().equals(HttpMethod.GET)) {
            return true;
        }
        HttpResponseStream.sendEmpty(channel, request.keepAlive(), HttpResponseStatus.METHOD_NOT_ALLOWED,
                HttpHeaderNames.ALLOW, "GET");
        return false;
    }

    private boolean authorized(Received request) {
        if (expectedAuthorization == null) {
            return true;
        }
        String authorization = request.authorization();
        if (authorization == null && request.liveToken() != null
                && (request.path().equals(LIVE_PATH) || request.path().equals(LIVE_EVENTS_PATH))) {
            authorization = "Bearer " + request.liveToken();
        }
        return authorization != null
                && MessageDigest.isEqual(expectedAuthorization, authorization.getBytes(StandardCharsets.UTF_8));
    }

    /** The token of {@code ?token=} or else of the cookie {@code switchboard_token}, if any. */
    private static String liveToken(QueryStringDecoder uri, FullHttpRequest request) {
        List<String> tokens = uri.parameters().get(TOKEN_PARAMETER);
        if (tokens != null && !tokens.isEmpty()) {
            return tokens.get(0);
        }
        String cookies = request.headers().get(HttpHeaderNames.COOKIE);
        if (cookies != null) {
            for (Cookie cookie : ServerCookieDecoder.LAX.decode(cookies)) {
                if (cookie.name().equals(TOKEN_COOKIE)) {
                    return cookie.value();
                }
            }
        }
        return null;
    }

    private static byte[] livePage() {
        try (InputStream in = RpcHttpHandler.class.getResourceAsStream("live.html")) {
            if (in == null) {
                throw new IllegalStateException("live.html is not among the engine's resources");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
