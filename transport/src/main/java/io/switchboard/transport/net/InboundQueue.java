package io.switchboard.transport.net;

/**
 * Where a {@link SipTransport} offers every framed message (RFC 3261 §18.1.2, §18.2.1). It is
 * called on a Netty event-loop thread and must never block: a full queue refuses the message.
 */
@FunctionalInterface
public interface InboundQueue {

    /** Takes the message, or returns false when it was dropped (the queue is full or closed). */
    boolean offer(InboundMessage message);
}
