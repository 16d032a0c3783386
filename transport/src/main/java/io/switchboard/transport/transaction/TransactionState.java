package io.switchboard.transport.transaction;

/**
 * The states of the four transaction state machines of RFC 3261 §17 (Figures 5–8), plus the
 * Accepted state that RFC 6026 §7.1 adds to the INVITE server transaction. Each machine uses a
 * subset: INVITE client Calling, Proceeding, Completed, Terminated; non-INVITE client and server
 * Trying, Proceeding, Completed, Terminated; INVITE server Proceeding, Completed, Confirmed,
 * Accepted, Terminated.
 */
public enum TransactionState {
    CALLING,
    TRYING,
    PROCEEDING,
    COMPLETED,
    CONFIRMED,
    ACCEPTED,
    TERMINATED;

    public boolean isTerminated() {
        return this == TERMINATED;
    }

    /** True while the transaction waits for its final response: Calling, Trying, Proceeding. */
    public boolean isPending() {
        return this == CALLING || this == TRYING || this == PROCEEDING;
    }
}
