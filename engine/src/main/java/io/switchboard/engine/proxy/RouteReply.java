package io.switchboard.engine.proxy;

import io.switchboard.engine.dispatcher.Dispatcher;
import io.switchboard.engine.route.ReplyContext;
import io.switchboard.transport.message.SipRequest;
import io.switchboard.transport.message.HeaderName;
import io.switchboard.transport.message.SipResponse;

/** The {@link ReplyContext} of one response on its way upstream. */
final class RouteReply implements ReplyContext {

    private final SipResponse response;
    private final SipRequest request;
    private final Dispatcher dispatcher;
    private boolean dropped;

    RouteReply(SipResponse response, SipRequest request, Dispatcher dispatcher) {
        this.response = response;
        this.request = request;
        this.dispatcher = dispatcher;
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

    @Override
    public boolean dsLoadUpdate() {
        return dispatcher.loadUpdate(response);
    }

    @Override
    public boolean dsLoadUnset() {
        return dispatcher.loadUnset(response.header(HeaderName.CALL_ID), false, null);
    }
}
