package io.switchboard.transport.transaction;

import java.time.Duration;

/**
 * Runs the timers of the transaction layer (RFC 3261 §17, Table 4 of Appendix A). Production
 * uses {@link WheelTimerScheduler}; tests and replays use {@link ManualTimerScheduler}, whose
 * clock only moves when told to. Tasks must be short: they take a transaction's lock and hand a
 * message to the transport.
 */
public interface TimerScheduler {

    /** Runs {@code task} once after {@code delay} unless cancelled first. */
    Cancellable schedule(Duration delay, Runnable task);

    /** A scheduled task that has not run yet can be cancelled. */
    interface Cancellable {

        /** Prevents the task from running; no effect once it ran or was cancelled. */
        void cancel();
    }
}
