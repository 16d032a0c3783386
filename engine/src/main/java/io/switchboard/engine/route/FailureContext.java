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

    /**
     * {@code t_relay()} again: a new branch to the destination URI ({@code $du}, set by
     * {@code ds_select_dst} or {@link #dsNextDst()}), or to the Request-URI when none is set.
     */
    boolean tRelay();

    /** Try {@code destination} as a new branch (serial forking). */
    boolean tRelay(String destination);

    /** {@code $du}: the destination URI {@link #tRelay()} sends to, or null. */
    String dstUri();

    /** {@code ds_next_dst()} (seed manual 002, 4.3): the next destination selected becomes the destination URI. */
    boolean dsNextDst();

    /** {@code ds_next_domain()} (4.4): the next destination's host and port go into the Request-URI. */
    boolean dsNextDomain();

    /** {@code ds_mark_dst()} (4.5): the destination that failed becomes inactive (probing in probing mode 1). */
    default boolean dsMarkDst() {
        return dsMarkDst(null);
    }

    /** {@code ds_mark_dst(state)} (4.5): marks the destination that failed; see {@link RequestContext#dsMarkDst(String)}. */
    boolean dsMarkDst(String state);

    /** {@code ds_load_unset()} (4.9): takes this call's load off its destination. */
    boolean dsLoadUnset();
}
