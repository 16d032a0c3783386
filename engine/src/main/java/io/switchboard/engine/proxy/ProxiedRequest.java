package io.switchboard.engine.proxy;

import io.switchboard.engine.dialog.RequestDialog;
import io.switchboard.actors.dispatcher.Destination;
import io.switchboard.engine.dispatcher.DispatchList;
import io.switchboard.engine.dispatcher.Dispatcher;
import io.switchboard.engine.route.FailureContext;
import io.switchboard.transport.message.HeaderName;
import io.switchboard.transport.message.SipRequest;
import io.switchboard.transport.message.SipResponse;
import io.switchboard.transport.message.SipStatus;
import io.switchboard.transport.net.InboundMessage;
import io.switchboard.transport.parse.SipParseException;
import io.switchboard.transport.transaction.ClientTransaction;
import io.switchboard.transport.transaction.ClientTransactionListener;
import io.switchboard.transport.transaction.Hop;
import io.switchboard.transport.transaction.ServerTransaction;
import io.switchboard.transport.uri.Uri;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A request relayed statefully (RFC 3261 §16.6–16.10; Kamailio's {@code t_relay}): its server
 * transaction, the branch in progress and how many were tried. Branches are tried one after the
 * other (serial forking): when one fails, the failure route may relay again; otherwise the
 * failure goes upstream. Provisional responses and a 2xx go upstream at once (§16.7 step 5).
 * A CANCEL cancels the branch in progress (§16.10). All callbacks run on the call's lane.
 */
final class ProxiedRequest implements ClientTransactionListener {

    private static final Logger log = LoggerFactory.getLogger(ProxiedRequest.class);

    private final ProxyCore core;
    private final ServerTransaction server;
    private final InboundMessage in;
    private final boolean recordRoute;
    private final RequestDialog dialog;
    private final DispatchList dispatch;
    private SipRequest routed;
    private String dstUri;
    private ClientTransaction branch;
    private SipRequest branchRequest;
    private int branches;

    /**
     * @param dispatch the destinations {@code ds_select_dst} chose in the request route, or null
     * @param dstUri the destination URI ({@code $du}) the request route set, or null
     * @param dialog the dialog side of an INVITE the route tracks ({@code dlg_manage()}), or null
     */
    ProxiedRequest(ProxyCore core, ServerTransaction server, InboundMessage in, SipRequest routed, boolean recordRoute,
            DispatchList dispatch, String dstUri, RequestDialog dialog) {
        this.core = core;
        this.server = server;
        this.in = in;
        this.routed = routed;
        this.recordRoute = recordRoute;
        this.dispatch = dispatch;
        this.dstUri = dstUri;
        this.dialog = dialog;
    }

    /**
     * Starts a new branch to {@code destination} (or by the Route set and Request-URI when null).
     * Returns 0, or the status to answer with when the target cannot be reached.
     */
    int relay(String destination) {
        try {
            LooseRoute.Forward forward = core.looseRoute.forward(routed);
            Uri target = destination != null ? Uri.parse(destination) : forward.target();
            NextHop hop = NextHop.of(target);
            branchRequest = core.outgoing(forward.request(), in, hop, branches, recordRoute,
                    dialog == null ? null : dialog.recordRouteParameter());
            branches++;
            branch = core.transactions.sendRequest(branchRequest, new Hop(hop.transport().name(), hop.address()),
                    this, core.lanes.lane(routed.header(HeaderName.CALL_ID)));
            if (dialog != null) {
                dialog.relayed(routed, branchRequest, hop.transport(), destinationUsed(destination));
            }
            core.counters.forwardedRequests.increment();
            return 0;
        } catch (NextHop.UnroutableException e) {
            log.debug("t_relay: {}", e.getMessage());
            return e.statusCode();
        } catch (SipParseException e) {
            log.debug("t_relay: {}", e.getMessage());
            return SipStatus.BAD_REQUEST;
        } catch (IllegalStateException e) {
            return SipStatus.SERVICE_UNAVAILABLE;
        }
    }

    /** What the call history records: the destination URI, or the dispatcher's destination in use, or null. */
    private String destinationUsed(String destination) {
        return destination != null ? destination : dispatch != null ? dispatch.current().uri() : null;
    }

    /** A CANCEL arrived for this request (§16.10): cancel the branch in progress. */
    void cancel() {
        if (branch != null) {
            branch.cancel();
        }
    }

    @Override
    public void onProvisional(SipResponse response) {
        if (response.statusCode() > SipStatus.TRYING && !core.runReplyRoute(response, branchRequest)) {
            if (dialog != null) {
                dialog.replied(response);
            }
            upstream(response);
        }
    }

    @Override
    public void onFinal(SipResponse response) {
        core.runReplyRoute(response, branchRequest);
        if (response.isSuccess()) {
            if (dialog != null) {
                dialog.replied(response);
            }
            upstream(response);
        } else {
            failed(response, false, false);
        }
    }

    @Override
    public void onTimeout() {
        failed(core.sl.reply(server.request(), SipStatus.REQUEST_TIMEOUT, "Request Timeout"), true, true);
    }

    @Override
    public void onTransportError(Exception cause) {
        log.debug("branch {} failed to send: {}", branches, cause.toString());
        failed(core.sl.reply(server.request(), SipStatus.SERVICE_UNAVAILABLE, "Service Unavailable"), true, false);
    }

    /** §16.7 step 6 and Kamailio's failure_route: the route may try another branch. */
    private void failed(SipResponse response, boolean local, boolean timeout) {
        if (!server.isCancelled()) {
            Failure failure = new Failure(response, timeout);
            try {
                core.route.onFailure(failure);
            } catch (RuntimeException e) {
                log.error("failure route failed", e);
            }
            if (failure.relayed) {
                return;
            }
        }
        if (dialog != null) {
            dialog.failed(response.statusCode());
        }
        if (local) {
            core.reply(server, response);
            core.proxied.remove(server);
        } else {
            upstream(response);
        }
    }

    /** Relays a response of the branch upstream without our Via (§16.7 step 9). */
    private void upstream(SipResponse response) {
        try {
            SipResponse out = response.toBuilder().removeFirstValue(HeaderName.VIA).buildResponse();
            if (server.sendResponse(out)) {
                core.counters.forwardedReplies.increment();
            }
        } catch (SipParseException e) {
            core.counters.droppedReplies.increment();
        }
        if (response.isFinal()) {
            core.proxied.remove(server);
        }
    }

    /** The {@link FailureContext} of one failed branch. */
    private final class Failure implements FailureContext {
        private final SipResponse response;
        private final boolean timeout;
        private boolean relayed;

        Failure(SipResponse response, boolean timeout) {
            this.response = response;
            this.timeout = timeout;
        }

        @Override
        public SipRequest request() {
            return server.request();
        }

        @Override
        public SipResponse response() {
            return response;
        }

        @Override
        public boolean isTimeout() {
            return timeout;
        }

        @Override
        public int branchCount() {
            return branches;
        }

        @Override
        public boolean tRelay() {
            return tRelay(dstUri);
        }

        @Override
        public boolean tRelay(String destination) {
            relayed = relay(destination) == 0;
            return relayed;
        }

        @Override
        public String dstUri() {
            return dstUri;
        }

        @Override
        public boolean dsNextDst() {
            Optional<Destination> next = core.dispatcher.next(dispatch, server.request());
            next.ifPresent(d -> dstUri = d.uri());
            return next.isPresent();
        }

        @Override
        public boolean dsNextDomain() {
            Optional<SipRequest> rewritten = core.dispatcher.next(dispatch, server.request())
                    .flatMap(d -> Dispatcher.withDomain(routed, d));
            rewritten.ifPresent(r -> routed = r);
            return rewritten.isPresent();
        }

        @Override
        public boolean dsMarkDst(String state) {
            return core.dispatcher.mark(dispatch, state, response.statusCode(), response.reasonPhrase());
        }

        @Override
        public boolean dsLoadUnset() {
            return core.dispatcher.loadUnset(server.request().header(HeaderName.CALL_ID), true, dispatch);
        }
    }
}
