package io.switchboard.loadtests.sipp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.management.HotSpotDiagnosticMXBean;
import io.switchboard.engine.management.RpcClient;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's run and ctl commands: the runnable jar that {@code mvn package} builds, started by
 * {@code bin/switchboard}, runs on its embedded defaults — the built-in {@code proxy} route,
 * dialogs tracked and journaled in H2 under the data directory — with nothing on its class path
 * but itself, proxies whole SIPp calls and exits 0 on SIGTERM; its {@code ctl} entry point, run
 * as a process, calls a running engine's management endpoint. The tests on the class path cannot
 * see a library left out of the jar (the H2 driver was, once, and the engine could not start on
 * its defaults).
 */
class PackagedJarTest extends SippCalls {

    private static final Path JAR = Path.of("..", "engine", "target", "switchboard.jar").toAbsolutePath().normalize();
    private static final Path LAUNCHER = Path.of("..", "bin", "switchboard").toAbsolutePath().normalize();
    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CALLS = 10;

    @TempDir
    Path dir;

    private EngineProcess packaged;

    @AfterEach
    void stopPackagedEngine() {
        if (packaged != null) {
            packaged.destroy();
        }
    }

    private static void assumeBuilt() {
        Assumptions.assumeTrue(Files.isRegularFile(JAR), () -> JAR + " is not built: run mvn package (verify does)");
    }

    /**
     * The README's run command, {@code bin/switchboard}, runs the jar on a concurrent collector with
     * the heap it is given (BENCHMARKS.md: G1 adds 100-200 ms to the tail at 1,000 calls/s):
     * generational ZGC on JDK 21 or later, Shenandoah before (G1 on a JDK 17 built without it).
     * Through it, the jar proxies calls and stops on SIGTERM with status 0, the signal reaching the
     * JVM itself.
     */
    @Test
    void theJarProxiesCallsOnItsDefaultsAndStopsOnSigterm() throws Exception {
        assumeBuilt();
        int sip = Sipp.freePort();
        Path data = dir.resolve("data");
        Path config = Files.writeString(dir.resolve("switchboard.conf"), """
                switchboard {
                  listen = ["udp:127.0.0.1:%d"]
                  rpc.listen = "127.0.0.1:0"
                  shutdown-timeout = 5s
                  persistence.data-dir = "%s"
                }
                """.formatted(sip, data.toString().replace('\\', '/')));
        packaged = EngineProcess.launcher(LAUNCHER, "256m", config);
        assertTrue(packaged.output().contains("collector " + expectedCollector() + ", heap 256 MiB"), packaged::output);

        int uasPort = Sipp.freePort();
        Sipp uas = peer(Sipp.uas("uas.xml", uasPort, CALLS), 60);
        Sipp uac = peer(Sipp.uac("uac.xml", Sipp.freePort(), sip, "127.0.0.1:" + uasPort, CALLS, CALLS, 3000), 60);
        JsonNode held = packaged.rpc().await(20, active -> active.get("ongoing").asInt() == CALLS, "dlg.stats_active");
        assertEquals(CALLS, held.get("ongoing").asInt(),
                () -> held + "\n" + packaged.output() + "\nUAC:\n" + uac.output() + "\nUAS:\n" + uas.output());
        assertEquals(0, uac.await(60), uac::output);
        assertEquals(0, uas.await(30), uas::output);
        assertEquals(CALLS, packaged.rpc().statistic("dialog:processed_dialogs"), packaged::output);
        assertTrue(Files.isRegularFile(data.resolve("journal.mv.db")), "no H2 journal in " + data);

        assertEquals(0, packaged.terminate(60), packaged::output);
    }

    /** The collector bin/switchboard picks for this test's JDK. */
    private static String expectedCollector() {
        if (Runtime.version().feature() >= 21) {
            return "generational ZGC";
        }
        try {
            ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class).getVMOption("UseShenandoahGC");
            return "Shenandoah";
        } catch (IllegalArgumentException notInThisJdk) {
            return "G1";
        }
    }

    /** What a finished {@code bin/switchboard ctl ...} process left: its exit status and output. */
    private record Ctl(int status, String out, String err) {
    }

    /** Runs {@code bin/switchboard ctl ARGS...} on this test's JVM as a process of its own, to its end. */
    private Ctl ctl(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(LAUNCHER.toString(), "ctl"));
        command.addAll(List.of(args));
        Path out = dir.resolve("ctl.out");
        Path err = dir.resolve("ctl.err");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().put("JAVA", JAVA.toString());
        Process process = builder.start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("ctl " + String.join(" ", args) + " did not end within 60 s");
        }
        return new Ctl(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    /**
     * The README's {@code bin/switchboard ctl --url URL METHOD} against a running engine:
     * the result printed as JSON on standard output and exit status 0; for a method the engine does
     * not have, the JSON-RPC error (-32601, naming the method) on standard error, nothing on
     * standard output, and exit status 1.
     */
    @Test
    void theJarsCtlCallsARunningEngineAndExitsNonZeroOnAnError() throws Exception {
        assumeBuilt();
        startEngine("");
        String url = engine.management().url() + "/RPC";

        Ctl version = ctl("--url", url, "core.version");
        assertEquals(0, version.status(), version::err);
        JsonNode printed = JSON.readTree(version.out());
        assertTrue(printed.isTextual() && printed.asText().startsWith("switchboard "), version.out());

        Ctl unknown = ctl("--url", url, "no.such.method");
        assertEquals(RpcClient.RPC_ERROR, unknown.status(), unknown::out);
        assertEquals("", unknown.out());
        JsonNode error = JSON.readTree(unknown.err());
        assertEquals(-32601, error.get("code").asInt(), unknown.err());
        assertTrue(error.get("message").asText().contains("unknown method 'no.such.method'"), unknown.err());
    }
}
