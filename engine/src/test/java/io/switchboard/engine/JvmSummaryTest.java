package io.switchboard.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class JvmSummaryTest {

    /**
     * The collector named is the one whose beans the JVM has: G1's, Shenandoah's and ZGC's names
     * start with the collector's ("G1 Young Generation", "Shenandoah Pauses", "ZGC Minor Cycles").
     */
    @Test
    void namesTheCollectorThisJvmRuns() {
        String bean = ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName)
                .findFirst().orElseThrow();
        Assumptions.assumeTrue(Stream.of("G1", "Shenandoah", "ZGC").anyMatch(bean::startsWith),
                () -> "the JVM runs a collector whose beans are not named after it: " + bean);
        String named = JvmSummary.collector();
        assertTrue(bean.startsWith(named.replace("generational ", "")),
                () -> "named " + named + ", the JVM's bean is " + bean);
        assertTrue(JvmSummary.describe().contains(", collector " + named + ", heap "), JvmSummary::describe);
    }
}
