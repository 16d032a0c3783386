package io.switchboard.engine.proxy;

import io.switchboard.transport.net.OutboundMessage;

/**
 * Where the proxy puts what it sends: the egress ({@link io.switchboard.transport.net.SipEgress}, DESIGN
 * "The hot path", step 5). Never blocks.
 */
@FunctionalInterface
public interface Outbox {

    /** Sends {@code message}; false if it was dropped because the egress is full. */
    boolean send(OutboundMessage message);
}
