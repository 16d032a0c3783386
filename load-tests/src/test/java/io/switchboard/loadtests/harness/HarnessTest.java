package io.switchboard.loadtests.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.loadtests.generator.InProcessEngine;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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
                "--dialog-rate", "200", "--t1", "100ms"}, out);
        }
        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertNotNull(result, printed);
        assertEquals(2, result.steps().size(), printed);
        assertTrue(result.steps().stream().allMatch(StepResult::passed), printed);
        assertEquals(100, result.best().rate(), printed);
        assertEquals(100, result.best().report().succeeded(), printed);
        assertTrue(printed.contains("sustained: 100 calls/s"), printed);
        assertTrue(printed.matches("(?s).*target heap used \\d+\\.\\d MiB .*RSS \\d+\\.\\d MiB.*"), printed);
        assertEquals(50, result.dialogs().held(), printed);
        assertTrue(result.dialogs().heapPerDialog().isPresent(), printed);
        assertTrue(printed.contains("released: 50 ended, 0 failed"), printed);
    }

    @Test
    void wrongArgumentsAreNamed() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        assertNull(CapacityHarness.run(new String[] {"--rate", "5"}, new PrintStream(bytes, true, StandardCharsets.UTF_8)));
        assertTrue(bytes.toString(StandardCharsets.UTF_8).contains("unknown option --rate"));
    }
}
