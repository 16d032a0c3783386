package io.switchboard.engine.proxy;

import io.switchboard.engine.route.ReplyContext;
import io.switchboard.transport.message.SipRequest;
import io.switchboard.transport.message.SipResponse;

/** The {@link ReplyContext} of one response on its way upstream. */
final class RouteReply implements ReplyContext {

    private final SipResponse response;
    private final SipRequest request;
    private boolean dropped;

    RouteReply(SipResponse response, SipRequest request) {
        this.response = response;
        this.request = request;
    }

    @Override
    public SipResponse response() {
        return response;
    }

    @Override
    public SipRequest request() {
        return request;
    }

    @Override
    public void drop() {
        dropped = true;
    }

    boolean dropped() {
        return dropped;
    }
}
