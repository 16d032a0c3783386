package io.switchboard.loadtests.sipp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.loadtests.generator.InProcessEngine;
import io.switchboard.loadtests.replay.PcapReader;
import io.switchboard.loadtests.replay.RecordedCall;
import io.switchboard.loadtests.replay.ReplayPlan;
import io.switchboard.loadtests.replay.ReplayReport;
import io.switchboard.loadtests.replay.Replayer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIPp calls through the engine captured with {@code capture.start}, then read back three ways:
 * with the replayer's own pcap reader, with tshark when it is installed, and by replaying the
 * capture through the engine with the replayer playing both SIPp sides.
 */
class CapturedCallsTest {

    private static final int CALLS = 3;

    @TempDir
    Path dir;
    @RegisterExtension
    static final InProcessEngine engine = InProcessEngine.perClass();
    private final List<Sipp> peers = new ArrayList<>();

    @AfterEach
    void stopPeers() {
        peers.forEach(Sipp::stop);
    }

    private String rpc(String method, String params) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(engine.rpcUrl())).POST(HttpRequest.BodyPublishers
                .ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":" + params + "}"))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();
    }

    @Test
    void sippCallsCapturedByTheEngineReadBackAndReplay() throws Exception {
        Sipp.assumeInstalled();
        Path pcap = dir.resolve("sipp.pcap");
        assertTrue(rpc("capture.start", "[\"" + pcap + "\"]").contains("\"capturing\":true"));
        int uasPort = Sipp.freePort();
        int uacPort = Sipp.freePort();
        Sipp uas = Sipp.uas("uas.xml", uasPort, CALLS).start(60);
        peers.add(uas);
        Sipp uac = Sipp.uac("uac.xml", uacPort, engine.sipAddress().getPort(), "127.0.0.1:" + uasPort, CALLS, 10)
                .start(60);
        peers.add(uac);
        assertEquals(0, uac.await(90), uac::output);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (engine.engine().counters().receivedRequests() < 3 * CALLS && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        String stopped = rpc("capture.stop", "[]");
        assertTrue(stopped.contains("\"dropped\":0"), stopped);

        PcapReader.Capture capture = PcapReader.read(pcap);
        assertTrue(capture.messages().size() >= CALLS * 12, "INVITE, 180, 200, ACK, BYE, 200 on both legs: "
                + capture.messages().size());
        RecordedCall.Calls calls = RecordedCall.group(capture.messages());
        assertEquals(CALLS, calls.calls().size());
        for (RecordedCall call : calls.calls()) {
            assertEquals(new InetSocketAddress("127.0.0.1", uacPort), call.caller());
            assertEquals(new InetSocketAddress("127.0.0.1", uasPort), call.callee());
        }
        assertTshark(pcap, capture.messages().size());

        try (Replayer replayer = Replayer.start(engine.sipAddress(), new InetSocketAddress("127.0.0.1", 0),
                new InetSocketAddress("127.0.0.1", 0))) {
            ReplayReport report = replayer.play(calls.calls(), ReplayPlan.recorded().withCopies(2))
                    .get(60, TimeUnit.SECONDS);
            assertTrue(report.allMatched(), report::summary);
            assertEquals(2 * CALLS, report.calls());
        }
    }

    /** tshark, when installed, decodes every packet of the capture as SIP. */
    private static void assertTshark(Path pcap, int messages) throws Exception {
        Process tshark;
        try {
            tshark = new ProcessBuilder("tshark", "-r", pcap.toString(), "-Y", "sip", "-T", "fields", "-e",
                    "sip.CSeq").redirectErrorStream(false).start();
        } catch (IOException e) {
            System.out.println("tshark is not installed: the capture was not checked with tshark");
            return;
        }
        String out = new String(tshark.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(tshark.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, tshark.exitValue(), out);
        assertEquals(messages, out.lines().filter(l -> !l.isBlank()).count(), out);
    }
}
