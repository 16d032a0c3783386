package io.switchboard.transport.transaction;

import io.switchboard.transport.message.SipMessage;
import io.switchboard.transport.message.SipRequest;
import io.switchboard.transport.message.SipResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A {@link MessageSender} that records what was sent and when, and fails on demand. */
final class RecordingSender implements MessageSender {

    record Sent(Duration at, SipMessage message, Hop hop) {
        long millis() {
            return at.toMillis();
        }
    }

    private final ManualTimerScheduler clock;
    private final List<Sent> sent = new ArrayList<>();
    private int sendsBeforeFailure = -1;

    RecordingSender(ManualTimerScheduler clock) {
        this.clock = clock;
    }

    /** Fails every send after the next {@code successes}. */
    synchronized void failAfter(int successes) {
        sendsBeforeFailure = successes;
    }

    @Override
    public synchronized void send(SipMessage message, Hop hop) throws IOException {
        if (sendsBeforeFailure == 0) {
            throw new IOException("connection refused");
        }
        if (sendsBeforeFailure > 0) {
            sendsBeforeFailure--;
        }
        sent.add(new Sent(clock.now(), message, hop));
    }

    synchronized List<Sent> all() {
        return List.copyOf(sent);
    }

    synchronized int count() {
        return sent.size();
    }

    synchronized SipMessage last() {
        return sent.get(sent.size() - 1).message();
    }

    synchronized SipRequest lastRequest() {
        return (SipRequest) last();
    }

    synchronized SipResponse lastResponse() {
        return (SipResponse) last();
    }

    /** Send times in milliseconds. */
    synchronized List<Long> times() {
        return sent.stream().map(Sent::millis).toList();
    }

    synchronized void clear() {
        sent.clear();
    }
}
