package io.switchboard.actors.dialog;

import java.util.concurrent.atomic.LongAdder;

/**
 * The dialog module's statistics (seed manual section 8) for the dialogs this node holds, which
 * the engine exposes as {@code dialog:active_dialogs}, {@code dialog:early_dialogs},
 * {@code dialog:processed_dialogs}, {@code dialog:expired_dialogs} and {@code dialog:failed_dialogs}.
 * Entities update them; anyone may read them from any thread.
 *
 * <p>As in Kamailio, {@code active} counts answered dialogs (states 3 and 4) and {@code early}
 * those in state 2; {@code processed} counts dialogs created by an INVITE since start-up,
 * {@code expired} the answered ones that timed out, {@code failed} those that ended before an
 * answer: a final reply of 300 or more, or {@code early-timeout}. A dialog recovered or taken over
 * by this node counts in the gauges, not in {@code processed}.
 */
public final class DialogStatistics {

    private final LongAdder active = new LongAdder();
    private final LongAdder early = new LongAdder();
    private final LongAdder processed = new LongAdder();
    private final LongAdder expired = new LongAdder();
    private final LongAdder failed = new LongAdder();

    /** 8.1 {@code active_dialogs}: answered dialogs, with or without their ACK. */
    public long activeDialogs() {
        return active.sum();
    }

    /** 8.2 {@code early_dialogs}. */
    public long earlyDialogs() {
        return early.sum();
    }

    /** 8.3 {@code processed_dialogs}. */
    public long processedDialogs() {
        return processed.sum();
    }

    /** 8.4 {@code expired_dialogs}. */
    public long expiredDialogs() {
        return expired.sum();
    }

    /** 8.5 {@code failed_dialogs}. */
    public long failedDialogs() {
        return failed.sum();
    }

    void created() {
        processed.increment();
    }

    void expired() {
        expired.increment();
    }

    void failed() {
        failed.increment();
    }

    /** A dialog this node holds moved from one state to another. */
    void moved(DialogState from, DialogState to) {
        if (from != to) {
            left(from);
            entered(to);
        }
    }

    /** This node holds a dialog in {@code state} (created, recovered or taken over). */
    void entered(DialogState state) {
        gauge(state, 1);
    }

    /** This node no longer holds a dialog in {@code state} (it stopped or moved away). */
    void left(DialogState state) {
        gauge(state, -1);
    }

    private void gauge(DialogState state, int delta) {
        if (state == DialogState.EARLY) {
            early.add(delta);
        } else if (state.isConfirmed()) {
            active.add(delta);
        }
    }
}
