package io.switchboard.engine.route;

import io.switchboard.engine.config.SettingsException;
import io.switchboard.engine.dialog.DialogConfig;
import io.switchboard.transport.message.SipStatus;
import java.util.List;

/**
 * The built-in {@code proxy} route, what the seed's sample dispatcher configuration does
 * (seed manual 002, "Configuration example"): reject looping requests with 483, route requests
 * inside a dialog by their Route set, record-route INVITE and SUBSCRIBE, and relay new requests —
 * to the configured {@code proxy.destinations} in order, failing over to the next one on a
 * timeout, 408 or 5xx (not after a 6xx: RFC 3261 §16.7 step 5), or to the Request-URI when none are configured. A CANCEL that matches
 * no transaction is answered 481 (RFC 3261 §9.2). Unless {@code dialog.enable} is off, every
 * initial INVITE is tracked as a dialog and every loose-routed request handed to its dialog
 * ({@code dlg_manage()}, seed manual 001, 7.10).
 */
public final class ProxyRoute implements Route {

    private final List<String> destinations;
    private final int maxForwards;
    private final boolean dialogs;

    public ProxyRoute(RouteSettings settings) {
        this.dialogs = DialogConfig.enabled(settings.switchboard());
        this.destinations = List.copyOf(settings.switchboard().getStringList("proxy.destinations"));
        this.maxForwards = settings.switchboard().getInt("proxy.max-forwards");
        if (maxForwards < 1 || maxForwards > 255) {
            throw new SettingsException("setting switchboard.proxy.max-forwards must be between 1 and 255, not "
                    + maxForwards);
        }
    }

    @Override
    public void onRequest(RequestContext request) {
        if (request.maxfwdProcess(maxForwards) == -1) {
            request.slSendReply(SipStatus.TOO_MANY_HOPS, "Too Many Hops");
            return;
        }
        if (request.isMethod("CANCEL")) {
            request.slSendReply(SipStatus.CALL_DOES_NOT_EXIST, "Call/Transaction Does Not Exist");
            return;
        }
        if (request.hasToTag()) {
            if (request.looseRoute()) {
                if (dialogs) {
                    request.dlgManage();
                }
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
        if (dialogs && request.isMethod("INVITE")) {
            request.dlgManage();
        }
        if (destinations.isEmpty()) {
            request.tRelay();
        } else {
            request.tRelay(destinations.get(0));
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
