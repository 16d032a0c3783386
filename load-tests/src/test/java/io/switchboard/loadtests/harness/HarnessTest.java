package io.switchboard.loadtests.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.loadtests.generator.InProcessEngine;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The capacity harness with tiny steps against an engine in this JVM. */
class HarnessTest {

    @Test
    void rampsMeasuresTheTargetAndHoldsDialogs() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        CapacityHarness.Result result;
        try (InProcessEngine engine = InProcessEngine.start()) {
            result = CapacityHarness.run(new String[] {
                "--target", "127.0.0.1:" + engine.sipAddress().getPort(), "--start-rate", "50", "--step-rate", "50",
                "--max-rate", "100", "--step", "1s", "--settle", "200ms", "--refine", "0",
                "--pid", Long.toString(ProcessHandle.current().pid()), "--rpc", engine.rpcUrl(), "--dialogs", "50",
                "--dialog-rate", "200", "--t1", "100ms", "--warmup", "1s"}, out);
        }
        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertNotNull(result, printed);
        assertTrue(printed.contains("warm-up, not counted: 1 calls at 5/s, 0 failed"), printed);
        assertTrue(printed.contains("warm-up, not counted: 13 calls at 50/s, 0 failed"), printed);
        assertEquals(2, result.steps().size(), "the warm-up is no step: " + printed);
        assertTrue(result.steps().stream().allMatch(StepResult::passed), printed);
        assertEquals(100, result.best().rate(), printed);
        assertEquals(100, result.best().report().succeeded(), printed);
        assertTrue(printed.contains("sustained: 100 calls/s"), printed);
        assertTrue(printed.matches("(?s).*target heap used \\d+\\.\\d MiB .*RSS \\d+\\.\\d MiB.*"), printed);
        assertEquals(50, result.dialogs().held(), printed);
        assertTrue(result.dialogs().heapPerDialog().isPresent(), printed);
        assertTrue(printed.contains("released: 50 ended, 0 failed"), printed);
    }

    /** One harness hosts the UAS of a whole dispatcher set, and the round robin reaches both. */
    @Test
    void servesEveryDestinationOfADispatcherSet() throws Exception {
        int[] ports = {freeUdpPort(), freeUdpPort()};
        Path list = Files.createTempFile("harness-dispatcher", ".list");
        Files.writeString(list, "1 sip:127.0.0.1:" + ports[0] + " 0 0\n1 sip:127.0.0.1:" + ports[1] + " 0 0\n");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CapacityHarness.Result result;
        try (InProcessEngine engine = InProcessEngine.start("dispatcher.list-file = \"" + list
                + "\", proxy.dispatch-set = 1, proxy.dispatch-alg = 4")) {
            result = CapacityHarness.run(new String[] {
                "--target", "127.0.0.1:" + engine.sipAddress().getPort(), "--start-rate", "40", "--max-rate", "40",
                "--step", "1s", "--settle", "200ms", "--refine", "0", "--warmup", "0s", "--t1", "100ms",
                "--uas", "127.0.0.1:" + ports[0] + ", 127.0.0.1:" + ports[1]},
                    new PrintStream(bytes, true, StandardCharsets.UTF_8));
        } finally {
            Files.delete(list);
        }
        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertNotNull(result, printed);
        assertEquals(40, result.best().report().succeeded(), printed);
        assertTrue(printed.contains("UAS 127.0.0.1:" + ports[0] + ": 20 answered, "), printed);
        assertTrue(printed.contains("UAS 127.0.0.1:" + ports[1] + ": 20 answered, "), printed);
    }

    private static int freeUdpPort() throws Exception {
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Test
    void wrongArgumentsAreNamed() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        assertNull(CapacityHarness.run(new String[] {"--rate", "5"}, new PrintStream(bytes, true, StandardCharsets.UTF_8)));
        assertTrue(bytes.toString(StandardCharsets.UTF_8).contains("unknown option --rate"));
    }
}
