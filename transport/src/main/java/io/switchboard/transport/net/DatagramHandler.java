package io.switchboard.transport.net;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import io.switchboard.transport.message.SipFramer;
import io.switchboard.transport.message.SipMessage;
import io.switchboard.transport.parse.SipParseException;
import java.net.InetSocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Frames each received datagram as one SIP message (RFC 3261 §18.1.2, §18.3). A datagram of
 * CRLFs only is a keep-alive (RFC 5626 §3.5.1) and is ignored; one that does not frame is counted
 * and dropped. One that ends before its Content-Length does is delivered, for the receiver to
 * answer 400 or discard (§18.3). Nothing is thrown into the pipeline.
 */
@ChannelHandler.Sharable
final class DatagramHandler extends SimpleChannelInboundHandler<DatagramPacket> {

    private static final Logger log = LoggerFactory.getLogger(DatagramHandler.class);

    private final SipFramer framer;
    private final SipTransport transport;

    DatagramHandler(SipFramer framer, SipTransport transport) {
        this.framer = framer;
        this.transport = transport;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
        ByteBuf content = packet.content();
        TransportCounters counters = transport.counters();
        if (isKeepAlive(content)) {
            counters.keepAlives.increment();
            return;
        }
        byte[] bytes = ByteBufUtil.getBytes(content);
        SipMessage message;
        try {
            message = framer.frameDatagram(bytes, 0, bytes.length);
        } catch (SipParseException e) {
            counters.parseErrors.increment();
            log.debug("dropped a datagram from {}: {}", packet.sender(), e.getMessage());
            return;
        }
        transport.deliver(InboundMessage.arrived(message, Transport.UDP, packet.sender(),
                (InetSocketAddress) ctx.channel().localAddress()));
    }

    private static boolean isKeepAlive(ByteBuf content) {
        int end = content.writerIndex();
        for (int i = content.readerIndex(); i < end; i++) {
            byte b = content.getByte(i);
            if (b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log.debug("UDP listener {}: {}", ctx.channel().localAddress(), cause.toString());
    }
}
