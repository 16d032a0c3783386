package io.switchboard.actors.dialog;

import io.switchboard.persistence.CborSerializable;

/**
 * Per-dialog switches a route sets before tracking an INVITE: {@code timeoutBye} is
 * {@code $dlg_ctx(timeout_bye)=1} (seed manual 7.10, 6.49: BYE both sides when the dialog times
 * out), {@code timeoutNoreset} is {@code dlg_set_property("timeout-noreset")} (7.16, 6.54: in-dialog
 * requests do not reset the lifetime), {@code kaSrc} and {@code kaDst} are
 * {@code dlg_set_property("ka-src")} and {@code ("ka-dst")} (7.16, 6.51–6.53: keep-alive OPTIONS
 * to the caller, to the callee). The module-wide {@code send-bye} and {@code timeout-noreset}
 * settings turn the first two on for every dialog.
 */
public record DialogProperties(boolean timeoutBye, boolean timeoutNoreset, boolean kaSrc, boolean kaDst)
        implements CborSerializable {

    /** No switch on. */
    public static final DialogProperties NONE = new DialogProperties(false, false, false, false);

    /** The name of {@link #kaSrc} for {@code dlg_set_property} / {@code dlg_reset_property}. */
    public static final String KA_SRC = "ka-src";
    /** The name of {@link #kaDst}. */
    public static final String KA_DST = "ka-dst";
    /** The name of {@link #timeoutNoreset}. */
    public static final String TIMEOUT_NORESET = "timeout-noreset";

    /**
     * {@code dlg_set_property(name)} ({@code on}) or {@code dlg_reset_property(name)} (seed manual
     * 7.16, 7.21): these properties with {@code name} switched. A name other than {@code ka-src},
     * {@code ka-dst} and {@code timeout-noreset} is an {@link IllegalArgumentException} naming it.
     */
    public DialogProperties with(String name, boolean on) {
        return switch (name == null ? "" : name) {
            case KA_SRC -> new DialogProperties(timeoutBye, timeoutNoreset, on, kaDst);
            case KA_DST -> new DialogProperties(timeoutBye, timeoutNoreset, kaSrc, on);
            case TIMEOUT_NORESET -> new DialogProperties(timeoutBye, on, kaSrc, kaDst);
            default -> throw new IllegalArgumentException("unknown dialog property \"" + name + "\": "
                    + KA_SRC + ", " + KA_DST + " or " + TIMEOUT_NORESET);
        };
    }

    /** These properties with {@code timeoutBye} switched: {@code $dlg_ctx(timeout_bye)}. */
    public DialogProperties withTimeoutBye(boolean on) {
        return new DialogProperties(on, timeoutNoreset, kaSrc, kaDst);
    }

    /** True if keep-alives go to {@code side}: the caller with {@code ka-src}, the callee with {@code ka-dst}. */
    public boolean keepAliveTo(Side side) {
        return side == Side.CALLER ? kaSrc : kaDst;
    }
}
