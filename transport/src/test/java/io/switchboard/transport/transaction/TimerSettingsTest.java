package io.switchboard.transport.transaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TimerSettingsTest {

    private static Duration ms(long millis) {
        return Duration.ofMillis(millis);
    }

    @Test
    void defaultsAreThoseOfRfc3261() {
        TimerSettings settings = TimerSettings.DEFAULT;
        assertEquals(ms(500), settings.t1());
        assertEquals(ms(4000), settings.t2());
        assertEquals(ms(5000), settings.t4());
        assertEquals(ms(200), settings.tryingDelay());
    }

    @Test
    void derivesTimersAToLAsTable4() {
        TimerSettings settings = TimerSettings.DEFAULT;
        assertEquals(ms(500), settings.timerA());
        assertEquals(ms(32_000), settings.timerB());
        assertEquals(ms(32_000), settings.timerD(false));
        assertEquals(Duration.ZERO, settings.timerD(true));
        assertEquals(ms(500), settings.timerE());
        assertEquals(ms(32_000), settings.timerF());
        assertEquals(ms(500), settings.timerG());
        assertEquals(ms(32_000), settings.timerH());
        assertEquals(ms(5000), settings.timerI(false));
        assertEquals(Duration.ZERO, settings.timerI(true));
        assertEquals(ms(32_000), settings.timerJ(false));
        assertEquals(Duration.ZERO, settings.timerJ(true));
        assertEquals(ms(5000), settings.timerK(false));
        assertEquals(Duration.ZERO, settings.timerK(true));
        assertEquals(ms(32_000), settings.timerL());
    }

    @Test
    void timerADoublesAndTimersEAndGAreCappedAtT2() {
        TimerSettings settings = TimerSettings.DEFAULT;
        assertEquals(ms(8000), settings.nextTimerA(ms(4000)));
        assertEquals(ms(16_000), settings.nextTimerA(ms(8000)));
        assertEquals(ms(1000), settings.nextCappedInterval(ms(500)));
        assertEquals(ms(4000), settings.nextCappedInterval(ms(2000)));
        assertEquals(ms(4000), settings.nextCappedInterval(ms(4000)));
        assertEquals(ms(4000), settings.nextCappedInterval(ms(3000)));
    }

    @Test
    void derivedTimersFollowT1() {
        TimerSettings fast = TimerSettings.of(ms(100), ms(400), ms(1000));
        assertEquals(ms(6400), fast.timerB());
        assertEquals(ms(6400), fast.timerJ(false));
        assertEquals(ms(1000), fast.timerK(false));
        assertEquals(TimerSettings.DEFAULT_TRYING_DELAY, fast.tryingDelay());
        assertEquals(ms(50), fast.withTryingDelay(ms(50)).tryingDelay());
    }

    @Test
    void wtTimerIsTheWaitOfTimersDJAndLAsKamailiosWtTimer() {
        TimerSettings kamailio = TimerSettings.DEFAULT.withWtTimer(ms(5000));
        assertEquals(ms(5000), kamailio.timerD(false));
        assertEquals(ms(5000), kamailio.timerJ(false));
        assertEquals(ms(5000), kamailio.timerL());
        assertEquals(Duration.ZERO, kamailio.timerJ(true), "nothing to absorb over a reliable transport");
        assertEquals(ms(32_000), kamailio.timerB(), "the timeouts keep 64*T1");
        assertEquals(ms(32_000), kamailio.timerH());
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
                () -> TimerSettings.DEFAULT.withWtTimer(Duration.ZERO));
        assertEquals("wt-timer must be positive, got 0 ms", zero.getMessage());
    }

    @Test
    void rejectsImpossibleValuesWithAClearMessage() {
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
                () -> TimerSettings.of(Duration.ZERO, ms(4000), ms(5000)));
        assertEquals("T1 must be positive, got 0 ms", zero.getMessage());
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
                () -> TimerSettings.of(ms(500), ms(4000), ms(-1)));
        assertEquals("T4 must be positive, got -1 ms", negative.getMessage());
        IllegalArgumentException order = assertThrows(IllegalArgumentException.class,
                () -> TimerSettings.of(ms(500), ms(400), ms(5000)));
        assertEquals("T2 (400 ms) must not be shorter than T1 (500 ms)", order.getMessage());
        IllegalArgumentException trying = assertThrows(IllegalArgumentException.class,
                () -> TimerSettings.DEFAULT.withTryingDelay(ms(-5)));
        assertTrue(trying.getMessage().contains("100 Trying"));
        assertThrows(NullPointerException.class, () -> TimerSettings.of(null, ms(4000), ms(5000)));
    }
}
