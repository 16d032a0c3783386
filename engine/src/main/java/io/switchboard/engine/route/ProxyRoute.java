package io.switchboard.engine.route;

import io.switchboard.engine.config.SettingsException;
import io.switchboard.engine.dlgs.DlgsConfig;
import io.switchboard.engine.htable.IpBan;
import io.switchboard.transport.message.SipStatus;
import io.switchboard.transport.parse.SipParseException;
import java.util.List;

/**
 * The built-in {@code proxy} route, what the seed's sample dispatcher configuration does
 * (seed manual 002, "Configuration example"): reject looping requests with 483, route requests
 * inside a dialog by their Route set, record-route INVITE and SUBSCRIBE, and relay new requests —
 * to the configured {@code proxy.destinations} in order, failing over to the next one on a
 * timeout, 408 or 5xx (not after a 6xx: RFC 3261 §16.7 step 5), or to the Request-URI when none are configured. A CANCEL that matches
 * no transaction is answered 481 (RFC 3261 §9.2). With {@code proxy.ipban} set, banned sources are
 * refused first ({@link IpBan}); with {@code dlgs.enable}, new INVITEs are tracked by
 * {@code dlgs_init($fu, $tu, $si)} and requests inside a call by {@code dlgs_update()} (seed manual 000).
 */
public final class ProxyRoute implements Route {

    private final List<String> destinations;
    private final int maxForwards;
    private final IpBan ipBan;
    private final boolean dlgs;

    public ProxyRoute(RouteSettings settings) {
        this.destinations = List.copyOf(settings.switchboard().getStringList("proxy.destinations"));
        this.maxForwards = settings.switchboard().getInt("proxy.max-forwards");
        if (maxForwards < 1 || maxForwards > 255) {
            throw new SettingsException("setting switchboard.proxy.max-forwards must be between 1 and 255, not "
                    + maxForwards);
        }
        this.ipBan = IpBan.from(settings.switchboard());
        this.dlgs = DlgsConfig.enabled(settings.switchboard());
    }

    @Override
    public void onRequest(RequestContext request) {
        if (ipBan != null && ipBan.rejects(request)) {
            return;
        }
        if (request.maxfwdProcess(maxForwards) == -1) {
            request.slSendReply(SipStatus.TOO_MANY_HOPS, "Too Many Hops");
            return;
        }
        if (request.isMethod("CANCEL")) {
            request.slSendReply(SipStatus.CALL_DOES_NOT_EXIST, "Call/Transaction Does Not Exist");
            return;
        }
        if (request.hasToTag()) {
            if (dlgs) {
                request.dlgs().update();
            }
            if (request.looseRoute()) {
                request.tRelay();
            } else if (request.isMethod("ACK")) {
                request.drop();
            } else {
                request.slSendReply(SipStatus.NOT_FOUND, "Not Here");
            }
            return;
        }
        request.looseRoute();
        if (request.isMethod("INVITE|SUBSCRIBE")) {
            request.recordRoute();
        }
        if (dlgs && request.isMethod("INVITE")) {
            trackInvite(request);
        }
        if (destinations.isEmpty()) {
            request.tRelay();
        } else {
            request.tRelay(destinations.get(0));
        }
    }

    private static void trackInvite(RequestContext request) {
        try {
            request.dlgs().init(request.request().from().uri().toString(), request.request().to().uri().toString(),
                    request.source().getAddress().getHostAddress());
        } catch (SipParseException e) {
            // SanityCheck let it through, so From and To parse; nothing to track otherwise
        }
    }

    @Override
    public void onFailure(FailureContext failure) {
        int code = failure.response().statusCode();
        boolean failover = failure.isTimeout() || code == SipStatus.REQUEST_TIMEOUT || code >= 500 && code < 600;
        if (failover && failure.branchCount() < destinations.size()) {
            failure.tRelay(destinations.get(failure.branchCount()));
        }
    }
}
