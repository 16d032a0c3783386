package io.switchboard.actors.dialog;

/**
 * Told when a dialog this node holds starts, ends or fails, to run the event routes of seed manual
 * section 11: {@code dialog:start} (the 2xx to the INVITE), {@code dialog:end} (BYE or timeout),
 * {@code dialog:failed} (a final reply of 300 or more, or {@code early-timeout}). Called on the
 * entity's thread: an implementation hands the work off and returns at once. Recovery after a
 * restart replays no hooks.
 */
public interface DialogListener {

    /** Listens to nothing. */
    DialogListener NONE = new DialogListener() {
    };

    /** {@code event_route[dialog:start]}. */
    default void dialogStarted(DialogSnapshot dialog) {
    }

    /** {@code event_route[dialog:end]}. */
    default void dialogEnded(DialogSnapshot dialog) {
    }

    /**
     * The lifetime (or {@code noack-timeout}) of a dialog with a {@code $dlg_ctx(timeout_route)}
     * passed (seed manual 7.10): run that route, before the dialog ends (after the BYEs, if any).
     */
    default void dialogTimedOut(DialogSnapshot dialog) {
    }

    /** {@code event_route[dialog:failed]}. */
    default void dialogFailed(DialogSnapshot dialog) {
    }
}
