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
import io.switchboard.transport.transaction.ClientTransactionListener;
import io.switchboard.transport.transaction.Hop;
import io.switchboard.transport.transaction.TransactionLayer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the requests the dialog module generates (seed manual 6.49 {@code send_bye}, 9.8
 * {@code dlg.terminate_dlg}, 9.9 {@code dlg.end_dlg}) through client transactions of the engine's
 * transaction layer (RFC 3261 §17.1), as a UAC does (§8.1.2): to the first Route entry, or the
 * Request-URI without one — the proxy's {@link LooseRoute#forward} rules, which also rewrite for a
 * strict router — with this proxy's Via and a fresh branch (§8.1.1.7). The work runs on the lane
 * of the call, never on the dialog's thread: resolving a host name may block.
 */
public final class ClientTransactionSender implements InDialogSender {

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
        CompletableFuture<Integer> answer = new CompletableFuture<>();
        Executor lane = lanes.lane(request.header(HeaderName.CALL_ID));
        try {
            lane.execute(() -> start(request, localSocket, lane, answer));
        } catch (RejectedExecutionException e) {
            answer.complete(SipStatus.SERVICE_UNAVAILABLE);
        }
        return answer;
    }

    private void start(SipRequest request, String localSocket, Executor lane, CompletableFuture<Integer> answer) {
        try {
            LooseRoute.Forward forward = looseRoute.forward(request);
            NextHop hop = NextHop.of(forward.target());
            ListenAddress from = listener(localSocket, hop);
            SipRequest out = forward.request().toBuilder().addFirst(HeaderName.VIA, Via.of(hop.transport().name(),
                    LocalAddresses.uriHost(from), from.port(), branch()).toString()).buildRequest();
            transactions.sendRequest(out, new Hop(hop.transport().name(), hop.address()), new Outcome(answer), lane);
        } catch (NextHop.UnroutableException e) {
            log.debug("cannot send {} of dialog {}: {}", request.method(), request.header(HeaderName.CALL_ID),
                    e.getMessage());
            answer.complete(e.statusCode());
        } catch (SipParseException | IllegalArgumentException | IllegalStateException e) {
            log.debug("cannot send {} of dialog {}: {}", request.method(), request.header(HeaderName.CALL_ID),
                    e.getMessage());
            answer.complete(SipStatus.SERVICE_UNAVAILABLE);
        }
    }

    private ListenAddress listener(String localSocket, NextHop hop) {
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

    /** Completes the answer with the transaction's final status. */
    private record Outcome(CompletableFuture<Integer> answer) implements ClientTransactionListener {

        @Override
        public void onFinal(SipResponse response) {
            answer.complete(response.statusCode());
        }

        @Override
        public void onTimeout() {
            answer.complete(SipStatus.REQUEST_TIMEOUT);
        }

        @Override
        public void onTransportError(Exception cause) {
            answer.complete(SipStatus.SERVICE_UNAVAILABLE);
        }
    }
}
