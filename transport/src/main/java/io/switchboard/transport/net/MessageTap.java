package io.switchboard.transport.net;

import java.net.InetSocketAddress;

/**
 * Sees every message a {@link SipTransport} receives and sends, as the bytes on the wire (RFC 3261
 * §18): for a capture or a trace. Called on a Netty event loop for each message, so it must only
 * hand the bytes on (to a bounded queue, say) and never block.
 */
@FunctionalInterface
public interface MessageTap {

    /**
     * One message.
     *
     * @param transport the transport it travelled on
     * @param source where it came from (the peer for a received message, the listener for a sent one)
     * @param destination where it went
     * @param bytes the message as received or sent; the tap must not change it
     */
    void message(Transport transport, InetSocketAddress source, InetSocketAddress destination, byte[] bytes);
}
