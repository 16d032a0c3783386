package io.switchboard.loadtests.replay;

/**
 * How a capture is played.
 *
 * @param factor the speed-up: recorded gaps (between calls and inside a call) are divided by it
 * @param rate when above 0, new calls start at this many per second, the recorded calls taken in
 *     turn, instead of at their recorded times
 * @param copies how many instances of each recorded call run side by side (recorded pacing), or
 *     how many times the recorded calls are cycled through (fixed rate)
 * @param timeoutMillis how long a side waits for a message it expects before giving it up as missing
 * @param t1Millis RFC 3261's T1, for retransmissions
 * @param keepRequestUri true to send initial requests to the recorded Request-URI (a target that
 *     routes on its own, e.g. to a dispatcher set); false points it at the replayer's callee socket
 */
public record ReplayPlan(double factor, double rate, int copies, long timeoutMillis, long t1Millis,
        boolean keepRequestUri) {

    public ReplayPlan {
        if (factor <= 0 || rate < 0 || copies < 1 || timeoutMillis <= 0 || t1Millis <= 0) {
            throw new IllegalArgumentException("factor, copies, timeout and T1 must be positive, rate not negative");
        }
    }

    /** Recorded pacing, one copy, 32 s timeout, T1 500 ms. */
    public static ReplayPlan recorded() {
        return new ReplayPlan(1, 0, 1, 32_000, 500, false);
    }

    public ReplayPlan withFactor(double f) {
        return new ReplayPlan(f, rate, copies, timeoutMillis, t1Millis, keepRequestUri);
    }

    public ReplayPlan withRate(double callsPerSecond) {
        return new ReplayPlan(factor, callsPerSecond, copies, timeoutMillis, t1Millis, keepRequestUri);
    }

    public ReplayPlan withCopies(int n) {
        return new ReplayPlan(factor, rate, n, timeoutMillis, t1Millis, keepRequestUri);
    }

    public ReplayPlan withTimeout(long millis) {
        return new ReplayPlan(factor, rate, copies, millis, t1Millis, keepRequestUri);
    }
}
