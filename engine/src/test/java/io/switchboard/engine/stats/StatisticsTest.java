package io.switchboard.engine.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;

/** The statistics registry: names, selection, and reset as Kamailio's counters framework does it. */
class StatisticsTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final Statistics statistics = new Statistics(meters);
    private final LongAdder received = new LongAdder();
    private final LongAdder replies = new LongAdder();
    private final LongAdder inUse = new LongAdder();

    StatisticsTest() {
        statistics.add("core", "rcv_requests", Statistic.Kind.COUNTER, received::sum);
        statistics.add("sl", "sent_replies", Statistic.Kind.FUNCTION, replies::sum);
        statistics.add("tm", "inuse_transactions", Statistic.Kind.GAUGE, inUse::sum);
    }

    @Test
    void aResetCounterCountsFromItsBaselineWhileItsSourceGoesOn() {
        received.add(5);
        Statistic statistic = statistics.select("core:rcv_requests").get(0);
        assertEquals(5, statistic.value());
        statistic.reset();
        assertEquals(0, statistic.value());
        received.add(2);
        assertEquals(2, statistic.value());
        assertEquals(7, statistic.total());
        assertEquals(7, meters.get("switchboard.core.rcv_requests").functionCounter().count(),
                "Prometheus keeps the monotonic total");
        assertEquals("core:rcv_requests = 2", statistic.toString());
    }

    @Test
    void functionsAndGaugesAreNotReset() {
        replies.add(3);
        inUse.add(4);
        statistics.all().forEach(Statistic::reset);
        assertEquals(3, statistics.select("sent_replies").get(0).value());
        assertEquals(4, statistics.select("inuse_transactions").get(0).value());
        assertEquals(4, meters.get("switchboard.tm.inuse_transactions").gauge().value());
    }

    @Test
    void selectorsAreAllAGroupOrAName() {
        assertEquals(3, statistics.select("all").size());
        assertEquals(List.of("sl:sent_replies"), statistics.select("sl:").stream().map(Statistic::qualifiedName).toList());
        assertEquals(1, statistics.select("tm:inuse_transactions").size());
        assertEquals(1, statistics.select("rcv_requests").size());
        assertTrue(statistics.select("dialog:").isEmpty());
        assertTrue(statistics.select("nothing").isEmpty());
    }

    @Test
    void namesAreUniqueAndPlain() {
        assertThrows(IllegalArgumentException.class,
                () -> statistics.add("core", "rcv_requests", Statistic.Kind.COUNTER, () -> 0));
        assertThrows(IllegalArgumentException.class, () -> statistics.add("core:", "x", Statistic.Kind.COUNTER, () -> 0));
        assertThrows(IllegalArgumentException.class, () -> statistics.add("core", "a b", Statistic.Kind.GAUGE, () -> 0));
    }
}
