package io.switchboard.transport.net;

import io.switchboard.transport.message.SipMessage;
import java.net.InetSocketAddress;

/**
 * A framed message as the transport layer hands it up (RFC 3261 §18.1.2, §18.2.1): the message,
 * how and from where it came, and when. A reply to a request goes back by its top Via: over UDP
 * to {@code remote}'s address at the Via's port ({@code remote} itself with {@code rport}, RFC
 * 3581 §4) or to {@code maddr}; over TCP on the same connection (RFC 3261 §18.2.2), see
 * {@link OutboundMessage#replyTo(InboundMessage, SipMessage)}.
 *
 * @param message the framed message; header values are parsed on demand
 * @param transport the transport it arrived on
 * @param remote the peer's address (source of the datagram, or the connection's remote end)
 * @param local the listener's address it arrived at
 * @param arrivalNanos {@link System#nanoTime()} when it was framed, for latencies
 * @param arrivalMillis {@link System#currentTimeMillis()} when it was framed, for records
 */
public record InboundMessage(SipMessage message, Transport transport, InetSocketAddress remote,
                             InetSocketAddress local, long arrivalNanos, long arrivalMillis) {

    /** A message that arrived now. */
    public static InboundMessage arrived(SipMessage message, Transport transport, InetSocketAddress remote,
                                         InetSocketAddress local) {
        return new InboundMessage(message, transport, remote, local, System.nanoTime(), System.currentTimeMillis());
    }
}
