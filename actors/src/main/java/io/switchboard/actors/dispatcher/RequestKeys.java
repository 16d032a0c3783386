package io.switchboard.actors.dispatcher;

/**
 * The parts of a request the selection algorithms read (seed manual 002, 4.1): the engine gives
 * them from the request being routed, computing each only when an algorithm asks for it. A part
 * the request does not have, or that does not parse, is null.
 */
public interface RequestKeys {

    /** The Call-ID (algorithm 0). */
    String callId();

    /** The From URI (algorithm 1). */
    String fromUri();

    /** The To URI (algorithm 2). */
    String toUri();

    /** The Request-URI (algorithm 3). */
    String requestUri();

    /** The username of Proxy-Authorization, else of Authorization (algorithm 5); null when neither has one. */
    String authUsername();

    /** The {@code hash_pvar} string filled from the request (algorithm 7); null when not configured. */
    String hashPvar();

    /** True for an INVITE, the only request that starts a call (algorithm 10). */
    boolean isInvite();
}
