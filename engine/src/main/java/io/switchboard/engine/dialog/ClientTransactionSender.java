package io.switchboard.engine.dialog;

import io.switchboard.actors.dialog.InDialogSender;
import io.switchboard.engine.proxy.Lanes;
import io.switchboard.engine.proxy.LocalAddresses;
import io.switchboard.engine.proxy.LooseRoute;
import io.switchboard.engine.proxy.NextHop;
import io.switchboard.transport.header.Via;
import io.switchboard.transport.message.HeaderName;
import io.switchboard.transport.message.SipRequest;
import io.switchboard.transport.message.SipResponse;
import io.switchboard.transport.message.SipStatus;
import io.switchboard.transport.net.ListenAddress;
import io.switchboard.transport.parse.SipParseException;
import io.switchboard.transport.transaction.ClientTransaction;
import io.switchboard.transport.transaction.ClientTransactionListener;
import io.switchboard.transport.transaction.Hop;
import io.switchboard.transport.transaction.TransactionLayer;
import io.switchboard.transport.uri.SipUri;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the requests the dialog module generates (seed manual 6.49 {@code send_bye}, 9.8
 * {@code dlg.terminate_dlg}, 9.9 {@code dlg.end_dlg}, and those of {@code dlg_bridge}, 7.11, with
 * the ACK of its 2xx) through client transactions of the engine's transaction layer (RFC 3261
 * §17.1), as a UAC does (§8.1.2): to the first Route entry, or the Request-URI without one — the
 * proxy's {@link LooseRoute#forward} rules, which also rewrite for a strict router — with this
 * proxy's Via and a fresh branch (§8.1.1.7). The work runs on the lane of the call, never on the
 * dialog's thread: resolving a host name may block.
 */
public final class ClientTransactionSender implements InDialogSender {

    /**
     * How long an INVITE this engine sent may go without a final response before it is cancelled:
     * the default of Kamailio tm's {@code fr_inv_timeout}; RFC 3261's Timer B only ends one that
     * got no provisional response.
     */
    static final Duration RING_LIMIT = Duration.ofSeconds(120);

    private static final Logger log = LoggerFactory.getLogger(ClientTransactionSender.class);

    private final TransactionLayer transactions;
    private final LocalAddresses local;
    private final LooseRoute looseRoute;
    private final Lanes lanes;

    public ClientTransactionSender(TransactionLayer transactions, LocalAddresses local, Lanes lanes) {
        this.transactions = transactions;
        this.local = local;
        this.looseRoute = new LooseRoute(local);
        this.lanes = lanes;
    }

    /**
     * Sends {@code request} with this proxy's Via for {@code localSocket} when that is one of its
     * listeners on the transport the next hop needs, else for the first listener of that transport;
     * completes with the final status, 408 when the transaction timed out, and 503 or the next
     * hop's 416/478 when it could not be sent.
     */
    @Override
    public CompletionStage<Integer> send(SipRequest request, String localSocket) {
        return exchange(request, localSocket, null).thenApply(Answer::status);
    }

    /**
     * Sends {@code request} as {@link #send} does but to {@code outboundProxy} when that is not null
     * (the outbound URI of Kamailio's {@code t_request}: the request goes there unchanged, its
     * Request-URI and Route as they are), and completes with its final answer. An INVITE still
     * without a final response after {@link #RING_LIMIT} is cancelled (RFC 3261 §9.1); its answer
     * is then the 487 that follows, or 408.
     */
    public CompletionStage<Answer> exchange(SipRequest request, String localSocket, SipUri outboundProxy) {
        CompletableFuture<Answer> answer = new CompletableFuture<>();
        Executor lane = lanes.lane(request.header(HeaderName.CALL_ID));
        try {
            lane.execute(() -> start(request, localSocket, outboundProxy, lane, answer));
        } catch (RejectedExecutionException e) {
            answer.complete(new Answer(SipStatus.SERVICE_UNAVAILABLE, null));
        }
        return answer;
    }

    /**
     * Sends the ACK of a 2xx to an INVITE this engine sent (RFC 3261 §13.2.2.4) as {@link #send}
     * picks the hop and Via, with a branch of its own, but without a transaction (§17.1.1.3): once,
     * on the call's lane, so that a request of the dialog sent after it leaves after it.
     */
    public void sendAck(SipRequest ack, String localSocket) {
        try {
            lanes.lane(ack.header(HeaderName.CALL_ID)).execute(() -> {
                try {
                    Outgoing out = outgoing(ack, localSocket, null);
                    transactions.sendAck(out.request(), out.hop());
                } catch (NextHop.UnroutableException | SipParseException | IOException | RuntimeException e) {
                    log.debug("cannot send ACK of {}: {}", ack.header(HeaderName.CALL_ID), e.getMessage());
                }
            });
        } catch (RejectedExecutionException e) {
            log.debug("ACK of {} not sent: the engine is stopping", ack.header(HeaderName.CALL_ID));
        }
    }

    private void start(SipRequest request, String localSocket, SipUri outboundProxy, Executor lane,
            CompletableFuture<Answer> answer) {
        try {
            Outgoing out = outgoing(request, localSocket, outboundProxy);
            ClientTransaction transaction = transactions.sendRequest(out.request(), out.hop(), new Outcome(answer),
                    lane);
            if (request.isInvite()) {
                CompletableFuture.delayedExecutor(RING_LIMIT.toMillis(), TimeUnit.MILLISECONDS, lane).execute(() -> {
                    if (!answer.isDone()) {
                        transaction.cancel();
                    }
                });
            }
        } catch (NextHop.UnroutableException e) {
            log.debug("cannot send {} of dialog {}: {}", request.method(), request.header(HeaderName.CALL_ID),
                    e.getMessage());
            answer.complete(new Answer(e.statusCode(), null));
        } catch (SipParseException | IllegalArgumentException | IllegalStateException e) {
            log.debug("cannot send {} of dialog {}: {}", request.method(), request.header(HeaderName.CALL_ID),
                    e.getMessage());
            answer.complete(new Answer(SipStatus.SERVICE_UNAVAILABLE, null));
        }
    }

    /**
     * {@code request} with this proxy's Via on top, and the hop it goes to: the outbound proxy, or
     * the one its Route or Request-URI names.
     */
    private Outgoing outgoing(SipRequest request, String localSocket, SipUri outboundProxy)
            throws SipParseException, NextHop.UnroutableException {
        LooseRoute.Forward forward = looseRoute.forward(request);
        NextHop hop = NextHop.of(outboundProxy != null ? outboundProxy : forward.target());
        ListenAddress from = listener(localSocket, hop);
        SipRequest out = forward.request().toBuilder().addFirst(HeaderName.VIA, Via.of(hop.transport().name(),
                LocalAddresses.uriHost(from), from.port(), branch()).toString()).buildRequest();
        return new Outgoing(out, new Hop(hop.transport().name(), hop.address()));
    }

    private ListenAddress listener(String localSocket, NextHop hop) {
        if (localSocket == null) {
            return local.listener(hop.transport());
        }
        try {
            ListenAddress recorded = ListenAddress.parse(localSocket);
            if (recorded.transport() == hop.transport() && local.listeners().contains(recorded)) {
                return recorded;
            }
        } catch (IllegalArgumentException e) {
            log.debug("dialog socket '{}' is no listen address; using the {} listener", localSocket, hop.transport());
        }
        return local.listener(hop.transport());
    }

    private static String branch() {
        return Via.MAGIC_COOKIE + "dlg" + Long.toHexString(ThreadLocalRandom.current().nextLong());
    }

    /**
     * The final answer to a request: its status, and the response when one came; null when the
     * transaction timed out (408) or the request could not be sent (503, 416, 478).
     */
    public record Answer(int status, SipResponse response) {

        /** A 2xx. */
        public boolean isSuccess() {
            return status >= 200 && status < 300;
        }
    }

    private record Outgoing(SipRequest request, Hop hop) {
    }

    /** Completes the answer with the transaction's final response. */
    private record Outcome(CompletableFuture<Answer> answer) implements ClientTransactionListener {

        @Override
        public void onFinal(SipResponse response) {
            answer.complete(new Answer(response.statusCode(), response));
        }

        @Override
        public void onTimeout() {
            answer.complete(new Answer(SipStatus.REQUEST_TIMEOUT, null));
        }

        @Override
        public void onTransportError(Exception cause) {
            answer.complete(new Answer(SipStatus.SERVICE_UNAVAILABLE, null));
        }
    }
}
