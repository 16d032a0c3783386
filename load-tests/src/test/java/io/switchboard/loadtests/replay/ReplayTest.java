package io.switchboard.loadtests.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.loadtests.generator.InProcessEngine;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A call captured at a proxy, replayed through the engine's built-in route with both sides played. */
class ReplayTest {

    private static final InetSocketAddress ANY = new InetSocketAddress("127.0.0.1", 0);
    @RegisterExtension
    static final InProcessEngine engine = InProcessEngine.perClass();

    @TempDir
    static Path dir;


    private static RecordedCall.Calls calls(String callId, int maxForwards) throws Exception {
        return RecordedCall.group(PcapReader.read(SyntheticCapture.write(dir.resolve(callId + ".pcap"), callId,
                maxForwards)).messages());
    }

    private static ReplayReport play(RecordedCall.Calls calls, ReplayPlan plan) throws Exception {
        try (Replayer replayer = Replayer.start(engine.sipAddress(), ANY, ANY)) {
            return replayer.play(calls.calls(), plan).get(60, TimeUnit.SECONDS);
        }
    }

    @Test
    void theCallersAndTheCalleesLegsAreFoundBehindTheProxy() throws Exception {
        RecordedCall.Calls calls = calls("legs", 70);
        assertEquals(1, calls.calls().size());
        RecordedCall call = calls.calls().get(0);
        assertEquals(SyntheticCapture.CALLER, call.caller());
        assertEquals(SyntheticCapture.CALLEE, call.callee());
        assertEquals(7 + 6, call.messageCount(), "the retransmitted INVITE is left out");
    }

    @Test
    void aReplayThroughTheEngineMatchesEveryMessage() throws Exception {
        ReplayReport report = play(calls("once", 70), ReplayPlan.recorded());
        assertTrue(report.allMatched(), report::summary);
        assertEquals(1, report.calls());
        assertEquals(6, report.expected(), "180, 200, 200 at the caller; INVITE, ACK, BYE at the callee");
        assertEquals(6, report.matched(), report::summary);
        assertEquals(6, report.sent(), report::summary);
    }

    @Test
    void copiesSideBySideAndFasterStillMatch() throws Exception {
        ReplayReport report = play(calls("copies", 70), ReplayPlan.recorded().withFactor(10).withCopies(20));
        assertTrue(report.allMatched(), report::summary);
        assertEquals(20, report.calls());
        assertEquals(120, report.matched());
        assertTrue(report.seconds() < 2, "211 ms of call at 10x: " + report.summary());
    }

    @Test
    void aFixedRateCyclesThroughTheCapture() throws Exception {
        ReplayReport report = play(calls("rate", 70), ReplayPlan.recorded().withRate(50).withCopies(25));
        assertTrue(report.allMatched(), report::summary);
        assertEquals(25, report.calls());
        assertTrue(report.seconds() >= 0.45, "25 calls at 50/s take about half a second: " + report.summary());
    }

    @Test
    void aDifferentAnswerIsReported() throws Exception {
        ReplayReport report = play(calls("maxfwd", 0), ReplayPlan.recorded().withTimeout(1_000));
        assertFalse(report.allMatched(), report::summary);
        assertEquals(1, report.codeDiffered(), report::summary);
        assertTrue(report.problems().stream().anyMatch(p -> p.contains("expected 200 (1 INVITE), got 483")),
                report::summary);
        assertTrue(report.missing() >= 3, "the callee never saw INVITE, ACK, BYE: " + report.summary());
    }

    @Test
    void theCommandLinePlaysAFile() throws Exception {
        Path file = SyntheticCapture.write(dir.resolve("cli.pcap"), "cli", 70);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = Replayer.run(new String[] {"--pcap", file.toString(), "--target",
            "127.0.0.1:" + engine.sipAddress().getPort(), "--copies", "3", "--factor", "5"},
                new PrintStream(out, true, StandardCharsets.UTF_8));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, status, printed);
        assertTrue(printed.contains("1 calls") && printed.contains("every message matched"), printed);
    }
}
