package io.switchboard.loadtests.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The load generator's UAC and UAS, straight to each other and through the engine's built-in proxy route. */
class GeneratorTest {

    private static final InetSocketAddress ANY = new InetSocketAddress("127.0.0.1", 0);
    @RegisterExtension
    static final InProcessEngine engine = InProcessEngine.perClass();


    @Test
    void twoHundredCallsAtHundredPerSecondThroughTheEngineAllSucceed() throws Exception {
        try (Uas uas = Uas.start(ANY, 500);
             Uac uac = Uac.start(ANY, engine.sipAddress(), uas.requestUri())) {
            LoadReport report = uac.run(Load.of(100, 200, 0)).get(60, TimeUnit.SECONDS);
            assertEquals(200, report.started(), report::summary);
            assertEquals(200, report.succeeded(), report::summary);
            assertEquals(0, report.failed(), report::summary);
            assertEquals(200, report.ringing().getTotalCount(), "every call rang");
            assertEquals(200, report.answered().getTotalCount(), "every call was answered");
            assertTrue(report.offeredRate() > 80 && report.offeredRate() < 120, report::summary);
            assertTrue(LoadReport.millis(report.answered(), 99) < 1000, report::summary);
            Uas.Counts counts = uas.counts();
            assertEquals(new Uas.Counts(200, 200, 200, 0), counts);
            assertTrue(engine.engine().counters().forwardedRequests() >= 600, "INVITE, ACK and BYE relayed");
        }
    }

    @Test
    void heldCallsStayUpUntilReleasedAndTheConcurrencyLimitSkipsCalls() throws Exception {
        try (Uas uas = Uas.start(ANY, 500); Uac uac = Uac.start(ANY, uas.localAddress(), uas.requestUri())) {
            var run = uac.run(Load.of(200, 40, 60_000).withMaxConcurrent(25));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            LoadReport holding = uac.report();
            // every one of the 40 calls placed or skipped, and the placed ones answered
            while ((holding.held() < 25 || holding.started() + holding.skipped() < 40)
                    && System.nanoTime() < deadline) {
                Thread.sleep(20);
                holding = uac.report();
            }
            assertEquals(25, holding.held(), holding::summary);
            assertEquals(15, holding.skipped(), holding::summary);
            uac.releaseHeld(1000);
            LoadReport report = run.get(10, TimeUnit.SECONDS);
            assertEquals(25, report.succeeded(), report::summary);
            assertEquals(0, report.held());
        }
    }

    @Test
    void aTargetThatDoesNotAnswerMakesTimeouts() throws Exception {
        try (Uas silent = Uas.start(ANY, 500); Uac uac = Uac.start(ANY, new InetSocketAddress("127.0.0.1",
                freePort()), silent.requestUri())) {
            LoadReport report = uac.run(Load.of(50, 5, 0).withT1(20)).get(20, TimeUnit.SECONDS);
            assertEquals(5, report.failures().get(CallFailure.INVITE_TIMEOUT), report::summary);
            assertTrue(report.retransmissions() >= 5 * 5, "Timer A doubled from T1 until Timer B: " + report.summary());
        }
    }

    @Test
    void theCommandLineRunsBothRolesAndRejectsUnknownOptions() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = LoadGenerator.run(new String[] {"--target", "127.0.0.1:" + engine.sipAddress().getPort(),
            "--rate", "50", "--calls", "20"}, new PrintStream(out, true, StandardCharsets.UTF_8));
        assertEquals(0, status, out.toString(StandardCharsets.UTF_8));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("20 succeeded"), out.toString(StandardCharsets.UTF_8));
        ByteArrayOutputStream wrong = new ByteArrayOutputStream();
        assertEquals(2, LoadGenerator.run(new String[] {"--rat", "5"}, new PrintStream(wrong, true, StandardCharsets.UTF_8)));
        assertTrue(wrong.toString(StandardCharsets.UTF_8).contains("unknown option --rat"));
    }

    static int freePort() throws Exception {
        try (java.net.DatagramSocket socket = new java.net.DatagramSocket(0, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
