package io.switchboard.loadtests.generator;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.util.HashedWheelTimer;
import io.netty.util.Timeout;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.switchboard.transport.message.SipFramer;
import io.switchboard.transport.message.SipMessage;
import io.switchboard.transport.parse.SipParseException;
import java.net.InetSocketAddress;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * One UDP socket of a load tool (RFC 3261 §18.1, one message per datagram) on one Netty event
 * loop, with a timer wheel for retransmissions, holds and timeouts. Everything a role does runs
 * on that loop — received messages, timer tasks, {@link #execute} — so its call state needs no
 * locks and no thread per call.
 */
public final class SipEndpoint implements AutoCloseable {

    /** What a role does with each message received; called on the loop. */
    @FunctionalInterface
    public interface Receiver {
        void received(SipMessage message, InetSocketAddress from);
    }

    private final EventLoopGroup group;
    private final HashedWheelTimer wheel;
    private final Channel channel;
    private final EventLoop loop;

    private SipEndpoint(EventLoopGroup group, HashedWheelTimer wheel, Channel channel) {
        this.group = group;
        this.wheel = wheel;
        this.channel = channel;
        this.loop = channel.eventLoop();
    }

    /** Binds {@code local} (port 0: any) and hands what arrives to {@code receiver}. */
    public static SipEndpoint bind(InetSocketAddress local, String name, Receiver receiver) {
        boolean epoll = Epoll.isAvailable();
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory(name, true),
                epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
        HashedWheelTimer wheel = new HashedWheelTimer(new DefaultThreadFactory(name + "-wheel", true),
                5, TimeUnit.MILLISECONDS, 1024);
        try {
            Channel channel = new Bootstrap().group(group)
                    .channel(epoll ? EpollDatagramChannel.class : NioDatagramChannel.class)
                    .option(ChannelOption.SO_RCVBUF, 8 << 20)
                    .option(ChannelOption.SO_SNDBUF, 8 << 20)
                    .option(ChannelOption.RECVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(65_536))
                    .handler(new SimpleChannelInboundHandler<DatagramPacket>() {
                        @Override
                        protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
                            deliver(ByteBufUtil.getBytes(packet.content()), packet.sender(), receiver);
                        }
                    })
                    .bind(local).syncUninterruptibly().channel();
            return new SipEndpoint(group, wheel, channel);
        } catch (RuntimeException e) {
            wheel.stop();
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            throw e;
        }
    }

    /** Frames a datagram and hands it on; one that is not SIP is dropped, as a SIP transport does (RFC 3261 §18.3). */
    private static void deliver(byte[] bytes, InetSocketAddress from, Receiver receiver) {
        SipMessage message;
        try {
            message = SipFramer.DEFAULT.frame(bytes, 0, bytes.length);
        } catch (SipParseException e) {
            return;
        }
        receiver.received(message, from);
    }

    public InetSocketAddress localAddress() {
        return (InetSocketAddress) channel.localAddress();
    }

    /** Sends one datagram; from the loop or any thread. */
    public void send(byte[] message, InetSocketAddress to) {
        channel.writeAndFlush(new DatagramPacket(Unpooled.wrappedBuffer(message), to), channel.voidPromise());
    }

    /** Runs {@code task} on the loop after {@code delayMillis}, through the timer wheel. */
    public Timeout schedule(Runnable task, long delayMillis) {
        return wheel.newTimeout(t -> loop.execute(task), delayMillis, TimeUnit.MILLISECONDS);
    }

    /** Runs {@code task} on the loop every {@code periodMicros} (the pacing of new calls). */
    public Future<?> every(Runnable task, long periodMicros) {
        return loop.scheduleAtFixedRate(task, 0, periodMicros, TimeUnit.MICROSECONDS);
    }

    /** Runs {@code task} on the loop. */
    public void execute(Runnable task) {
        loop.execute(task);
    }

    /** Runs {@code task} on the loop and waits for its answer: how other threads read role state. */
    public <T> T call(Callable<T> task) {
        try {
            return loop.submit(task).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void close() {
        wheel.stop();
        channel.close().syncUninterruptibly();
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
