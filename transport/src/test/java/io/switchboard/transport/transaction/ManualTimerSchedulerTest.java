package io.switchboard.transport.transaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManualTimerSchedulerTest {

    private final ManualTimerScheduler clock = new ManualTimerScheduler();
    private final List<String> ran = new ArrayList<>();

    private Runnable record(String name) {
        return () -> ran.add(name + "@" + clock.now().toMillis());
    }

    @Test
    void runsDueTasksInDeadlineOrderAndTiesInSchedulingOrder() {
        clock.schedule(Duration.ofMillis(300), record("c"));
        clock.schedule(Duration.ofMillis(100), record("a"));
        clock.schedule(Duration.ofMillis(300), record("d"));
        clock.schedule(Duration.ofMillis(200), record("b"));
        clock.schedule(Duration.ofMillis(301), record("e"));
        clock.advance(Duration.ofMillis(300));
        assertEquals(List.of("a@100", "b@200", "c@300", "d@300"), ran);
        assertEquals(Duration.ofMillis(300), clock.now());
        assertEquals(1, clock.pending());
    }

    @Test
    void runsTasksScheduledByTasksWithinTheSpan() {
        clock.schedule(Duration.ofMillis(100), () -> {
            record("first").run();
            clock.schedule(Duration.ofMillis(100), record("second"));
            clock.schedule(Duration.ofMillis(500), record("later"));
        });
        clock.advance(Duration.ofMillis(250));
        assertEquals(List.of("first@100", "second@200"), ran);
        assertEquals(Duration.ofMillis(250), clock.now());
        clock.advance(Duration.ofMillis(350));
        assertEquals(List.of("first@100", "second@200", "later@600"), ran);
    }

    @Test
    void cancelledTasksDoNotRun() {
        TimerScheduler.Cancellable task = clock.schedule(Duration.ofMillis(100), record("x"));
        clock.schedule(Duration.ofMillis(100), record("y"));
        task.cancel();
        assertEquals(1, clock.pending());
        clock.advance(Duration.ofSeconds(1));
        assertEquals(List.of("y@100"), ran);
        task.cancel();
    }

    @Test
    void zeroDelayRunsOnTheNextAdvance() {
        clock.schedule(Duration.ZERO, record("now"));
        assertEquals(List.of(), ran);
        clock.advance(Duration.ZERO);
        assertEquals(List.of("now@0"), ran);
    }

    @Test
    void timeDoesNotGoBack() {
        assertThrows(IllegalArgumentException.class, () -> clock.advance(Duration.ofMillis(-1)));
        assertThrows(IllegalArgumentException.class, () -> clock.schedule(Duration.ofMillis(-1), () -> { }));
    }
}
