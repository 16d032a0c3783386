package io.switchboard.actors.dlgs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.switchboard.actors.htable.ManualClock;
import java.time.Duration;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.ManualTime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The dlgs timer: records past their lifetime go at the next {@code timer_interval}. */
class DlgsSweeperTest {

    private static final ActorTestKit kit = ActorTestKit.create(ManualTime.config());

    @AfterAll
    static void stop() {
        kit.shutdownTestKit();
    }

    @Test
    void sweepsEveryTimerInterval() {
        ManualClock clock = new ManualClock(1_700_000_000_000L);
        DlgsSettings settings = new DlgsSettings(Duration.ofSeconds(10800), Duration.ofSeconds(180),
                Duration.ofSeconds(10), Duration.ofSeconds(60));
        DlgsTable table = new DlgsTable(settings, clock);
        CallMessages call = new CallMessages("c1");
        table.init(call.invite(), "a", "b", "");
        table.update(call.cancel());
        kit.spawn(DlgsSweeper.create(table));
        ManualTime time = ManualTime.get(kit.system());
        clock.advance(Duration.ofSeconds(11));
        time.timePasses(Duration.ofSeconds(59));
        assertEquals(1, table.records().size(), "the timer has not run yet");
        kit.createTestProbe().awaitAssert(() -> {
            time.timePasses(Duration.ofSeconds(1));
            assertEquals(0, table.records().size(), "swept at the first tick past the lifetime");
            return null;
        });
        assertEquals(1, table.removed(DlgsState.NOTANSWERED));
    }
}
