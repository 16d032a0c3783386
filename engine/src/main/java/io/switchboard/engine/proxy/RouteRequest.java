package io.switchboard.engine.proxy;

import io.switchboard.actors.dlgs.DlgsFunctions;
import io.switchboard.actors.htable.HashTables;
import io.switchboard.engine.route.RequestContext;
import io.switchboard.transport.message.SipRequest;
import io.switchboard.transport.message.SipResponse;
import io.switchboard.transport.net.InboundMessage;
import io.switchboard.transport.net.Transport;
import io.switchboard.transport.parse.SipParseException;
import io.switchboard.transport.transaction.ServerTransaction;
import java.net.InetSocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link RequestContext} of one request through the request route. The request has a server
 * transaction unless it is an ACK for a 2xx (RFC 3261 §13.2.2.4), which is relayed statelessly.
 */
final class RouteRequest implements RequestContext {

    private static final Logger log = LoggerFactory.getLogger(RouteRequest.class);

    private final ProxyCore core;
    private final InboundMessage in;
    private final ServerTransaction transaction;
    private SipRequest request;
    private boolean recordRoute;
    private boolean handled;

    RouteRequest(ProxyCore core, InboundMessage in, SipRequest request, ServerTransaction transaction) {
        this.core = core;
        this.in = in;
        this.request = request;
        this.transaction = transaction;
    }

    boolean handled() {
        return handled;
    }

    @Override
    public SipRequest request() {
        return request;
    }

    @Override
    public Transport transport() {
        return in.transport();
    }

    @Override
    public InetSocketAddress source() {
        return in.remote();
    }

    @Override
    public boolean isMethod(String methods) {
        String method = request.method().name();
        for (String name : methods.split("\\|")) {
            if (name.trim().equalsIgnoreCase(method)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean hasToTag() {
        try {
            return request.to().tag() != null;
        } catch (SipParseException e) {
            return false;
        }
    }

    @Override
    public int maxfwdProcess(int maxValue) {
        MaxForwards.Outcome outcome = core.maxForwards.process(request, maxValue);
        request = outcome.request();
        return outcome.code();
    }

    @Override
    public boolean looseRoute() {
        try {
            LooseRoute.Outcome outcome = core.looseRoute.process(request);
            request = outcome.request();
            return outcome.routed();
        } catch (SipParseException e) {
            log.debug("loose_route: {}", e.getMessage());
            return false;
        }
    }

    @Override
    public void recordRoute() {
        recordRoute = true;
    }

    @Override
    public boolean tRelay() {
        return tRelay(null);
    }

    @Override
    public boolean tRelay(String destination) {
        if (transaction == null) {
            return forward();
        }
        handled = true;
        ProxiedRequest proxied = new ProxiedRequest(core, transaction, in, request, recordRoute);
        core.proxied.put(transaction, proxied);
        int failure = proxied.relay(destination);
        if (failure != 0) {
            core.proxied.remove(transaction);
            reply(failure, null);
            return false;
        }
        return true;
    }

    @Override
    public boolean forward() {
        handled = true;
        if (transaction != null) {
            transaction.release();
        }
        return core.forwardStatelessly(in, request, recordRoute);
    }

    @Override
    public void slSendReply(int code, String reason) {
        reply(code, reason);
    }

    /** As {@code sl_send_reply}: a request that has a transaction is answered through it. */
    @Override
    public void tReply(int code, String reason) {
        reply(code, reason);
    }

    private void reply(int code, String reason) {
        handled = true;
        if (request.isAck()) {
            return;
        }
        SipResponse response = core.sl.reply(request, code, reason);
        if (transaction != null) {
            core.reply(transaction, response);
        } else {
            core.replyStatelessly(in, response);
        }
    }

    @Override
    public void drop() {
        handled = true;
        if (transaction != null) {
            transaction.release();
        }
        core.counters.droppedRequests.increment();
    }

    @Override
    public HashTables htable() {
        return core.modules.htable();
    }

    @Override
    public DlgsFunctions dlgs() {
        return new DlgsFunctions(core.modules.dlgs(), request);
    }
}
