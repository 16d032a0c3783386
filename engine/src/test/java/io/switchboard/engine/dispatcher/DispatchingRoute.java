package io.switchboard.engine.dispatcher;

import io.switchboard.actors.dispatcher.DispatcherEvent;
import io.switchboard.engine.route.RequestContext;
import io.switchboard.engine.route.Route;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A route that uses the dispatcher functions the built-in one does not: MESSAGE is answered 200
 * when {@code ds_is_from_list()} and 403 otherwise, an INVITE goes by {@code ds_select_domain(1, 4)}
 * (404 when {@code ds_list_exist(1)} is false), and the events are kept.
 */
public final class DispatchingRoute implements Route {

    static final BlockingQueue<DispatcherEvent> EVENTS = new LinkedBlockingQueue<>();

    @Override
    public void onRequest(RequestContext request) {
        if (request.isMethod("MESSAGE")) {
            request.slSendReply(request.dsIsFromList() ? 200 : 403, request.dsIsFromList(1) ? "From Set 1" : "Who");
        } else if (!request.dsListExist(1)) {
            request.slSendReply(404, "No Set");
        } else if (request.dsSelectDomain(1, 4)) {
            request.tRelay();
        } else {
            request.slSendReply(404, "No destination");
        }
    }

    @Override
    public void onDispatcherEvent(DispatcherEvent event) {
        EVENTS.add(event);
    }
}
