package io.switchboard.persistence.history;

import java.util.Objects;

/**
 * What an ended call leaves behind (DESIGN "Dialogs": ended calls leave a record; seed thread 004,
 * accounting of established calls): one row of the {@code call_history} table. Times are epoch
 * milliseconds, 0 when the call never got there.
 *
 * @param callId        the Call-ID
 * @param caller        the From URI of the INVITE
 * @param callee        the To URI of the INVITE
 * @param requestUri    the Request-URI of the INVITE as received
 * @param destination   the destination the INVITE was last relayed to ({@code $du}, a dispatcher
 *                      destination), null when it went by its Request-URI
 * @param startMillis   when the INVITE was tracked
 * @param ringingMillis the first provisional reply above 100
 * @param answerMillis  the 2xx
 * @param endMillis     the end: the final failure reply, BYE, timeout or command
 * @param finalCode     200 for an answered call, the failure code of one that failed, 0 when no final
 *                      reply came (early-timeout)
 * @param endedBy       who ended it: {@code caller_bye}, {@code callee_bye}, {@code timeout},
 *                      {@code management}, {@code state_set}, {@code keepalive_failure}, {@code failed},
 *                      {@code cancelled} (487)
 * @param reason        the dialog's reason text, e.g. {@code BYE}, {@code lifetime}, {@code early-timeout}
 */
public record CallRecord(String callId, String caller, String callee, String requestUri, String destination,
        long startMillis, long ringingMillis, long answerMillis, long endMillis, int finalCode, String endedBy,
        String reason) {

    /** The reply a CANCEL leads to (RFC 3261 §9.2): 487 Request Terminated. */
    public static final int REQUEST_TERMINATED = 487;

    public CallRecord {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(endedBy, "endedBy");
    }

    /** Answer to end, 0 for a call never answered. */
    public long durationMillis() {
        return answerMillis > 0 ? Math.max(0, endMillis - answerMillis) : 0;
    }

    /**
     * Post-dial delay: INVITE to the first provisional reply above 100, or to the final reply when
     * there was none; 0 when no reply came at all.
     */
    public long postDialDelayMillis() {
        long reply = ringingMillis > 0 ? ringingMillis : answerMillis > 0 ? answerMillis : finalCode > 0 ? endMillis : 0;
        return reply > 0 ? Math.max(0, reply - startMillis) : 0;
    }
}
