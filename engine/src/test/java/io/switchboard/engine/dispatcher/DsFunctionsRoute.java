package io.switchboard.engine.dispatcher;

import io.switchboard.engine.route.FailureContext;
import io.switchboard.engine.route.RequestContext;
import io.switchboard.engine.route.Route;
import io.switchboard.transport.parse.SipParseException;
import io.switchboard.transport.uri.SipUri;

/**
 * A route for the dispatcher functions by the user of the Request-URI: {@code list-N} is answered
 * 200 when {@code ds_list_exist(N)} and 404 otherwise; {@code mark} runs
 * {@code ds_select_dst(1, 8)} and {@code ds_mark_dst("ip")} and is answered 200 with the marked
 * destination as reason; {@code next} is relayed after {@code ds_select_domain(1, 8)} and
 * {@code ds_next_domain()}; {@code failover} after {@code ds_select_domain(1, 8)}, and when it
 * fails the failure route marks the destination ({@code ds_mark_dst("ip")}) and relays again to
 * the next ({@code ds_next_domain()}); anything else after {@code ds_select_dst(1, 8)}.
 */
public final class DsFunctionsRoute implements Route {

    private static final int SET = 1;
    private static final int PRIORITY = 8;

    @Override
    public void onRequest(RequestContext request) {
        String user;
        try {
            user = ((SipUri) request.request().requestUri()).user();
        } catch (SipParseException e) {
            throw new IllegalStateException(e);
        }
        if (user.startsWith("list-")) {
            int set = Integer.parseInt(user.substring(5));
            request.slSendReply(request.dsListExist(set) ? 200 : 404, "Set " + set);
        } else if (user.equals("mark")) {
            boolean marked = request.dsSelectDst(SET, PRIORITY) && request.dsMarkDst("ip");
            request.slSendReply(marked ? 200 : 500, marked ? request.dstUri() : "Not marked");
        } else if (user.equals("next")) {
            if (request.dsSelectDomain(SET, PRIORITY) && request.dsNextDomain()) {
                request.tRelay();
            } else {
                request.slSendReply(404, "No next domain");
            }
        } else if (user.equals("failover")) {
            if (request.dsSelectDomain(SET, PRIORITY)) {
                request.tRelay();
            }
        } else if (request.dsSelectDst(SET, PRIORITY)) {
            request.tRelay();
        } else {
            request.slSendReply(404, "No destination");
        }
    }

    @Override
    public void onFailure(FailureContext failure) {
        if (failure.dsMarkDst("ip") && failure.dsNextDomain()) {
            failure.tRelay();
        }
    }
}
