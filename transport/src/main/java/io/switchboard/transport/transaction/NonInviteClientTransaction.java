package io.switchboard.transport.transaction;

import io.switchboard.transport.message.SipRequest;
import io.switchboard.transport.message.SipResponse;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * The non-INVITE client transaction of RFC 3261 §17.1.2 (Figure 6). Trying: over UDP timer E
 * retransmits the request at T1, doubling up to T2; a provisional response moves it to
 * Proceeding, where E fires every T2. Timer F (64*T1) without a final response is a timeout. A
 * final response moves it to Completed, which absorbs response retransmissions for timer K (T4
 * over UDP, zero over a reliable transport).
 */
final class NonInviteClientTransaction extends ClientTransaction {

    private TimerScheduler.Cancellable timerE;
    private TimerScheduler.Cancellable timerF;
    private TimerScheduler.Cancellable timerK;
    private Duration intervalE;

    NonInviteClientTransaction(TransactionLayer layer, ClientKey key, SipRequest request, Hop hop,
            ClientTransactionListener listener, Executor executor) {
        super(layer, key, request, hop, TransactionState.TRYING, listener, executor);
    }

    @Override
    void start() {
        locked(() -> {
            if (!transmit(request)) {
                return;
            }
            TimerSettings settings = layer.settings();
            if (!hop.reliable()) {
                intervalE = settings.timerE();
                timerE = after(intervalE, this::retransmit);
            }
            timerF = after(settings.timerF(), this::timeout);
        });
    }

    private boolean isWaiting() {
        TransactionState state = state();
        return state == TransactionState.TRYING || state == TransactionState.PROCEEDING;
    }

    private void retransmit() {
        if (isWaiting() && transmit(request)) {
            layer.statistics().retransmissionSent();
            TimerSettings settings = layer.settings();
            intervalE = state() == TransactionState.PROCEEDING ? settings.t2() : settings.nextCappedInterval(intervalE);
            timerE = after(intervalE, this::retransmit);
        }
    }

    private void timeout() {
        if (isWaiting()) {
            reportTimeout();
            terminate(TerminationCause.TIMEOUT);
        }
    }

    @Override
    boolean onResponse(SipResponse response) {
        return lockedGet(() -> {
            if (isWaiting()) {
                if (response.isProvisional()) {
                    enter(TransactionState.PROCEEDING);
                    reportProvisional(response);
                } else {
                    enter(TransactionState.COMPLETED);
                    stop(timerE);
                    stop(timerF);
                    reportFinal(response);
                    timerK = after(layer.settings().timerK(hop.reliable()), () -> terminate(TerminationCause.NORMAL));
                }
                return true;
            }
            if (state() == TransactionState.COMPLETED) {
                layer.statistics().retransmissionAbsorbed();
                return true;
            }
            return false;
        });
    }

    @Override
    public CompletionStage<CancelOutcome> cancel() {
        throw new IllegalStateException("only an INVITE is cancelled (RFC 3261 §9.1), not " + request.method());
    }

    @Override
    void cancelTimers() {
        stop(timerE);
        stop(timerF);
        stop(timerK);
    }
}
