package io.switchboard.actors.dialog;

import java.util.Optional;

/**
 * Which party of a dialog sent a request, if the request belongs to it (RFC 3261 §12.2.2; seed
 * manual 6.11 {@code dlg_match_mode}, 7.13 {@code is_known_dlg()}): the tags must be the dialog's,
 * the caller's From tag with the callee's To tag or the other way round, and the DID cookie from
 * this proxy's Route entry must be the dialog's as the match mode demands. The Call-ID needs no
 * check: the dialog entity is the Call-ID's.
 */
public final class DialogMatch {

    private DialogMatch() {
    }

    /**
     * The sender of a request with these tags and DID (null when the request's Route carried none),
     * or empty when it is not part of {@code dialog}. A null {@code toTag} (a request or reply of
     * the initial INVITE transaction, which carries no DID) matches on the caller's From tag alone.
     */
    public static Optional<Side> sender(Dialog dialog, String fromTag, String toTag, String did, MatchMode mode) {
        if (!dialog.tracked()) {
            return Optional.empty();
        }
        String callerTag = dialog.invite().fromTag();
        if (toTag == null || toTag.isEmpty()) {
            return callerTag.equals(fromTag) ? Optional.of(Side.CALLER) : Optional.empty();
        }
        String calleeTag = dialog.toTag();
        if (calleeTag == null || !didAccepted(dialog, did, mode)) {
            return Optional.empty();
        }
        if (callerTag.equals(fromTag) && calleeTag.equals(toTag)) {
            return Optional.of(Side.CALLER);
        }
        if (calleeTag.equals(fromTag) && callerTag.equals(toTag)) {
            return Optional.of(Side.CALLEE);
        }
        return Optional.empty();
    }

    private static boolean didAccepted(Dialog dialog, String did, MatchMode mode) {
        return switch (mode) {
            case DID_ONLY -> did != null && did.equals(DialogKey.of(dialog.invite().callId()).did());
            case DID_FALLBACK -> did == null || did.equals(DialogKey.of(dialog.invite().callId()).did());
            case DID_NONE -> true;
        };
    }
}
