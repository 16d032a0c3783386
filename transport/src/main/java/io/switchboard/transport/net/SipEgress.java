package io.switchboard.transport.net;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The egress: each {@link OutboundMessage} is encoded on the sender's thread and handed to its
 * socket through {@link SipTransport} (RFC 3261 §18.1.1, §18.2.2): a datagram to the destination,
 * or the bytes on the TCP connection to it, opened when there is none.
 *
 * <p>Writing never blocks. At most {@code limit} messages wait for their socket (in Netty's event
 * loop, or for a TCP connection to open); one more is refused, so a stalled socket costs bounded
 * memory and the sender counts what it dropped. A message that cannot be sent is counted in
 * {@link TransportCounters#sendFailures()} and logged by the transport.
 *
 * <p>Each sender writes straight to the transport rather than through a stream of its own: a call's
 * messages all leave from its lane, so they keep their order, and a message crosses one thread
 * (the socket's event loop) instead of two.
 */
public final class SipEgress {

    private final SipTransport transport;
    private final int limit;
    private final AtomicInteger waiting = new AtomicInteger();

    /** An egress through {@code transport} holding at most {@code limit} messages that wait for their socket. */
    public SipEgress(SipTransport transport, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("the egress limit must be at least 1, not " + limit);
        }
        this.transport = transport;
        this.limit = limit;
    }

    /** Sends {@code out}; false, and nothing sent, when {@code limit} messages already wait for their socket. */
    public boolean offer(OutboundMessage out) {
        if (waiting.incrementAndGet() > limit) {
            waiting.decrementAndGet();
            return false;
        }
        transport.send(out).whenComplete((sent, failure) -> waiting.decrementAndGet());
        return true;
    }

    /** The messages handed to the transport that have not reached their socket yet. */
    public int waiting() {
        return waiting.get();
    }
}
