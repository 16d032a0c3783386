package io.switchboard.transport.transaction;

/**
 * Why a transaction reached the Terminated state (RFC 3261 §17): it ran its course, a timeout
 * fired (B, F, H, or the 64*T1 wait for a cancelled INVITE of §9.1), or the transport failed to
 * send (§17.1.4, §17.2.4).
 */
public enum TerminationCause {
    NORMAL,
    TIMEOUT,
    TRANSPORT_ERROR
}
