package io.switchboard.transport.net;

import io.switchboard.transport.header.Via;
import io.switchboard.transport.message.SipMessage;
import io.switchboard.transport.parse.SipParseException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
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

    /** The port of a SIP URI or a Via sent-by over UDP or TCP without one (RFC 3261 §19.1.2). */
    private static final int DEFAULT_PORT = 5060;

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
     * A reply to the request {@code received}, over the transport it came on, from the listener
     * it arrived at, to {@link #replyAddress(InboundMessage) where its Via says}.
     */
    public static OutboundMessage replyTo(InboundMessage received, SipMessage reply) {
        return new OutboundMessage(reply, received.transport(), replyAddress(received), received.local());
    }

    /**
     * Where the responses to the request {@code received} go (RFC 3261 §18.2.2, RFC 3581 §4), by
     * its top Via, which they carry too. Over TCP: the connection it came on. Over UDP:
     * {@link #viaAddress} with the packet's source. A request whose Via does not parse (one
     * answered 400) is answered at its source.
     */
    public static InetSocketAddress replyAddress(InboundMessage received) {
        if (received.transport().isStream()) {
            return received.remote();
        }
        try {
            return viaAddress(received.message().topVia(), received.remote());
        } catch (SipParseException e) {
            return received.remote();
        }
    }

    /**
     * Where a response goes over UDP by the top Via of its request, whose sender was seen at
     * {@code source} (RFC 3261 §18.2.2, RFC 3581 §4): to {@code maddr} at the sent-by port (5060
     * when none) when the Via has one that resolves; else to the source address (what
     * {@code received} records), at the source port when the Via has {@code rport} and at the
     * sent-by port when it has not.
     */
    public static InetSocketAddress viaAddress(Via via, InetSocketAddress source) {
        int sentByPort = via.port() > 0 ? via.port() : DEFAULT_PORT;
        String maddr = via.maddr();
        if (maddr != null) {
            try {
                // an IPv6 reference in brackets is a form getByName reads (RFC 2732)
                return new InetSocketAddress(InetAddress.getByName(maddr), sentByPort);
            } catch (UnknownHostException e) {
                // an maddr that names no address is ignored: the source still is one
            }
        }
        return via.hasRport() ? source : new InetSocketAddress(source.getAddress(), sentByPort);
    }
}
