package io.switchboard.transport.net;

import io.switchboard.transport.message.SipMessage;
import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * A message for the transport layer to send (RFC 3261 §18.1.1, §18.2.2): what, over which
 * transport, to which resolved address, and optionally from which listener.
 *
 * @param message the message; {@link SipMessage#encode()} gives the bytes written
 * @param transport UDP sends a datagram; TCP uses the connection to {@code destination}, opening
 *     one when there is none
 * @param destination a resolved address (choosing it, RFC 3263, happens above this layer)
 * @param local the listener to send from, or null for the first listener of {@code transport}
 *     whose address family matches the destination
 */
public record OutboundMessage(SipMessage message, Transport transport, InetSocketAddress destination,
                              InetSocketAddress local) {

    public OutboundMessage {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(destination, "destination");
        if (destination.isUnresolved()) {
            throw new IllegalArgumentException("destination must be a resolved address: " + destination);
        }
    }

    /** A message to {@code destination}, sent from the default listener of {@code transport}. */
    public static OutboundMessage to(SipMessage message, Transport transport, InetSocketAddress destination) {
        return new OutboundMessage(message, transport, destination, null);
    }

    /**
     * A reply back to where {@code received} came from, over the same transport and from the
     * listener it arrived at; over TCP on the connection it came on (RFC 3261 §18.2.2).
     */
    public static OutboundMessage replyTo(InboundMessage received, SipMessage reply) {
        return new OutboundMessage(reply, received.transport(), received.remote(), received.local());
    }
}
