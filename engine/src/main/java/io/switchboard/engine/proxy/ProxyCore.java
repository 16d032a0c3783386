package io.switchboard.engine.proxy;

import io.switchboard.engine.dispatcher.Dispatcher;
import io.switchboard.engine.route.Route;
import io.switchboard.engine.route.RouteModules;
import io.switchboard.transport.header.Via;
import io.switchboard.transport.message.HeaderName;
import io.switchboard.transport.message.SipRequest;
import io.switchboard.transport.message.SipResponse;
import io.switchboard.transport.message.SipStatus;
import io.switchboard.transport.net.InboundMessage;
import io.switchboard.transport.net.ListenAddress;
import io.switchboard.transport.net.OutboundMessage;
import io.switchboard.transport.net.Transport;
import io.switchboard.transport.parse.SipParseException;
import io.switchboard.transport.transaction.Hop;
import io.switchboard.transport.transaction.ServerRequestResult;
import io.switchboard.transport.transaction.ServerTransaction;
import io.switchboard.transport.transaction.TransactionLayer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The proxy between the ingress and the egress (RFC 3261 §16): sanity checks, retransmissions
 * absorbed by the transaction layer, CANCEL matched to its INVITE (§16.10), the route run for
 * each new request, responses relayed by their transactions or, when none matches, statelessly
 * by Via (§16.7, §16.11). Every call of one Call-ID runs on that Call-ID's lane.
 */
public final class ProxyCore {

    private static final Logger log = LoggerFactory.getLogger(ProxyCore.class);

    final Route route;
    final TransactionLayer transactions;
    final LocalAddresses local;
    final StatelessReplies sl;
    final MaxForwards maxForwards;
    final LooseRoute looseRoute;
    final Lanes lanes;
    final Outbox outbox;
    final RouteModules modules;
    final Dispatcher dispatcher;
    final ProxyCounters counters = new ProxyCounters();
    final Map<ServerTransaction, ProxiedRequest> proxied = new ConcurrentHashMap<>();

    public ProxyCore(Route route, TransactionLayer transactions, LocalAddresses local, StatelessReplies sl,
            MaxForwards maxForwards, Lanes lanes, Outbox outbox, RouteModules modules, Dispatcher dispatcher) {
        this.route = route;
        this.transactions = transactions;
        this.local = local;
        this.sl = sl;
        this.maxForwards = maxForwards;
        this.looseRoute = new LooseRoute(local);
        this.lanes = lanes;
        this.outbox = outbox;
        this.modules = modules;
        this.dispatcher = dispatcher;
    }

    public ProxyCounters counters() {
        return counters;
    }

    /** Handles one received message; call it on the lane of its Call-ID. */
    public void onMessage(InboundMessage in) {
        try {
            if (in.message() instanceof SipRequest request) {
                onRequest(in, request);
            } else {
                onResponse((SipResponse) in.message());
            }
        } catch (SipParseException e) {
            log.debug("dropped a message from {} that does not parse: {}", in.remote(), e.getMessage());
        } catch (RuntimeException e) {
            log.error("failed to process a message from {}", in.remote(), e);
        }
    }

    private void onRequest(InboundMessage in, SipRequest request) throws SipParseException {
        counters.receivedRequests.increment();
        String problem = SanityCheck.problem(request);
        if (problem != null) {
            counters.badRequests.increment();
            if (!request.isAck() && replyStatelessly(in, sl.reply(request, SipStatus.BAD_REQUEST, "Bad Request",
                    problem))) {
                counters.errorReplies.increment();
            }
            return;
        }
        SipRequest marked = ReceivedVia.apply(request, in.remote());
        ServerRequestResult result = transactions.onRequest(marked, new Hop(in.transport().name(),
                OutboundMessage.replyAddress(in)));
        switch (result.kind()) {
            case ABSORBED -> {
            }
            case REJECTED -> replyStatelessly(in, sl.reply(marked, SipStatus.SERVICE_UNAVAILABLE, null)
                    .toBuilder().add(HeaderName.RETRY_AFTER, "5").buildResponse());
            case UNMATCHED_ACK -> {
                if (sl.isAckForLocalReply(marked)) {
                    counters.absorbedAcks.increment();
                } else {
                    runRoute(in, marked, null);
                }
            }
            case NEW_TRANSACTION -> {
                if (!marked.isCancel() || !cancel(result.transaction(), marked)) {
                    runRoute(in, marked, result.transaction());
                }
            }
        }
    }

    /** §16.10: a CANCEL that matches an INVITE is answered 200 and cancels its pending branch. */
    private boolean cancel(ServerTransaction cancelTransaction, SipRequest cancel) throws SipParseException {
        Optional<ServerTransaction> invite = transactions.findInviteFor(cancel);
        if (invite.isEmpty()) {
            return false;
        }
        reply(cancelTransaction, sl.reply(cancel, SipStatus.OK, "OK"));
        ServerTransaction inviteTransaction = invite.get();
        if (inviteTransaction.markCancelled()) {
            ProxiedRequest pending = proxied.get(inviteTransaction);
            if (pending != null) {
                pending.cancel();
            } else {
                reply(inviteTransaction, sl.reply(inviteTransaction.request(), SipStatus.REQUEST_TERMINATED, null));
            }
        }
        return true;
    }

    private void runRoute(InboundMessage in, SipRequest request, ServerTransaction transaction) {
        RouteRequest context = new RouteRequest(this, in, request, transaction);
        context.run(() -> route.onRequest(context));
    }

    private void onResponse(SipResponse response) throws SipParseException {
        counters.receivedReplies.increment();
        if (SanityCheck.problem(response) != null) {
            counters.badReplies.increment();
            counters.droppedReplies.increment();
            return;
        }
        if (!transactions.onResponse(response)) {
            forwardStrayResponse(response);
        }
    }

    /** A response no client transaction wants (e.g. a retransmitted 2xx): relayed by its Via (§16.7, §16.11). */
    private void forwardStrayResponse(SipResponse response) throws SipParseException {
        List<Via> vias = response.vias();
        Via top = vias.get(0);
        if (vias.size() < 2 || !local.isOurs(top.host(), top.port() < 0 ? 5060 : top.port())) {
            counters.droppedReplies.increment();
            return;
        }
        if (runReplyRoute(response, null)) {
            return;
        }
        try {
            NextHop hop = NextHop.of(vias.get(1));
            send(response.toBuilder().removeFirstValue(HeaderName.VIA).build(), hop);
            counters.forwardedReplies.increment();
        } catch (NextHop.UnroutableException e) {
            counters.droppedReplies.increment();
            log.debug("cannot relay a response: {}", e.getMessage());
        }
    }

    /** Runs the reply route; true if it dropped the response. */
    boolean runReplyRoute(SipResponse response, SipRequest request) {
        RouteReply context = new RouteReply(response, request, dispatcher);
        try {
            route.onReply(context);
        } catch (RuntimeException e) {
            log.error("reply route failed for {}", response.statusCode(), e);
        }
        boolean dropped = context.dropped() && response.isProvisional();
        if (dropped) {
            counters.droppedReplies.increment();
        }
        return dropped;
    }

    /**
     * The request as it leaves: our Via on top (§16.6 step 8) and Record-Route if asked (step 4),
     * with {@code rrParameter} (the dialog cookie, or null) in it.
     */
    SipRequest outgoing(SipRequest request, InboundMessage in, NextHop hop, int branch, boolean recordRoute,
            String rrParameter) throws SipParseException {
        ListenAddress outbound = local.listener(hop.transport());
        var builder = request.toBuilder().addFirst(HeaderName.VIA, Via.of(hop.transport().name(),
                LocalAddresses.uriHost(outbound), outbound.port(), ViaBranch.of(request, branch)).toString());
        if (recordRoute) {
            String[] values = RecordRoute.values(local.advertised(ListenAddress.of(in.transport(), in.local())),
                    local.advertised(outbound), rrParameter);
            for (int i = values.length - 1; i >= 0; i--) {
                builder.addFirst(HeaderName.RECORD_ROUTE, values[i]);
            }
        }
        return builder.buildRequest();
    }

    /** Relays a request without a transaction (RFC 3261 §16.11). */
    boolean forwardStatelessly(InboundMessage in, SipRequest request, boolean recordRoute) {
        try {
            LooseRoute.Forward forward = looseRoute.forward(request);
            NextHop hop = NextHop.of(forward.target());
            send(outgoing(forward.request(), in, hop, 0, recordRoute, null), hop);
            counters.forwardedRequests.increment();
            return true;
        } catch (SipParseException | NextHop.UnroutableException e) {
            counters.droppedRequests.increment();
            log.debug("cannot forward {}: {}", request.method(), e.getMessage());
            return false;
        }
    }

    /** Sends a response generated here through its server transaction; false if it took none. */
    boolean reply(ServerTransaction transaction, SipResponse response) {
        return counters.localReply(response.statusCode(), transaction.sendLocalResponse(response));
    }

    /**
     * Sends a response without a transaction where the request's Via says (§18.2.2,
     * {@link OutboundMessage#replyTo}); false if the egress was full.
     */
    boolean replyStatelessly(InboundMessage in, SipResponse response) {
        return counters.localReply(response.statusCode(), outbox.send(OutboundMessage.replyTo(in, response)));
    }

    void send(io.switchboard.transport.message.SipMessage message, NextHop hop) {
        outbox.send(OutboundMessage.to(message, hop.transport(), hop.address()));
    }

    /** The sender the transaction layer uses: everything goes out through the outbox. */
    public void sendForTransaction(io.switchboard.transport.message.SipMessage message, Hop hop) {
        outbox.send(OutboundMessage.to(message, Transport.valueOf(hop.transport().toUpperCase(java.util.Locale.ROOT)),
                hop.address()));
    }
}
