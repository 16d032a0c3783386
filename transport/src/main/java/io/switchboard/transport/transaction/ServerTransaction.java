package io.switchboard.transport.transaction;

import io.switchboard.transport.message.SipRequest;
import io.switchboard.transport.message.SipResponse;
import io.switchboard.transport.parse.SipParseException;
import java.util.concurrent.Executor;

/**
 * A server transaction (RFC 3261 §17.2): created by {@link TransactionLayer#onRequest} for a new
 * request, it absorbs retransmissions of that request, resending the last response, and sends
 * the TU's responses to the {@link #source()} hop, retransmitting where the state machine says
 * so. INVITE: §17.2.1 with RFC 6026; other methods: §17.2.2.
 *
 * <p>The transaction ends by itself; {@link #termination()} tells when and why
 * ({@link TerminationCause#TIMEOUT} when timer H fired without an ACK,
 * {@link TerminationCause#TRANSPORT_ERROR} when a response could not be sent).
 */
public abstract sealed class ServerTransaction extends Transaction
        permits InviteServerTransaction, NonInviteServerTransaction {

    static final Executor CALLING_THREAD = Runnable::run;

    final ServerKey key;
    private volatile SipResponse lastResponse;
    private volatile boolean cancelled;
    private boolean completed;

    ServerTransaction(TransactionLayer layer, ServerKey key, SipRequest request, Hop source, TransactionState initial) {
        super(layer, request, source, initial, CALLING_THREAD);
        this.key = key;
    }

    /** The hop responses go to, as the engine computed it from the top Via (§18.2.2). */
    public final Hop source() {
        return hop;
    }

    /** The last response sent, provisional or final (a final one as a copy of its bytes only), or null before the first. */
    public final SipResponse lastResponse() {
        return lastResponse;
    }

    /**
     * Sends a response the TU relays (it carries the request's Via headers, §8.2.6; a proxy's
     * §16.7 step 9) and moves the state machine. Returns false, sending nothing, when the state
     * takes no response any more (a final response was sent, the transaction ended) or when
     * sending failed, which ends the transaction with {@link TerminationCause#TRANSPORT_ERROR}.
     */
    public final boolean sendResponse(SipResponse response) {
        return lockedGet(() -> respond(response, false));
    }

    /**
     * As {@link #sendResponse}, for a response the TU generated itself rather than relayed
     * (Kamailio's {@code t_reply}), which the statistics count apart ({@code rpl_generated}).
     */
    public final boolean sendLocalResponse(SipResponse response) {
        return lockedGet(() -> respond(response, true));
    }

    /** Sends a response of the TU if the state takes it and moves the state machine; lock held. */
    abstract boolean respond(SipResponse response, boolean generated);

    /** True once {@link #markCancelled()} was called: a CANCEL for this INVITE arrived (§9.2). */
    public final boolean isCancelled() {
        return cancelled;
    }

    /**
     * Records that a CANCEL matched this INVITE transaction (§9.2, §16.10), so a proxy acts on it
     * once. Returns true the first time; a non-INVITE transaction is never cancelled (§9.1).
     */
    public final boolean markCancelled() {
        if (!isInvite()) {
            return false;
        }
        return lockedGet(() -> {
            if (cancelled) {
                return false;
            }
            cancelled = true;
            return true;
        });
    }

    /**
     * Ends the transaction without a response, for a request the TU handled statelessly (a
     * stateless forward, RFC 3261 §16.11): it leaves the table, so a retransmission is a new
     * request again, as it would be to a stateless proxy. Released before it sent anything, it
     * counts as {@link TransactionStatistics#releasedServerTransactions() released}.
     */
    public final void release() {
        locked(() -> {
            if (!isTerminated()) {
                if (lastResponse == null) {
                    layer.statistics().serverReleased();
                }
                terminate(TerminationCause.NORMAL);
            }
        });
    }

    /** Arms the first timers; called once the transaction is in the table. */
    abstract void start();

    /** A retransmission of the request arrived (§17.2.1, §17.2.2). */
    abstract void onRetransmission();

    /** An ACK matched; true if the transaction absorbs it, false if the TU must route it. */
    boolean onAck() {
        return false;
    }

    /** The To tag of the last response, for the RFC 2543 ACK matching of §17.2.3. */
    final String responseToTag() {
        SipResponse response = lastResponse;
        if (response == null) {
            return null;
        }
        try {
            return response.to().tag();
        } catch (SipParseException e) {
            return null;
        }
    }

    /** Lock held. */
    final void remember(SipResponse response) {
        lastResponse = response.isFinal() ? (SipResponse) response.compacted() : response;
    }

    /**
     * Sends a response for the first time (not a retransmission) and counts it, and the
     * transaction's completion by its first final response; lock held.
     */
    final boolean transmitFirst(SipResponse response, boolean generated) {
        if (!transmit(response)) {
            return false;
        }
        TransactionStatistics statistics = layer.statistics();
        statistics.replySent(generated);
        if (response.isFinal() && !completed) {
            completed = true;
            statistics.serverCompleted(response.statusCode());
        }
        return true;
    }

    /** Lock held. */
    final void resendLastResponse() {
        SipResponse response = lastResponse;
        if (response != null) {
            transmit(response);
        }
    }

    @Override
    final void unregister() {
        layer.removeServer(this);
    }

    @Override
    final void transportFailed(Exception cause) {
        terminate(TerminationCause.TRANSPORT_ERROR);
    }
}
