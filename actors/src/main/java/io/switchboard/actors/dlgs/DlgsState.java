package io.switchboard.actors.dlgs;

/**
 * The states of a tracked call, numbered as Kamailio's dlgs module numbers them
 * ({@code dlgs_records.h}, {@code DLGS_STATE_*}); {@code dlgs.list} prints the number.
 */
public enum DlgsState {
    /** The INVITE was seen, no reply yet. */
    INIT,
    /** A provisional reply was sent back. */
    PROGRESS,
    /** A 2xx was sent back, its ACK not seen yet. */
    ANSWERED,
    /** The ACK of the 2xx was seen: the call is up. */
    CONFIRMED,
    /** A BYE ended it. */
    TERMINATED,
    /** It ended without an answer: a CANCEL or a negative final reply. */
    NOTANSWERED;

    /** Kamailio's number of the state, 0 to 5. */
    public int code() {
        return ordinal();
    }

    /** Still counted by {@code dlgs_count}: neither terminated nor unanswered. */
    public boolean isOngoing() {
        return this != TERMINATED && this != NOTANSWERED;
    }

    /** The name {@code dlgs.stats} uses. */
    public String statName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
