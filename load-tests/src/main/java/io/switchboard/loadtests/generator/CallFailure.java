package io.switchboard.loadtests.generator;

/** Why a generated call failed. */
public enum CallFailure {
    /** No final response to the INVITE within Timer B (64 × T1, RFC 3261 §17.1.1.2). */
    INVITE_TIMEOUT,
    /** A 3xx–6xx final response to the INVITE. */
    REJECTED,
    /** No final response to the BYE within Timer F (RFC 3261 §17.1.2.2). */
    BYE_TIMEOUT,
    /** A non-2xx final response to the BYE. */
    BYE_REJECTED
}
