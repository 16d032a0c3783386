package io.switchboard.engine.management;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * The management listener (issue 4): one HTTP/1.1 port, on Netty's HTTP codec, serving
 * {@code POST /RPC} (JSON-RPC 2.0, Kamailio's jsonrpcs), {@code GET /metrics} (Prometheus) and
 * {@code GET /live} with its event stream {@code /live/events} (issue 7).
 * Bound to {@code switchboard.rpc.listen}, 127.0.0.1 unless configured otherwise. One event-loop
 * thread does the I/O; commands and scrapes run on the worker executor.
 */
public final class RpcServer {

    /** The largest request body taken; a larger one is answered 413. */
    public static final int MAX_REQUEST_BYTES = 1024 * 1024;

    private final EventLoopGroup group;
    private final Channel channel;

    private RpcServer(EventLoopGroup group, Channel channel) {
        this.group = group;
        this.channel = channel;
    }

    /**
     * Binds the listener.
     *
     * @param worker where commands run and responses are written; not a Netty event loop
     * @return completes with the server, or fails with an {@link IOException} naming the address
     */
    public static CompletionStage<RpcServer> bind(RpcSettings settings, RpcCommands commands,
            PrometheusMeterRegistry metrics, LiveFeed live, Executor worker) {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("rpc-io", true),
                NioIoHandler.newFactory());
        JsonRpcEndpoint endpoint = new JsonRpcEndpoint(commands);
        CompletableFuture<RpcServer> bound = new CompletableFuture<>();
        new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(MAX_REQUEST_BYTES),
                                new RpcHttpHandler(settings, endpoint, metrics, live, worker));
                    }
                })
                .bind(settings.listen())
                .addListener((ChannelFutureListener) f -> {
                    if (f.isSuccess()) {
                        bound.complete(new RpcServer(group, f.channel()));
                    } else {
                        group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
                        bound.completeExceptionally(new IOException("cannot listen for management (switchboard.rpc.listen) on "
                                + settings.listen().getHostString() + ":" + settings.listen().getPort() + ": " + f.cause().getMessage(), f.cause()));
                    }
                });
        return bound;
    }

    /** The address bound, with the actual port where 0 was asked. */
    public InetSocketAddress localAddress() {
        return (InetSocketAddress) channel.localAddress();
    }

    /** Closes the listener and its connections. */
    public CompletionStage<Void> close() {
        CompletableFuture<Void> closed = new CompletableFuture<>();
        channel.close().addListener(c -> group.shutdownGracefully(0, 2, TimeUnit.SECONDS)
                .addListener(g -> closed.complete(null)));
        return closed;
    }
}
