package io.switchboard.transport.transaction;

import io.switchboard.transport.message.SipRequest;
import io.switchboard.transport.message.SipResponse;
import java.time.Duration;

/**
 * The INVITE server transaction of RFC 3261 §17.2.1 (Figure 7) as amended by RFC 6026 §7.1
 * (Figure 5 there). Proceeding: sends {@code 100 Trying} itself unless the TU answers within
 * {@link TimerSettings#tryingDelay()}, resends the last provisional response on a retransmitted
 * INVITE. A 300–699 response moves it to Completed, where timer G retransmits it over UDP
 * (T1 doubling up to T2) until the ACK moves it to Confirmed, and timer H (64*T1) ends it with
 * a timeout; Confirmed absorbs ACK retransmissions for timer I. A 2xx moves it to Accepted
 * (RFC 6026) for timer L (64*T1): INVITE retransmissions are absorbed without an answer, further
 * 2xx of the TU are sent, and ACKs go to the TU, which handles 2xx and their ACKs end to end.
 */
final class InviteServerTransaction extends ServerTransaction {

    private TimerScheduler.Cancellable tryingTimer;
    private TimerScheduler.Cancellable timerG;
    private TimerScheduler.Cancellable timerH;
    private TimerScheduler.Cancellable endTimer;
    private Duration intervalG;

    InviteServerTransaction(TransactionLayer layer, ServerKey key, SipRequest request, Hop source) {
        super(layer, key, request, source, TransactionState.PROCEEDING);
    }

    @Override
    void start() {
        locked(() -> tryingTimer = after(layer.settings().tryingDelay(), this::sendTrying));
    }

    private void sendTrying() {
        if (state() == TransactionState.PROCEEDING && lastResponse() == null) {
            SipResponse trying = TransactionMessages.tryingFor(request);
            remember(trying);
            transmitFirst(trying, true);
        }
    }

    @Override
    boolean respond(SipResponse response, boolean generated) {
        return switch (state()) {
            case PROCEEDING -> answer(response, generated);
            case ACCEPTED -> response.isSuccess() && transmitFirst(response, generated);
            default -> false;
        };
    }

    private boolean answer(SipResponse response, boolean generated) {
        stop(tryingTimer);
        remember(response);
        if (!transmitFirst(response, generated)) {
            return false;
        }
        TimerSettings settings = layer.settings();
        if (response.isSuccess()) {
            enter(TransactionState.ACCEPTED);
            endTimer = after(settings.timerL(), () -> terminate(TerminationCause.NORMAL));
        } else if (response.isFinal()) {
            enter(TransactionState.COMPLETED);
            if (!hop.reliable()) {
                intervalG = settings.timerG();
                timerG = after(intervalG, this::retransmitFinal);
            }
            timerH = after(settings.timerH(), this::ackTimeout);
        }
        return true;
    }

    private void retransmitFinal() {
        if (state() == TransactionState.COMPLETED && transmit(lastResponse())) {
            layer.statistics().retransmissionSent();
            intervalG = layer.settings().nextCappedInterval(intervalG);
            timerG = after(intervalG, this::retransmitFinal);
        }
    }

    private void ackTimeout() {
        if (state() == TransactionState.COMPLETED) {
            layer.statistics().timeout();
            terminate(TerminationCause.TIMEOUT);
        }
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
    boolean onAck() {
        return lockedGet(() -> switch (state()) {
            case COMPLETED -> {
                enter(TransactionState.CONFIRMED);
                stop(timerG);
                stop(timerH);
                endTimer = after(layer.settings().timerI(hop.reliable()), () -> terminate(TerminationCause.NORMAL));
                yield true;
            }
            case CONFIRMED -> {
                layer.statistics().retransmissionAbsorbed();
                yield true;
            }
            case PROCEEDING -> true;
            default -> false;
        });
    }

    @Override
    void cancelTimers() {
        stop(tryingTimer);
        stop(timerG);
        stop(timerH);
        stop(endTimer);
    }
}
