package io.switchboard.loadtests.harness;

/**
 * How the harness climbs: from {@code startRate} up by {@code stepRate} to {@code maxRate} calls/s,
 * each step placing calls for {@code stepMillis}; a step passes when fewer than
 * {@code maxFailedRatio} of its calls failed, the rate was reached and, when {@code maxP99Millis} is
 * above 0, the 99th percentile from INVITE to 200 stayed under it. After the first step that
 * does not pass, {@code refinements} more steps halve the gap between the best pass and it.
 */
record Ramp(double startRate, double stepRate, double maxRate, long stepMillis, long holdMillis,
        double maxFailedRatio, long maxP99Millis, int refinements, long t1Millis) {

    Ramp {
        if (startRate <= 0 || stepRate <= 0 || maxRate < startRate || stepMillis <= 0 || holdMillis < 0
                || maxFailedRatio < 0 || maxP99Millis < 0 || refinements < 0 || t1Millis <= 0) {
            throw new IllegalArgumentException("ramp: rates and step length must be positive, max-rate >= start-rate");
        }
    }

    /** Calls one step at {@code rate} places. */
    long calls(double rate) {
        return Math.max(1, Math.round(rate * stepMillis / 1000.0));
    }
}
