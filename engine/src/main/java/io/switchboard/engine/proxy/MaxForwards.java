package io.switchboard.engine.proxy;

import io.switchboard.transport.message.HeaderName;
import io.switchboard.transport.message.SipRequest;
import io.switchboard.transport.parse.SipParseException;

/**
 * Kamailio's maxfwd module (seed manual 003, "MAXFWD"; RFC 3261 §16.6 step 3): adds Max-Forwards
 * when a request has none, decrements it otherwise, and caps it at {@code max-limit}.
 */
public final class MaxForwards {

    /** Return code: the header was missing and was added. */
    public static final int ADDED = 2;
    /** Return code: the header was found and decremented. */
    public static final int DECREMENTED = 1;
    /** Return code: the header was found at 0 and cannot be decremented. */
    public static final int REACHED_ZERO = -1;
    /** Return code: the header could not be processed. */
    public static final int ERROR = -2;

    private final int maxLimit;

    /** @param maxLimit the {@code max_limit} parameter, 1–256 */
    public MaxForwards(int maxLimit) {
        if (maxLimit < 1 || maxLimit > 256) {
            throw new IllegalArgumentException("maxfwd max-limit must be 1-256, not " + maxLimit);
        }
        this.maxLimit = maxLimit;
    }

    /** The outcome of {@link #process}: the return code and the request as it is to be forwarded. */
    public record Outcome(int code, SipRequest request) {
        public boolean isTrue() {
            return code > 0;
        }
    }

    /** {@code maxfwd_process(max_value)}. */
    public Outcome process(SipRequest request, int maxValue) {
        int current;
        try {
            current = request.maxForwards();
        } catch (SipParseException e) {
            return new Outcome(ERROR, request);
        }
        if (current < 0) {
            int value = Math.min(maxValue, maxLimit);
            return new Outcome(ADDED, request.toBuilder().add(HeaderName.MAX_FORWARDS, Integer.toString(value))
                    .buildRequest());
        }
        if (current == 0) {
            return new Outcome(REACHED_ZERO, request);
        }
        int value = Math.min(current - 1, maxLimit);
        return new Outcome(DECREMENTED, request.toBuilder().set(HeaderName.MAX_FORWARDS, Integer.toString(value))
                .buildRequest());
    }
}
