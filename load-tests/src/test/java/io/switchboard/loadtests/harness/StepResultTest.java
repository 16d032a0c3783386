package io.switchboard.loadtests.harness;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.loadtests.generator.CallFailure;
import io.switchboard.loadtests.generator.LoadReport;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class StepResultTest {

    private static final Ramp FAILURES_ONLY = new Ramp(100, 100, 1000, 10_000, 0, 0.001, 0, 0, 500);
    private static final Ramp WITH_CEILING = new Ramp(100, 100, 1000, 10_000, 0, 0.001, 1000, 0, 500);

    private static LoadReport report(long failed, double rate, long p99Micros) {
        Histogram answered = new Histogram(60_000_000L, 3);
        for (int i = 0; i < 980; i++) {
            answered.recordValue(500);
        }
        for (int i = 0; i < 20; i++) {
            answered.recordValue(p99Micros);
        }
        return new LoadReport(10_000, 10_000 - failed, failed == 0 ? Map.of() : Map.of(CallFailure.INVITE_TIMEOUT, failed),
                0, 0, 0, 0, 0, 10_000 / rate, answered.copy(), answered);
    }

    @Test
    void aStepPassesUnderOneFailedCallInAThousandAtTheRateAsked() {
        assertTrue(StepResult.of(1000, report(9, 1000, 600_000), FAILURES_ONLY).passed());
        assertFalse(StepResult.of(1000, report(10, 1000, 600_000), FAILURES_ONLY).passed(), "0.1% is too many");
        assertFalse(StepResult.of(1000, report(0, 900, 600_000), FAILURES_ONLY).passed(), "rate not reached");
    }

    @Test
    void aLatencyCeilingFailsASlowStep() {
        assertTrue(StepResult.of(1000, report(0, 1000, 900_000), WITH_CEILING).passed());
        StepResult slow = StepResult.of(1000, report(0, 1000, 1_500_000), WITH_CEILING);
        assertFalse(slow.passed());
        assertTrue(slow.line().endsWith("p99 over the ceiling"), slow.line());
    }
}
