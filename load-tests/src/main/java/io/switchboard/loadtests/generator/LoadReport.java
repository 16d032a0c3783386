package io.switchboard.loadtests.generator;

import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * What a UAC run measured: calls placed, completed and failed (by cause), retransmissions, messages
 * that belong to no call, and the latencies from the first INVITE sent to the first 180 and to
 * the 200 OK, in microseconds (HdrHistogram, 3 significant digits).
 *
 * @param started calls placed
 * @param succeeded calls answered 2xx and ended by a BYE answered 2xx
 * @param failures failed calls by cause
 * @param skipped calls not placed because {@link Load#maxConcurrent()} was reached
 * @param active calls in progress when the report was taken
 * @param held calls answered and not yet ended, when the report was taken
 * @param retransmissions requests sent again on Timer A or E, and ACKs re-sent for a retransmitted 2xx
 * @param unexpected responses that match no call in progress
 * @param placingSeconds from the first call placed to the last
 */
public record LoadReport(long started, long succeeded, Map<CallFailure, Long> failures, long skipped, long active,
        long held, long retransmissions, long unexpected, double placingSeconds, Histogram ringing,
        Histogram answered) {

    public long failed() {
        return failures.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Failed calls over ended calls; 0 when none ended. */
    public double failedRatio() {
        long ended = succeeded + failed();
        return ended == 0 ? 0 : (double) failed() / ended;
    }

    /** Calls placed per second while they were being placed (the rate achieved). */
    public double offeredRate() {
        return started <= 1 || placingSeconds == 0 ? started : (started - 1) / placingSeconds;
    }

    /** A percentile of a latency histogram in milliseconds. */
    public static double millis(Histogram latency, double percentile) {
        return latency.getTotalCount() == 0 ? Double.NaN : latency.getValueAtPercentile(percentile) / 1000.0;
    }

    /** The report as a few lines of text. */
    public String summary() {
        return String.format(java.util.Locale.ROOT,
                "calls %d placed (%.1f/s), %d succeeded, %d failed %s (%.3f%%), %d skipped, %d in progress%n"
                        + "retransmissions %d, unexpected %d%n"
                        + "INVITE->180 ms p50 %.2f p99 %.2f p99.9 %.2f max %.2f%n"
                        + "INVITE->200 ms p50 %.2f p99 %.2f p99.9 %.2f max %.2f",
                started, offeredRate(), succeeded, failed(), failures, 100 * failedRatio(), skipped, active,
                retransmissions, unexpected,
                millis(ringing, 50), millis(ringing, 99), millis(ringing, 99.9), millis(ringing, 100),
                millis(answered, 50), millis(answered, 99), millis(answered, 99.9), millis(answered, 100));
    }
}
