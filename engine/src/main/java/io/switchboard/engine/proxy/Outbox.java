package io.switchboard.engine.proxy;

import io.switchboard.transport.net.OutboundMessage;

/** Where the proxy puts what it sends: the egress stream (DESIGN "The hot path", step 5). Never blocks. */
@FunctionalInterface
public interface Outbox {

    void send(OutboundMessage message);
}
