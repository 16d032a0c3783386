package io.switchboard.transport.net;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.timeout.IdleStateEvent;
import io.switchboard.transport.message.SipMessage;
import java.net.InetSocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands messages framed on a TCP connection to the transport (RFC 3261 §18.3), remembers accepted
 * connections by their remote address so replies go back on them (RFC 3261 §18.2.2), and closes
 * a connection idle for the configured lifetime.
 */
@ChannelHandler.Sharable
final class StreamHandler extends SimpleChannelInboundHandler<SipMessage> {

    private static final Logger log = LoggerFactory.getLogger(StreamHandler.class);

    private final SipTransport transport;
    private final boolean accepted;

    /** @param accepted true for connections a listener accepted, false for those the egress opened */
    StreamHandler(SipTransport transport, boolean accepted) {
        this.transport = transport;
        this.accepted = accepted;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        if (accepted) {
            transport.connections().accepted(ctx.channel());
        }
        super.channelActive(ctx);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, SipMessage message) {
        transport.deliver(InboundMessage.arrived(message, Transport.TCP,
                (InetSocketAddress) ctx.channel().remoteAddress(), (InetSocketAddress) ctx.channel().localAddress()));
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event instanceof IdleStateEvent) {
            log.debug("closing idle connection {}", ctx.channel().remoteAddress());
            ctx.close();
        } else {
            super.userEventTriggered(ctx, event);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log.debug("connection {}: {}", ctx.channel().remoteAddress(), cause.toString());
        ctx.close();
    }
}
