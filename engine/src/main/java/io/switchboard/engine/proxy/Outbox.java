package io.switchboard.engine.proxy;

import io.switchboard.transport.net.OutboundMessage;

/** Where the proxy puts what it sends: the egress stream (DESIGN "The hot path", step 5). Never blocks. */
@FunctionalInterface
public interface Outbox {

    /** Queues {@code message} for sending; false if it was dropped because the egress is full. */
    boolean send(OutboundMessage message);
}
