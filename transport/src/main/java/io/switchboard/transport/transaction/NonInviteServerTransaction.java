package io.switchboard.transport.transaction;

import io.switchboard.transport.message.SipRequest;
import io.switchboard.transport.message.SipResponse;

/**
 * The non-INVITE server transaction of RFC 3261 §17.2.2 (Figure 8). Trying: a retransmitted
 * request is absorbed silently. A provisional response of the TU moves it to Proceeding, a final
 * one to Completed; in both a retransmitted request gets the last response again. Completed
 * lasts timer J (64*T1 over UDP, zero over a reliable transport), then the transaction ends.
 */
final class NonInviteServerTransaction extends ServerTransaction {

    private TimerScheduler.Cancellable timerJ;

    NonInviteServerTransaction(TransactionLayer layer, ServerKey key, SipRequest request, Hop source) {
        super(layer, key, request, source, TransactionState.TRYING);
    }

    @Override
    void start() {
    }

    @Override
    boolean respond(SipResponse response, boolean generated) {
        if (!state().isPending()) {
            return false;
        }
        remember(response);
        if (!transmitFirst(response, generated)) {
            return false;
        }
        if (response.isProvisional()) {
            enter(TransactionState.PROCEEDING);
        } else {
            enter(TransactionState.COMPLETED);
            timerJ = after(layer.settings().timerJ(hop.reliable()), () -> terminate(TerminationCause.NORMAL));
        }
        return true;
    }

    @Override
    void onRetransmission() {
        locked(() -> {
            TransactionState state = state();
            if (state == TransactionState.PROCEEDING || state == TransactionState.COMPLETED) {
                resendLastResponse();
            }
        });
    }

    @Override
    void cancelTimers() {
        stop(timerJ);
    }
}
