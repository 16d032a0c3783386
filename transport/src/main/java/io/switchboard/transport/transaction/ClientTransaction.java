package io.switchboard.transport.transaction;

import io.switchboard.transport.message.SipRequest;
import io.switchboard.transport.message.SipResponse;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * A client transaction (RFC 3261 §17.1), started by {@link TransactionLayer#sendRequest}: sends
 * the request to its {@link #hop()}, retransmits it over UDP, takes the responses that
 * {@link TransactionLayer#onResponse} matches to it (§17.1.3) and reports them, or a timeout or
 * transport error, to its {@link ClientTransactionListener}. INVITE: §17.1.1; other methods:
 * §17.1.2.
 */
public abstract sealed class ClientTransaction extends Transaction
        permits InviteClientTransaction, NonInviteClientTransaction {

    final ClientKey key;
    final ClientTransactionListener listener;
    private boolean answered;

    ClientTransaction(TransactionLayer layer, ClientKey key, SipRequest request, Hop hop, TransactionState initial,
            ClientTransactionListener listener, Executor executor) {
        super(layer, request, hop, initial, executor);
        this.key = key;
        this.listener = listener;
    }

    /** The hop the request is sent to. */
    public final Hop hop() {
        return hop;
    }

    /**
     * Cancels an INVITE (RFC 3261 §9.1): sends a CANCEL in its own non-INVITE client transaction
     * once a provisional response has arrived (at once if one has; when the first one arrives if
     * not; never if a final response comes first). A second call returns the same outcome. The
     * stage completes on the callback executor. If the INVITE then gets no final response within
     * 64*T1, the transaction ends with a timeout, as §9.1 says.
     *
     * @throws IllegalStateException for a non-INVITE transaction, which §9.1 does not cancel
     */
    public abstract CompletionStage<CancelOutcome> cancel();

    /** Sends the request and arms the first timers; called once the transaction is in the table. */
    abstract void start();

    /** A response matched; false if the transaction had already ended. */
    abstract boolean onResponse(SipResponse response);

    /** Lock held. */
    final void reportProvisional(SipResponse response) {
        if (!answered) {
            post(() -> listener.onProvisional(response));
        }
    }

    /** Lock held. */
    final void reportFinal(SipResponse response) {
        if (!answered) {
            answered = true;
            post(() -> listener.onFinal(response));
        }
    }

    /** Lock held. */
    final void reportTimeout() {
        layer.statistics().timeout();
        if (!answered) {
            answered = true;
            post(listener::onTimeout);
        }
    }

    @Override
    final void transportFailed(Exception cause) {
        if (!answered) {
            answered = true;
            post(() -> listener.onTransportError(cause));
        }
        terminate(TerminationCause.TRANSPORT_ERROR);
    }

    @Override
    final void unregister() {
        layer.removeClient(this);
    }
}
