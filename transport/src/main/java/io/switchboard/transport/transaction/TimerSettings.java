package io.switchboard.transport.transaction;

import java.time.Duration;
import java.util.Objects;

/**
 * The timer values of the transaction layer: T1, T2 and T4 of RFC 3261 §17.1.1.1 and Table 4 of
 * Appendix A, the timers A–K derived from them, timer L of RFC 6026 §8.7, and the delay after
 * which an INVITE server transaction answers {@code 100 Trying} itself (§17.2.1), and how long a
 * finished transaction stays to absorb retransmissions (Kamailio tm's {@code wt_timer}).
 *
 * <p>Derived values follow Table 4: B, F and H are 64*T1; A, E and G start at T1, A doubles
 * without bound, E and G double up to T2; I and K are T4. D, J and L are the wait for late
 * retransmissions after a transaction has its final answer: Table 4 makes D 32 s and J and L
 * 64*T1 (32 s with the default T1). Kamailio's tm module keeps every finished transaction for one
 * {@code wt_timer} instead, 5 s by default; here too one value, {@code wtTimer}, serves D, J and L.
 * Over a reliable transport nothing is retransmitted and D, I, J and K are zero.
 *
 * @param t1 the round-trip time estimate, 500 ms by default
 * @param t2 the longest retransmission interval of non-INVITE requests and INVITE responses, 4 s
 * @param t4 the longest time a message stays in the network, 5 s
 * @param tryingDelay how long an INVITE server transaction waits for a response of the TU before
 *     it sends {@code 100 Trying} itself, 200 ms; zero sends it at once
 * @param wtTimer how long a transaction with its final answer waits for late retransmissions:
 *     timers D, J and L; RFC 3261's 32 s in {@link #DEFAULT}
 */
public record TimerSettings(Duration t1, Duration t2, Duration t4, Duration tryingDelay, Duration wtTimer) {

    public static final Duration DEFAULT_T1 = Duration.ofMillis(500);
    public static final Duration DEFAULT_T2 = Duration.ofSeconds(4);
    public static final Duration DEFAULT_T4 = Duration.ofSeconds(5);
    public static final Duration DEFAULT_TRYING_DELAY = Duration.ofMillis(200);

    /** The values RFC 3261 recommends. */
    public static final TimerSettings DEFAULT = of(DEFAULT_T1, DEFAULT_T2, DEFAULT_T4);

    public TimerSettings {
        requirePositive(t1, "T1");
        requirePositive(t2, "T2");
        requirePositive(t4, "T4");
        requirePositive(wtTimer, "wt-timer");
        Objects.requireNonNull(tryingDelay, "tryingDelay");
        if (t2.compareTo(t1) < 0) {
            throw new IllegalArgumentException("T2 (" + t2.toMillis() + " ms) must not be shorter than T1 ("
                    + t1.toMillis() + " ms)");
        }
        if (tryingDelay.isNegative()) {
            throw new IllegalArgumentException("the 100 Trying delay must not be negative, got "
                    + tryingDelay.toMillis() + " ms");
        }
    }

    /** T1, T2 and T4 with the default 100 Trying delay and Table 4's wait of 64*T1. */
    public static TimerSettings of(Duration t1, Duration t2, Duration t4) {
        Objects.requireNonNull(t1, "T1");
        return new TimerSettings(t1, t2, t4, DEFAULT_TRYING_DELAY, t1.multipliedBy(64));
    }

    public TimerSettings withTryingDelay(Duration delay) {
        return new TimerSettings(t1, t2, t4, delay, wtTimer);
    }

    public TimerSettings withWtTimer(Duration wait) {
        return new TimerSettings(t1, t2, t4, tryingDelay, wait);
    }

    private static void requirePositive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + value.toMillis() + " ms");
        }
    }

    /** Timer A's first interval, INVITE request retransmission over UDP (§17.1.1.2). */
    public Duration timerA() {
        return t1;
    }

    /** Timer A's next interval: double the last, without bound (§17.1.1.2). */
    public Duration nextTimerA(Duration last) {
        return last.multipliedBy(2);
    }

    /** Timer B, INVITE transaction timeout (§17.1.1.2). */
    public Duration timerB() {
        return sixtyFourT1();
    }

    /** Timer D, wait time for response retransmissions (§17.1.1.2): {@code wtTimer}. */
    public Duration timerD(boolean reliable) {
        return reliable ? Duration.ZERO : wtTimer;
    }

    /** Timer E's first interval, non-INVITE request retransmission over UDP (§17.1.2.2). */
    public Duration timerE() {
        return t1;
    }

    /** Timer F, non-INVITE transaction timeout (§17.1.2.2). */
    public Duration timerF() {
        return sixtyFourT1();
    }

    /** Timer G's first interval, INVITE response retransmission over UDP (§17.2.1). */
    public Duration timerG() {
        return t1;
    }

    /** The next interval of timer E or G: double the last, capped at T2 (§17.1.2.2, §17.2.1). */
    public Duration nextCappedInterval(Duration last) {
        Duration doubled = last.multipliedBy(2);
        return doubled.compareTo(t2) > 0 ? t2 : doubled;
    }

    /** Timer H, wait time for the ACK (§17.2.1). */
    public Duration timerH() {
        return sixtyFourT1();
    }

    /** Timer I, wait time for ACK retransmissions (§17.2.1). */
    public Duration timerI(boolean reliable) {
        return reliable ? Duration.ZERO : t4;
    }

    /** Timer J, wait time for non-INVITE request retransmissions (§17.2.2): {@code wtTimer}. */
    public Duration timerJ(boolean reliable) {
        return reliable ? Duration.ZERO : wtTimer;
    }

    /** Timer K, wait time for response retransmissions (§17.1.2.2). */
    public Duration timerK(boolean reliable) {
        return reliable ? Duration.ZERO : t4;
    }

    /** Timer L of RFC 6026 §8.7, how long an accepted INVITE server transaction lives: {@code wtTimer}. */
    public Duration timerL() {
        return wtTimer;
    }

    private Duration sixtyFourT1() {
        return t1.multipliedBy(64);
    }
}
