package io.switchboard.actors.dispatcher;

import java.time.Duration;

/**
 * The dispatcher's parameters (seed manual 002, section 3), each under Kamailio's name in the
 * engine's {@code switchboard.dispatcher} block.
 *
 * @param flags 3.9: bit 1 hashes URIs by user only, bit 2 keeps the other destinations for failover
 * @param useDefault 3.10: the last destination of a set is only the final fallback
 * @param forceDst 3.8: selecting overwrites a destination URI already set
 * @param hashPvar 3.17: the string hashed by algorithm 7, empty when not configured
 * @param pingMethod 3.20
 * @param pingFrom 3.21
 * @param pingInterval 3.22; zero turns probing off
 * @param probingThreshold 3.23: failures before trying becomes inactive
 * @param inactiveThreshold 3.24: successes before inactive becomes active
 * @param pingReplyCodes 3.25
 * @param probingMode 3.26
 * @param hashSize 3.27: above 0 turns call load counting on (algorithm 10)
 * @param hashExpire 3.28: how long a call's load is counted at most
 * @param hashInitExpire 3.29: how long an unanswered call's load is counted
 * @param hashCheckInterval 3.30: how often expired loads are removed
 * @param outboundProxy 3.31: where probes go instead of the destination, empty for none
 */
public record DispatcherSettings(int flags, boolean useDefault, boolean forceDst, String hashPvar, String pingMethod,
        String pingFrom, Duration pingInterval, int probingThreshold, int inactiveThreshold,
        PingReplyCodes pingReplyCodes, ProbingMode probingMode, int hashSize, Duration hashExpire,
        Duration hashInitExpire, Duration hashCheckInterval, String outboundProxy) {

    /** Flags bit 1 (value 1): URI hashes use the user only. */
    public static final int HASH_USER_ONLY = 1;
    /** Flags bit 2 (value 2): failover support. */
    public static final int FAILOVER = 2;

    /** Kamailio's defaults. */
    public static final DispatcherSettings DEFAULTS = new DispatcherSettings(0, false, true, "", "OPTIONS",
            "sip:dispatcher@localhost", Duration.ZERO, 1, 1, PingReplyCodes.NONE, ProbingMode.PROBING_ONLY, 0,
            Duration.ofSeconds(7200), Duration.ofSeconds(7200), Duration.ofSeconds(30), "");

    public boolean hashUserOnly() {
        return (flags & HASH_USER_ONLY) != 0;
    }

    public boolean failover() {
        return (flags & FAILOVER) != 0;
    }

    /** True when calls are counted for algorithm 10 ({@code ds_hash_size} above 0). */
    public boolean countsCallLoad() {
        return hashSize > 0;
    }

    public boolean probes() {
        return !pingInterval.isZero();
    }
}
