package io.switchboard.transport.transaction;

import io.switchboard.transport.message.SipRequest;
import io.switchboard.transport.message.SipResponse;
import io.switchboard.transport.parse.SipParseException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * The INVITE client transaction of RFC 3261 §17.1.1 (Figure 5). Calling: over UDP timer A
 * retransmits the INVITE at T1, doubling; timer B (64*T1) without a response is a timeout. A
 * provisional response moves it to Proceeding. A 2xx goes to the TU and ends the transaction
 * (the TU acknowledges it end to end, §13.2.2.4; later 2xx retransmissions and other forks'
 * 2xx are stray responses, which a proxy forwards, §16.7). A 300–699 response goes to the TU, and
 * the transaction sends the ACK itself (§17.1.1.3) and moves to Completed, where it re-sends the
 * ACK for every retransmission of the response until timer D (32 s over UDP, zero over a reliable
 * transport). {@link #cancel()} implements §9.1.
 */
final class InviteClientTransaction extends ClientTransaction {

    private TimerScheduler.Cancellable timerA;
    private TimerScheduler.Cancellable timerB;
    private TimerScheduler.Cancellable timerD;
    private Duration intervalA;
    private SipRequest ack;
    private CompletableFuture<CancelOutcome> cancelOutcome;
    private boolean cancelPending;

    InviteClientTransaction(TransactionLayer layer, ClientKey key, SipRequest request, Hop hop,
            ClientTransactionListener listener, Executor executor) {
        super(layer, key, request, hop, TransactionState.CALLING, listener, executor);
    }

    @Override
    void start() {
        locked(() -> {
            if (!transmit(request)) {
                return;
            }
            TimerSettings settings = layer.settings();
            if (!hop.reliable()) {
                intervalA = settings.timerA();
                timerA = after(intervalA, this::retransmit);
            }
            timerB = after(settings.timerB(), this::timeout);
        });
    }

    private void retransmit() {
        if (state() == TransactionState.CALLING && transmit(request)) {
            layer.statistics().retransmissionSent();
            intervalA = layer.settings().nextTimerA(intervalA);
            timerA = after(intervalA, this::retransmit);
        }
    }

    /** Timer B in Calling, or the 64*T1 wait after a CANCEL in Proceeding (§9.1). */
    private void timeout() {
        TransactionState state = state();
        if (state == TransactionState.CALLING || state == TransactionState.PROCEEDING) {
            reportTimeout();
            terminate(TerminationCause.TIMEOUT);
        }
    }

    @Override
    boolean onResponse(SipResponse response) {
        return lockedGet(() -> switch (state()) {
            case CALLING, PROCEEDING -> {
                if (response.isProvisional()) {
                    proceed(response);
                } else if (response.isSuccess()) {
                    reportFinal(response);
                    terminate(TerminationCause.NORMAL);
                } else {
                    complete(response);
                }
                yield true;
            }
            case COMPLETED -> {
                layer.statistics().retransmissionAbsorbed();
                if (response.isFinal() && !response.isSuccess()) {
                    transmit(ack);
                }
                yield true;
            }
            default -> false;
        });
    }

    private void proceed(SipResponse provisional) {
        if (state() == TransactionState.CALLING) {
            enter(TransactionState.PROCEEDING);
            stop(timerA);
            stop(timerB);
        }
        reportProvisional(provisional);
        if (cancelPending) {
            cancelPending = false;
            sendCancel();
        }
    }

    private void complete(SipResponse failure) {
        enter(TransactionState.COMPLETED);
        stop(timerA);
        stop(timerB);
        reportFinal(failure);
        dropPendingCancel();
        try {
            ack = TransactionMessages.ackFor(request, failure);
        } catch (SipParseException e) {
            throw new IllegalStateException("INVITE checked when the transaction started no longer parses", e);
        }
        if (transmit(ack)) {
            timerD = after(layer.settings().timerD(hop.reliable()), () -> terminate(TerminationCause.NORMAL));
        }
    }

    @Override
    public CompletionStage<CancelOutcome> cancel() {
        return lockedGet(() -> {
            if (cancelOutcome == null) {
                cancelOutcome = new CompletableFuture<>();
                switch (state()) {
                    case CALLING -> cancelPending = true;
                    case PROCEEDING -> sendCancel();
                    default -> post(() -> cancelOutcome.complete(CancelOutcome.NOT_SENT));
                }
            }
            return cancelOutcome.minimalCompletionStage();
        });
    }

    /** Lock held. The CANCEL transaction starts on the callback executor, outside this lock. */
    private void sendCancel() {
        SipRequest cancel;
        try {
            cancel = TransactionMessages.cancelFor(request);
        } catch (SipParseException e) {
            throw new IllegalStateException("INVITE checked when the transaction started no longer parses", e);
        }
        timerB = after(layer.settings().timerB(), this::timeout);
        CompletableFuture<CancelOutcome> outcome = cancelOutcome;
        post(() -> {
            try {
                layer.startCancel(cancel, hop, new CancelListener(outcome), executor);
            } catch (RuntimeException e) {
                outcome.complete(CancelOutcome.transportError(e));
            }
        });
    }

    /** Lock held. */
    private void dropPendingCancel() {
        if (cancelPending) {
            cancelPending = false;
            CompletableFuture<CancelOutcome> outcome = cancelOutcome;
            post(() -> outcome.complete(CancelOutcome.NOT_SENT));
        }
    }

    @Override
    void cancelTimers() {
        stop(timerA);
        stop(timerB);
        stop(timerD);
        dropPendingCancel();
    }

    /** Reports the CANCEL's own transaction as the outcome of {@link #cancel()}. */
    private record CancelListener(CompletableFuture<CancelOutcome> outcome) implements ClientTransactionListener {

        @Override
        public void onFinal(SipResponse response) {
            outcome.complete(CancelOutcome.answered(response));
        }

        @Override
        public void onTimeout() {
            outcome.complete(CancelOutcome.TIMED_OUT);
        }

        @Override
        public void onTransportError(Exception cause) {
            outcome.complete(CancelOutcome.transportError(cause));
        }
    }
}
