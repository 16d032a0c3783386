package io.switchboard.persistence.history;

/**
 * Where the records of ended calls go. {@link #record} is called on a dialog entity's thread: an
 * implementation queues and returns at once.
 */
public interface CallHistory {

    /** Keeps nothing. */
    CallHistory NONE = call -> {
    };

    /** Keeps the record of a call that ended. */
    void record(CallRecord call);
}
