package io.switchboard.loadtests.harness;

import io.switchboard.loadtests.generator.LoadReport;
import java.util.Locale;

/** One step of the ramp: the rate asked for and what the generator measured at it. */
record StepResult(double rate, LoadReport report, boolean passed) {

    /** The fraction of the asked rate the generator must reach for the step to count. */
    static final double RATE_REACHED = 0.95;

    static StepResult of(double rate, LoadReport report, Ramp ramp) {
        boolean passed = report.failedRatio() < ramp.maxFailedRatio() && report.offeredRate() >= RATE_REACHED * rate
                && (ramp.maxP99Millis() == 0 || LoadReport.millis(report.answered(), 99) < ramp.maxP99Millis());
        return new StepResult(rate, report, passed);
    }

    static String header() {
        return String.format(Locale.ROOT, "%8s %9s %8s %7s %8s | %-23s | %-23s | %s", "rate", "achieved", "calls",
                "failed", "failed%", "INVITE->180 p50/p99/p99.9", "INVITE->200 p50/p99/p99.9", "result");
    }

    String line() {
        return String.format(Locale.ROOT, "%8.0f %9.1f %8d %7d %8.3f | %s | %s | %s", rate, report.offeredRate(),
                report.started(), report.failed(), 100 * report.failedRatio(), percentiles(report.ringing()),
                percentiles(report.answered()), passed ? "pass" : report.offeredRate() < RATE_REACHED * rate
                        ? "rate not reached" : report.failures().isEmpty() ? "p99 over the ceiling"
                        : "failures " + report.failures());
    }

    /** p50/p99/p99.9 in milliseconds. */
    static String percentiles(org.HdrHistogram.Histogram latency) {
        return String.format(Locale.ROOT, "%6.2f %7.2f %7.2f ms", LoadReport.millis(latency, 50),
                LoadReport.millis(latency, 99), LoadReport.millis(latency, 99.9));
    }
}
