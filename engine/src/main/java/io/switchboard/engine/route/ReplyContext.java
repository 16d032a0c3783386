package io.switchboard.engine.route;

import io.switchboard.transport.message.SipRequest;
import io.switchboard.transport.message.SipResponse;

/** What a reply route sees: the response a branch received, before it is relayed upstream. */
public interface ReplyContext {

    SipResponse response();

    /** The request as it was relayed on this branch. */
    SipRequest request();

    /** {@code drop()}: do not relay this provisional response upstream; final responses are always relayed (RFC 3261 §16.7). */
    void drop();

    /** {@code ds_load_update()} (seed manual 002, 4.8): a 2xx to an INVITE confirms the call's load. */
    boolean dsLoadUpdate();

    /** {@code ds_load_unset()} (4.9): takes the call's load off its destination. */
    boolean dsLoadUnset();
}
