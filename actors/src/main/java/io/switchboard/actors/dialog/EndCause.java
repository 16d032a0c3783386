package io.switchboard.actors.dialog;

/**
 * Who or what ended a dialog (seed manual 11.2 {@code event_route[dialog:end]}: "the BYE for the
 * call is processed or the dialog timed out"; 9.8 {@code dlg.terminate_dlg}; 9.10 {@code dlg.set_state};
 * 6.52 keep-alives).
 */
public enum EndCause {
    /** The caller sent BYE. */
    CALLER_BYE,
    /** The callee sent BYE. */
    CALLEE_BYE,
    /** A timeout: the lifetime, {@code noack-timeout} or {@code early-timeout}. */
    TIMEOUT,
    /** A management command ({@code dlg.terminate_dlg}, {@code dlg.end_dlg}, {@code dlg_bye}). */
    MANAGEMENT,
    /**
     * {@code dlg.set_state} to 5 (seed manual 9.10): the dialog is wiped out silently, without BYE
     * and without {@code event_route[dialog:end]}.
     */
    STATE_SET,
    /** In-dialog keep-alives went unanswered or were answered 481 (seed manual 6.52). */
    KEEPALIVE_FAILURE
}
