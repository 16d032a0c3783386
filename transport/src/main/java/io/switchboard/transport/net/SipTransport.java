package io.switchboard.transport.net;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.Future;
import io.switchboard.transport.message.SipFramer;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SIP transport layer over Netty (RFC 3261 §18): UDP and TCP listeners on IPv4 and IPv6,
 * framing what they receive into messages offered to an {@link InboundQueue}, and sending
 * {@link OutboundMessage}s — as datagrams, or over the TCP connection to the destination, opened
 * when there is none (RFC 3261 §18.1.1, §18.2.2). CRLF keep-alives follow RFC 5626 §3.5.1.
 * Uses native epoll where available, NIO elsewhere. No method blocks.
 */
public final class SipTransport {

    private static final Logger log = LoggerFactory.getLogger(SipTransport.class);
    private static final WriteBufferWaterMark WATER_MARK = new WriteBufferWaterMark(512 * 1024, 2 * 1024 * 1024);

    private record Listener(ListenAddress address, Channel channel) {
        InetSocketAddress localAddress() {
            return (InetSocketAddress) channel.localAddress();
        }
    }

    private final boolean epoll = Epoll.isAvailable();
    private final EventLoopGroup group;
    private final TransportSettings settings;
    private final SipFramer framer;
    private final InboundQueue ingress;
    private final TransportCounters counters = new TransportCounters();
    private final TcpConnections connections;
    private volatile List<Listener> listeners = List.of();
    private volatile MessageTap tap;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final CompletableFuture<Void> terminated = new CompletableFuture<>();

    private SipTransport(InboundQueue ingress, TransportSettings settings) {
        this.ingress = ingress;
        this.settings = settings;
        this.framer = new SipFramer(settings.limits());
        this.group = new MultiThreadIoEventLoopGroup(settings.ioThreads(), new DefaultThreadFactory("sip-io", true),
                epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
        this.connections = new TcpConnections(new Bootstrap().group(group)
                .channel(epoll ? EpollSocketChannel.class : NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) settings.tcpConnectTimeout().toMillis())
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.WRITE_BUFFER_WATER_MARK, WATER_MARK)
                .handler(streamPipeline(false)));
    }

    /** Binds with {@link TransportSettings#DEFAULT}. */
    public static CompletionStage<SipTransport> bind(List<ListenAddress> addresses, InboundQueue ingress) {
        return bind(addresses, ingress, TransportSettings.DEFAULT);
    }

    /**
     * Binds every address; the stage completes when all are bound, or fails naming the first that
     * could not be (and nothing stays bound).
     *
     * @param ingress receives every framed message, on a Netty thread; must not block
     */
    public static CompletionStage<SipTransport> bind(List<ListenAddress> addresses, InboundQueue ingress,
                                                     TransportSettings settings) {
        if (addresses.isEmpty()) {
            throw new IllegalArgumentException("no listen address given");
        }
        SipTransport transport = new SipTransport(ingress, settings);
        List<CompletableFuture<Listener>> binds = new ArrayList<>();
        for (ListenAddress address : addresses) {
            binds.add(transport.bind(address));
        }
        return CompletableFuture.allOf(binds.toArray(new CompletableFuture<?>[0])).handle((ok, error) -> {
            transport.listeners = binds.stream().filter(b -> !b.isCompletedExceptionally())
                    .map(CompletableFuture::join).toList();
            if (error != null) {
                transport.shutdown();
                throw new CompletionException(error.getCause() != null ? error.getCause() : error);
            }
            log.info("SIP transport listening on {} ({})", transport.listeners(), transport.epoll ? "epoll" : "nio");
            transport.logReceiveBuffers();
            return transport;
        });
    }

    /**
     * The UDP receive buffers as the kernel granted them: it caps SO_RCVBUF at
     * {@code net.core.rmem_max} without an error (and Linux reports twice what it keeps for data).
     */
    private void logReceiveBuffers() {
        if (settings.udpReceiveBuffer() == 0) {
            return;
        }
        for (Listener listener : listeners) {
            if (listener.address().transport() == Transport.UDP) {
                log.info("{}: receive buffer {} bytes as the kernel reports it ({} asked; capped at net.core.rmem_max)",
                        listener.address(), listener.channel().config().getOption(ChannelOption.SO_RCVBUF),
                        settings.udpReceiveBuffer());
            }
        }
    }

    private CompletableFuture<Listener> bind(ListenAddress address) {
        CompletableFuture<Listener> bound = new CompletableFuture<>();
        ChannelFuture future;
        try {
            future = address.transport() == Transport.UDP ? bindDatagram(address) : bindStream(address);
        } catch (RuntimeException e) {
            bound.completeExceptionally(new IOException("cannot listen on " + address + ": " + e.getMessage(), e));
            return bound;
        }
        future.addListener(f -> {
            if (f.isSuccess()) {
                Channel channel = future.channel();
                int port = ((InetSocketAddress) channel.localAddress()).getPort();
                bound.complete(new Listener(new ListenAddress(address.transport(), address.host(), port), channel));
            } else {
                bound.completeExceptionally(new IOException("cannot listen on " + address + ": " + f.cause(), f.cause()));
            }
        });
        return bound;
    }

    private ChannelFuture bindDatagram(ListenAddress address) {
        Bootstrap bootstrap = new Bootstrap().group(group)
                .channel(epoll ? EpollDatagramChannel.class : NioDatagramChannel.class)
                .option(ChannelOption.RECVBUF_ALLOCATOR,
                        new FixedRecvByteBufAllocator(Math.min(settings.limits().maxMessageSize() + 1, 65_536)))
                .handler(new DatagramHandler(framer, this));
        if (settings.udpReceiveBuffer() > 0) {
            bootstrap.option(ChannelOption.SO_RCVBUF, settings.udpReceiveBuffer());
        }
        return bootstrap.bind(address.socketAddress());
    }

    private ChannelFuture bindStream(ListenAddress address) {
        return new ServerBootstrap().group(group)
                .channel(epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, WATER_MARK)
                .childHandler(streamPipeline(true))
                .bind(address.socketAddress());
    }

    private ChannelInitializer<Channel> streamPipeline(boolean accepted) {
        StreamHandler handler = new StreamHandler(this, accepted);
        long lifetime = settings.tcpConnectionLifetime().toMillis();
        return new ChannelInitializer<>() {
            @Override
            protected void initChannel(Channel channel) {
                channel.pipeline().addLast(new IdleStateHandler(0, 0, lifetime, TimeUnit.MILLISECONDS),
                        new SipStreamDecoder(framer, counters), handler);
            }
        };
    }

    /** The listeners as bound: the configured host, and the actual port where 0 was asked. */
    public List<ListenAddress> listeners() {
        return listeners.stream().map(Listener::address).toList();
    }

    /** The socket address of the first listener of {@code transport}, or null when there is none. */
    public InetSocketAddress localAddress(Transport transport) {
        return listeners.stream().filter(l -> l.address().transport() == transport).findFirst()
                .map(Listener::localAddress).orElse(null);
    }

    /** The socket addresses of every listener, in the order given to {@link #bind}. */
    public List<InetSocketAddress> localAddresses() {
        return listeners.stream().map(Listener::localAddress).toList();
    }

    public TransportCounters counters() {
        return counters;
    }

    /** True when the native epoll transport is in use. */
    public boolean isNative() {
        return epoll;
    }

    /** Open TCP connections, accepted and opened. */
    public int connectionCount() {
        return connections.size();
    }

    TcpConnections connections() {
        return connections;
    }

    /** Hands every message received and sent from now on to {@code tap}; null stops it. */
    public void tap(MessageTap tap) {
        this.tap = tap;
    }

    void deliver(InboundMessage message) {
        counters.received.increment();
        MessageTap t = tap;
        if (t != null) {
            t.message(message.transport(), message.remote(), message.local(), message.message().encode());
        }
        boolean taken;
        try {
            taken = ingress.offer(message);
        } catch (RuntimeException e) {
            log.warn("the ingress threw on offer; message from {} dropped", message.remote(), e);
            taken = false;
        }
        if (!taken) {
            counters.ingressDrops.increment();
        }
    }

    /**
     * Writes {@code out} without blocking. The stage completes when the bytes are handed to the
     * socket, or fails (and {@link TransportCounters#sendFailures()} counts it) when they cannot be.
     */
    public CompletionStage<Void> send(OutboundMessage out) {
        CompletableFuture<Void> result = new CompletableFuture<>();
        try {
            if (out.transport() == Transport.UDP) {
                sendDatagram(out, result);
            } else {
                ChannelFuture connection = connections.connection(out.destination(), connectFrom(out));
                if (connection.isDone()) {
                    sendStream(connection, out, result);
                } else {
                    connection.addListener(f -> sendStream(connection, out, result));
                }
            }
        } catch (RuntimeException e) {
            failed(out, e, result);
        }
        return result;
    }

    private void sendDatagram(OutboundMessage out, CompletableFuture<Void> result) {
        Listener from = listenerFor(out);
        if (from == null) {
            failed(out, new IOException("no UDP listener to send from"), result);
            return;
        }
        byte[] bytes = out.message().encode();
        tapped(out, from.localAddress(), bytes);
        from.channel().writeAndFlush(new DatagramPacket(Unpooled.wrappedBuffer(bytes), out.destination()))
                .addListener(f -> completed(out, f, result));
    }

    private void sendStream(ChannelFuture connection, OutboundMessage out, CompletableFuture<Void> result) {
        if (!connection.isSuccess()) {
            failed(out, connection.cause(), result);
            return;
        }
        Channel channel = connection.channel();
        if (!channel.isWritable()) {
            failed(out, new IOException(channel.isActive() ? "send buffer full" : "connection closed"), result);
            return;
        }
        byte[] bytes = out.message().encode();
        tapped(out, (InetSocketAddress) channel.localAddress(), bytes);
        channel.writeAndFlush(Unpooled.wrappedBuffer(bytes)).addListener(f -> completed(out, f, result));
    }

    private void tapped(OutboundMessage out, InetSocketAddress source, byte[] bytes) {
        MessageTap t = tap;
        if (t != null) {
            t.message(out.transport(), source, out.destination(), bytes);
        }
    }

    /** The listener a datagram leaves from: the one asked for, else the first of the destination's family. */
    private Listener listenerFor(OutboundMessage out) {
        Listener fallback = null;
        boolean v6 = out.destination().getAddress() instanceof Inet6Address;
        for (Listener l : listeners) {
            if (l.address().transport() != out.transport()) {
                continue;
            }
            if (out.local() != null) {
                if (l.localAddress().equals(out.local())) {
                    return l;
                }
                continue;
            }
            if (v6 == l.localAddress().getAddress() instanceof Inet6Address) {
                return l;
            }
            if (fallback == null) {
                fallback = l;
            }
        }
        return fallback;
    }

    /** The local address a new connection binds to: the listener's IP and any port, or null for any. */
    private InetSocketAddress connectFrom(OutboundMessage out) {
        Listener l = listenerFor(out);
        InetSocketAddress local = out.local() != null ? out.local() : l == null ? null : l.localAddress();
        if (local == null || local.getAddress().isAnyLocalAddress()
                || local.getAddress() instanceof Inet6Address != out.destination().getAddress() instanceof Inet6Address) {
            return null;
        }
        return new InetSocketAddress(local.getAddress(), 0);
    }

    private void completed(OutboundMessage out, Future<?> write, CompletableFuture<Void> result) {
        if (write.isSuccess()) {
            counters.sent.increment();
            result.complete(null);
        } else {
            failed(out, write.cause(), result);
        }
    }

    private void failed(OutboundMessage out, Throwable cause, CompletableFuture<Void> result) {
        counters.sendFailures.increment();
        log.debug("could not send to {}:{}: {}", out.transport().configName(), out.destination(), cause.toString());
        result.completeExceptionally(cause);
    }

    /**
     * Closes the listeners and every connection and stops the event loops. Idempotent; the stage
     * completes when the threads have ended.
     */
    public CompletionStage<Void> shutdown() {
        if (stopping.compareAndSet(false, true)) {
            listeners.forEach(l -> l.channel().close());
            connections.closeAll();
            group.shutdownGracefully(50, 5_000, TimeUnit.MILLISECONDS).addListener(f -> {
                if (f.isSuccess()) {
                    terminated.complete(null);
                } else {
                    terminated.completeExceptionally(f.cause());
                }
            });
        }
        return terminated;
    }
}
