package io.switchboard.actors.dialog;

import io.switchboard.persistence.CborSerializable;

/** The answer to tracking an initial INVITE (seed manual 7.10 {@code dlg_manage()}, 6.12 {@code detect_spirals}). */
public enum TrackOutcome implements CborSerializable {
    /** A new dialog was created for the INVITE. */
    CREATED,
    /** The INVITE came through this proxy again (same Call-ID, From tag and CSeq): mapped to its dialog. */
    SPIRAL,
    /** The Call-ID belongs to another dialog that is still going; nothing was tracked. */
    IGNORED
}
