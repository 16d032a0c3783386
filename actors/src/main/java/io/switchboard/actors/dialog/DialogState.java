package io.switchboard.actors.dialog;

/**
 * The states of a dialog with Kamailio's numbers, as {@code dlg.list}, {@code $DLG_status} and the
 * database show them (seed manual, dialog module, section 3 "Dialog states").
 */
public enum DialogState {
    /** 1: the initial INVITE was seen, no reply with a To tag yet. */
    UNCONFIRMED(1),
    /** 2: a provisional reply (ringing) was seen. */
    EARLY(2),
    /** 3: a 2xx answered the INVITE, its ACK has not been seen ("confirmed_na"). */
    CONFIRMED_NA(3),
    /** 4: the ACK was seen; the call is up. */
    CONFIRMED(4),
    /** 5: the dialog ended (BYE, failure, timeout or management). */
    DELETED(5);

    private final int code;

    DialogState(int code) {
        this.code = code;
    }

    /** Kamailio's number of the state. */
    public int code() {
        return code;
    }

    /** The state Kamailio numbers {@code code}. */
    public static DialogState of(int code) {
        for (DialogState state : values()) {
            if (state.code == code) {
                return state;
            }
        }
        throw new IllegalArgumentException("no dialog state " + code + " (1-5)");
    }

    /** States 1 and 2: no final reply yet. */
    public boolean isSetup() {
        return this == UNCONFIRMED || this == EARLY;
    }

    /** States 3 and 4: answered and not ended, what {@code active_dialogs} counts. */
    public boolean isConfirmed() {
        return this == CONFIRMED_NA || this == CONFIRMED;
    }
}
