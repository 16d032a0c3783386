package io.switchboard.actors.dialog;

import io.switchboard.persistence.CborSerializable;

/**
 * Per-dialog switches a route sets before tracking an INVITE: {@code timeoutBye} is
 * {@code $dlg_ctx(timeout_bye)=1} (seed manual 7.10, 6.49: BYE both sides when the dialog times
 * out), {@code timeoutNoreset} is {@code dlg_set_property("timeout-noreset")} (7.16, 6.54: in-dialog
 * requests do not reset the lifetime). The module-wide {@code send-bye} and
 * {@code timeout-noreset} settings turn them on for every dialog.
 */
public record DialogProperties(boolean timeoutBye, boolean timeoutNoreset) implements CborSerializable {

    /** Neither switch on. */
    public static final DialogProperties NONE = new DialogProperties(false, false);
}
