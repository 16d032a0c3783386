package io.switchboard.actors.dialog;

/**
 * How sequential requests are matched to dialogs (seed manual 6.11 {@code dlg_match_mode}): by the
 * DID cookie in this proxy's Record-Route, by Call-ID/From-tag/To-tag (RFC 3261 §12.2.2), or
 * both. The DID never replaces the tag comparison, it only narrows the search.
 */
public enum MatchMode {
    /** 0: the request must carry this dialog's DID. */
    DID_ONLY(0),
    /** 1: the DID when the request carries one, else the SIP elements alone. */
    DID_FALLBACK(1),
    /** 2: the SIP elements alone; no DID is added to the Record-Route. */
    DID_NONE(2);

    private final int code;

    MatchMode(int code) {
        this.code = code;
    }

    /** Kamailio's number of the mode. */
    public int code() {
        return code;
    }

    /** The mode Kamailio numbers {@code code}, or empty. */
    static java.util.Optional<MatchMode> of(int code) {
        for (MatchMode mode : values()) {
            if (mode.code == code) {
                return java.util.Optional.of(mode);
            }
        }
        return java.util.Optional.empty();
    }
}
