package io.switchboard.engine.route;

import io.switchboard.transport.message.SipRequest;
import io.switchboard.transport.message.SipResponse;

/**
 * What a failure route sees (RFC 3261 §16.7 step 6; Kamailio's {@code failure_route}): a branch
 * ended with a negative final response, or timed out (then {@link #response()} is a local 408).
 */
public interface FailureContext {

    /** The request as received, before this proxy changed it for a branch. */
    SipRequest request();

    /** The negative response of the branch that failed. */
    SipResponse response();

    /** True when no final response came in time (timer B or F, RFC 3261 §17.1). */
    boolean isTimeout();

    /** How many branches have been tried for this request so far (1 after the first failure). */
    int branchCount();

    /** {@code t_relay()} again: try the Request-URI once more as a new branch. */
    boolean tRelay();

    /** Try {@code destination} as a new branch (serial forking). */
    boolean tRelay(String destination);
}
