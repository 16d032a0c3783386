package io.switchboard.loadtests.generator;

/**
 * What a {@link Uac} run offers: a call rate, how many calls, how long each is held once answered,
 * and a ceiling on calls in progress; T1 sets the retransmission intervals and timeouts of
 * RFC 3261 §17.1.1.2 (Timer A, B) and §17.1.2.2 (Timer E, F), T2 being 8 × T1 as in Table 4.
 *
 * @param rate new calls per second
 * @param calls how many calls to place
 * @param holdMillis from the 200 OK to the BYE
 * @param maxConcurrent calls in progress at most; 0: no limit. A call due when the limit is reached
 *     is not placed (counted as skipped), so the rate is a ceiling
 * @param t1Millis RFC 3261's T1, 500 ms by default
 */
public record Load(double rate, long calls, long holdMillis, int maxConcurrent, long t1Millis) {

    public Load {
        if (rate <= 0 || calls < 0 || holdMillis < 0 || maxConcurrent < 0 || t1Millis <= 0) {
            throw new IllegalArgumentException("rate and T1 must be positive; calls, hold and concurrency not negative");
        }
    }

    /** {@code calls} at {@code rate}, held {@code holdMillis}, no concurrency limit, T1 500 ms. */
    public static Load of(double rate, long calls, long holdMillis) {
        return new Load(rate, calls, holdMillis, 0, 500);
    }

    public Load withMaxConcurrent(int limit) {
        return new Load(rate, calls, holdMillis, limit, t1Millis);
    }

    public Load withT1(long millis) {
        return new Load(rate, calls, holdMillis, maxConcurrent, millis);
    }

    long t2Millis() {
        return 8 * t1Millis;
    }

    /** Timer B and F: 64 × T1. */
    long timeoutMillis() {
        return 64 * t1Millis;
    }
}
