package io.switchboard.actors.dialog;

import io.switchboard.persistence.history.CallHistory;
import java.time.Clock;
import java.util.Objects;

/**
 * What the dialog entities of one node share: the settings, the sender of generated requests,
 * the statistics, the directory of live dialogs, the event-route listener and the clock every
 * absolute deadline is read from (a test moves it together with Pekko's manual time). Entities
 * report their changes here, and this keeps directory, statistics (seed manual section 8),
 * event routes (section 11) and the call history in step: a dialog's end is recorded here once, by
 * the node that ends it, never in a recovery.
 */
public record DialogEnvironment(DialogSettings settings, InDialogSender sender, DialogStatistics statistics,
        DialogDirectory directory, DialogListener listener, Clock clock, CallHistory history) {

    public DialogEnvironment {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(statistics, "statistics");
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(history, "history");
    }

    /** Without a call history. */
    public DialogEnvironment(DialogSettings settings, InDialogSender sender, DialogStatistics statistics,
            DialogDirectory directory, DialogListener listener, Clock clock) {
        this(settings, sender, statistics, directory, listener, clock, CallHistory.NONE);
    }

    /** New statistics and directory, no listener, the system clock. */
    public static DialogEnvironment create(DialogSettings settings, InDialogSender sender) {
        return new DialogEnvironment(settings, sender, new DialogStatistics(), new DialogDirectory(),
                DialogListener.NONE, Clock.systemUTC());
    }

    /**
     * A dialog this node holds changed while running (not in recovery). The statistics move
     * before the directory, so whoever sees the change in the directory sees it counted.
     */
    void changed(Dialog before, Dialog after) {
        DialogState from = before.state();
        DialogState to = after.state();
        DialogSnapshot snapshot = after.snapshot();
        boolean failed = from.isSetup() && to == DialogState.DELETED;
        boolean ended = from.isConfirmed() && to == DialogState.DELETED;
        statistics.moved(from, to);
        if (to == DialogState.UNCONFIRMED && from == DialogState.DELETED) {
            statistics.created();
        }
        if (failed) {
            statistics.failed();
        }
        if (ended && after.ending().cause() == EndCause.TIMEOUT) {
            statistics.expired();
        }
        directory.put(snapshot);
        if (to == DialogState.DELETED && from != DialogState.DELETED) {
            history.record(after.callRecord());
        }
        if (from.isSetup() && to == DialogState.CONFIRMED_NA) {
            listener.dialogStarted(snapshot);
        } else if (failed) {
            listener.dialogFailed(snapshot);
        } else if (ended && after.ending().cause() != EndCause.STATE_SET) {
            listener.dialogEnded(snapshot);
        }
    }

    /** This node holds {@code dialog} now: recovered after a restart or taken over from another node. */
    void held(Dialog dialog) {
        if (dialog.tracked()) {
            statistics.entered(dialog.state());
            directory.put(dialog.snapshot());
        }
    }

    /** This node no longer holds {@code dialog}: its entity stopped. */
    void released(Dialog dialog) {
        if (dialog.tracked()) {
            statistics.left(dialog.state());
            directory.remove(dialog.invite().callId());
        }
    }
}
