package io.switchboard.loadtests.replay;

import java.util.ArrayList;
import java.util.List;

/** The counters of a replay as it runs, kept on the replayer's loop; {@link #report} freezes them. */
final class ReplayTally {

    static final int MAX_PROBLEMS = 20;

    long calls;
    long callsMatched;
    long sent;
    long expected;
    long matched;
    long missing;
    long codeDiffered;
    long unexpected;
    long notPlayed;
    long retransmissionsSent;
    long retransmissionsReceived;
    private long problemCount;
    private final List<String> problems = new ArrayList<>();

    void problem(String line) {
        problemCount++;
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(line);
        }
    }

    ReplayReport report(double seconds) {
        List<String> lines = new ArrayList<>(problems);
        if (problemCount > problems.size()) {
            lines.add("... and " + (problemCount - problems.size()) + " more");
        }
        return new ReplayReport(calls, callsMatched, sent, expected, matched, missing, codeDiffered, unexpected,
                notPlayed, retransmissionsSent, retransmissionsReceived, seconds, List.copyOf(lines));
    }
}
