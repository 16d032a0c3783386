package io.switchboard.loadtests.replay;

import java.util.List;
import java.util.Locale;

/**
 * What a replay found against the capture.
 *
 * @param calls replay instances played
 * @param callsMatched instances in which every message matched
 * @param sent messages the replayer sent (first transmissions)
 * @param expected messages the capture says the two sides receive
 * @param matched expected messages that arrived
 * @param missing expected messages that did not arrive in time (100 Trying is optional and never missing)
 * @param codeDiffered responses that arrived with another status code than recorded
 * @param unexpected messages that arrived and match nothing expected (nor repeat a matched one)
 * @param notPlayed recorded sends left out: the side had stopped, or the request to answer never came
 * @param retransmissionsSent requests and 2xx sent again on their timers
 * @param retransmissionsReceived messages that arrived again after being matched
 * @param seconds from the first instance started to the last ended
 * @param problems the first problems, one line each
 */
public record ReplayReport(long calls, long callsMatched, long sent, long expected, long matched, long missing,
        long codeDiffered, long unexpected, long notPlayed, long retransmissionsSent, long retransmissionsReceived,
        double seconds, List<String> problems) {

    /** True when every instance played the capture as recorded. */
    public boolean allMatched() {
        return calls == callsMatched && matched == expected && missing == 0 && codeDiffered == 0 && unexpected == 0
                && notPlayed == 0;
    }

    public String summary() {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "calls %d played, %d matched in full, %d not (%.1f s, %.1f calls/s)%n"
                        + "messages: %d sent, %d expected, %d matched, %d missing, %d with another code, "
                        + "%d unexpected, %d not played%n"
                        + "retransmissions: %d sent, %d received%n"
                        + "%s",
                calls, callsMatched, calls - callsMatched, seconds, seconds == 0 ? 0 : calls / seconds, sent, expected,
                matched, missing, codeDiffered, unexpected, notPlayed, retransmissionsSent, retransmissionsReceived,
                allMatched() ? "result: every message matched the capture" : "result: differences from the capture"));
        problems.forEach(p -> text.append(System.lineSeparator()).append("  ").append(p));
        return text.toString();
    }
}
