package io.switchboard.loadtests.sipp;

import io.switchboard.actors.dlgs.DlgsFunctions;
import io.switchboard.engine.route.FailureContext;
import io.switchboard.engine.route.ProxyRoute;
import io.switchboard.engine.route.ReplyContext;
import io.switchboard.engine.route.RequestContext;
import io.switchboard.engine.route.Route;
import io.switchboard.engine.route.RouteSettings;
import io.switchboard.transport.message.HeaderName;
import io.switchboard.transport.parse.SipParseException;

/**
 * The built-in proxy route with the dlgs module's functions called by the route itself, as an
 * operator's route would (seed manual 000; {@code dlgs.enable} stays off): a new INVITE is tracked
 * by {@code dlgs_init($fu, $ru, $si)} (§4.1) and, when its Request-URI's user is {@link #VIP},
 * tagged with {@code dlgs_tags_add("vip")}; a request within a call goes through
 * {@code dlgs_update()} (§4.2). An OPTIONS outside a call carrying {@code X-Dlgs-Count: FIELD OP
 * VALUE} is answered {@code 200 Count N} with N = {@code dlgs_count(FIELD, OP, VALUE)}, one
 * carrying {@code X-Dlgs-Tags: TAG} with N = {@code dlgs_tags_count(TAG)}; a field or operator
 * {@code dlgs_count} does not know gets 400.
 */
public final class DlgsProbeRoute implements Route {

    /** The user whose calls are tagged, and the tag. */
    static final String VIP = "vip";

    private static final HeaderName COUNT = HeaderName.of("X-Dlgs-Count");
    private static final HeaderName TAGS = HeaderName.of("X-Dlgs-Tags");

    private final ProxyRoute proxy;

    public DlgsProbeRoute(RouteSettings settings) {
        this.proxy = new ProxyRoute(settings);
    }

    @Override
    public void onRequest(RequestContext request) {
        if (request.hasToTag()) {
            request.dlgs().update();
        } else if (request.isMethod("INVITE")) {
            track(request);
        } else if (request.isMethod("OPTIONS") && answeredCount(request)) {
            return;
        }
        proxy.onRequest(request);
    }

    private static void track(RequestContext request) {
        String ruri = request.request().requestUriText();
        try {
            request.dlgs().init(request.request().from().uri().toString(), ruri,
                    request.source().getAddress().getHostAddress());
        } catch (SipParseException e) {
            return; // the sanity check let it through, so From parses
        }
        if (ruri.startsWith("sip:" + VIP + "@")) {
            request.dlgs().tagsAdd(VIP);
        }
    }

    /** Answers an OPTIONS asking for a count; false when it asks for none. */
    private static boolean answeredCount(RequestContext request) {
        String count = request.request().header(COUNT);
        String tag = request.request().header(TAGS);
        if (count == null && tag == null) {
            return false;
        }
        DlgsFunctions dlgs = request.dlgs();
        try {
            String[] args = count == null ? null : count.trim().split("\\s+", 3);
            int n = args == null ? dlgs.tagsCount(tag.trim()) : dlgs.count(args[0], args[1], args[2]);
            request.slSendReply(200, "Count " + n);
        } catch (IllegalArgumentException e) {
            request.slSendReply(400, e.getMessage());
        }
        return true;
    }

    @Override
    public void onReply(ReplyContext reply) {
        proxy.onReply(reply);
    }

    @Override
    public void onFailure(FailureContext failure) {
        proxy.onFailure(failure);
    }
}
