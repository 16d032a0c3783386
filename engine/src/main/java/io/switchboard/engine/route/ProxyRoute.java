package io.switchboard.engine.route;

import io.switchboard.actors.dispatcher.DestinationSelector;
import io.switchboard.actors.dispatcher.DispatcherSettings;
import io.switchboard.engine.config.SettingsException;
import io.switchboard.engine.dialog.DialogConfig;
import io.switchboard.engine.dlgs.DlgsConfig;
import io.switchboard.engine.htable.IpBan;
import io.switchboard.transport.message.SipStatus;
import io.switchboard.transport.parse.SipParseException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The built-in {@code proxy} route, what the seed's sample dispatcher configuration does
 * (seed manual 002, 7.2 "Kamailio config file"): reject looping requests with 483, route requests
 * inside a dialog by their Route set, record-route INVITE and SUBSCRIBE, and relay new requests —
 * with {@code proxy.dispatch-set}, to a destination selected from that dispatcher set
 * ({@code ds_select_dst(set, alg)}, 404 "No destination" when there is none), failing over to the
 * next one ({@code ds_next_dst}) on a timeout, 408 or 5xx; else to the configured
 * {@code proxy.destinations} in order, failing over likewise; else to the Request-URI. No failover
 * after a 6xx (RFC 3261 §16.7 step 5). A CANCEL that matches no transaction is answered 481
 * (RFC 3261 §9.2). With algorithm 10 (call load) the route keeps the load: a BYE takes it off, a
 * 2xx to the INVITE confirms it, any other final answer that is not failed over takes it off
 * ({@code ds_load_update}, {@code ds_load_unset}, 4.8–4.9). With {@code proxy.ipban} set, banned
 * sources are refused first ({@link IpBan}); with {@code dlgs.enable}, new INVITEs are tracked by
 * {@code dlgs_init($fu, $tu, $si)} and requests inside a call by {@code dlgs_update()} (seed manual 000).
 * Unless {@code dialog.enable} is off, every initial INVITE is also tracked as a dialog and every
 * loose-routed request handed to its dialog ({@code dlg_manage()}, seed manual 001, 7.10).
 */
public final class ProxyRoute implements Route {

    private static final Logger log = LoggerFactory.getLogger(ProxyRoute.class);

    private final List<String> destinations;
    private final int maxForwards;
    private final IpBan ipBan;
    private final boolean dlgs;
    private final int dispatchSet;
    private final int dispatchAlg;
    private final boolean dialogs;

    public ProxyRoute(RouteSettings settings) {
        this.destinations = List.copyOf(settings.switchboard().getStringList("proxy.destinations"));
        this.maxForwards = settings.switchboard().getInt("proxy.max-forwards");
        if (maxForwards < 1 || maxForwards > 255) {
            throw new SettingsException("setting switchboard.proxy.max-forwards must be between 1 and 255, not "
                    + maxForwards);
        }
        this.ipBan = IpBan.from(settings.switchboard());
        this.dlgs = DlgsConfig.enabled(settings.switchboard());
        this.dialogs = DialogConfig.enabled(settings.switchboard());
        this.dispatchSet = settings.switchboard().getInt("proxy.dispatch-set");
        this.dispatchAlg = settings.switchboard().getInt("proxy.dispatch-alg");
        if (dispatchSet < -1 || dispatchAlg < 0) {
            throw new SettingsException("settings switchboard.proxy.dispatch-set (-1 or a set id) and dispatch-alg "
                    + "(0 or more) cannot be " + dispatchSet + " and " + dispatchAlg);
        }
        if (dispatchSet >= 0 && (settings.switchboard().getInt("dispatcher.flags") & DispatcherSettings.FAILOVER) == 0) {
            log.warn("switchboard.proxy.dispatch-set is set but switchboard.dispatcher.flags has no failover bit (2):"
                    + " a destination that fails is not replaced by the next one");
        }
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
                if (dialogs) {
                    request.dlgManage();
                }
                if (countsLoad() && request.isMethod("BYE")) {
                    request.dsLoadUpdate();
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
        if (dlgs && request.isMethod("INVITE")) {
            trackInvite(request);
        }
        if (dispatchSet >= 0) {
            if (!request.dsSelectDst(dispatchSet, dispatchAlg)) {
                request.slSendReply(SipStatus.NOT_FOUND, "No destination");
                return;
            }
            request.tRelay();
        } else if (destinations.isEmpty()) {
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
    public void onReply(ReplyContext reply) {
        if (countsLoad() && reply.request() != null && reply.request().isInvite() && reply.response().isFinal()) {
            if (reply.response().isSuccess()) {
                reply.dsLoadUpdate();
            } else {
                reply.dsLoadUnset();
            }
        }
    }

    @Override
    public void onFailure(FailureContext failure) {
        int code = failure.response().statusCode();
        boolean failover = failure.isTimeout() || code == SipStatus.REQUEST_TIMEOUT || code >= 500 && code < 600;
        if (dispatchSet >= 0) {
            boolean relayed = failover && failure.dsNextDst() && failure.tRelay();
            if (!relayed && countsLoad()) {
                failure.dsLoadUnset();
            }
        } else if (failover && failure.branchCount() < destinations.size()) {
            failure.tRelay(destinations.get(failure.branchCount()));
        }
    }

    private boolean countsLoad() {
        return dispatchAlg == DestinationSelector.CALL_LOAD;
    }
}
