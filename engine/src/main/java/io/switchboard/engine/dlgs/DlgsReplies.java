package io.switchboard.engine.dlgs;

import io.switchboard.actors.dlgs.DlgsTable;
import io.switchboard.engine.route.FailureContext;
import io.switchboard.engine.route.ReplyContext;
import io.switchboard.engine.route.RequestContext;
import io.switchboard.engine.route.Route;
import io.switchboard.transport.message.SipStatus;

/**
 * Tracks the replies sent back in the dlgs table, around the configured route: Kamailio's dlgs
 * module handles the SIP responses itself, on every reply going out ({@code SREV_SIP_REPLY_OUT};
 * dlgs README §4.2). Provisional and 2xx replies are tracked as they are relayed; a negative final
 * reply once the failure route has not tried another branch with it (a 487 at once: the call was
 * cancelled).
 */
public final class DlgsReplies implements Route {

    private final Route route;
    private final DlgsTable table;

    public DlgsReplies(Route route, DlgsTable table) {
        this.route = route;
        this.table = table;
    }

    @Override
    public void onRequest(RequestContext request) {
        route.onRequest(request);
    }

    @Override
    public void onReply(ReplyContext reply) {
        route.onReply(reply);
        int status = reply.response().statusCode();
        if (status < 300 || status == SipStatus.REQUEST_TERMINATED) {
            table.update(reply.response());
        }
    }

    @Override
    public void onFailure(FailureContext failure) {
        int branches = failure.branchCount();
        route.onFailure(failure);
        if (failure.branchCount() == branches && failure.response().statusCode() != SipStatus.REQUEST_TERMINATED) {
            table.update(failure.response());
        }
    }
}
