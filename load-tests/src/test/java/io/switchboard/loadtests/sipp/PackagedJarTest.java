package io.switchboard.loadtests.sipp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's run command: the runnable jar that {@code mvn package} builds runs on its embedded
 * defaults — the built-in {@code proxy} route, dialogs tracked and journaled in H2 under the data
 * directory — with nothing on its class path but itself, proxies whole SIPp calls and exits 0 on
 * SIGTERM. The tests on the class path cannot see a library left out of the jar (the H2 driver was,
 * once, and the engine could not start on its defaults).
 */
class PackagedJarTest extends SippCalls {

    private static final Path JAR = Path.of("..", "engine", "target", "switchboard.jar").toAbsolutePath().normalize();
    private static final int CALLS = 10;

    @TempDir
    Path dir;

    private EngineProcess engine;

    @AfterEach
    void stopEngine() {
        if (engine != null) {
            engine.destroy();
        }
    }

    @Test
    void theJarProxiesCallsOnItsDefaultsAndStopsOnSigterm() throws Exception {
        Assumptions.assumeTrue(Files.isRegularFile(JAR), () -> JAR + " is not built: run mvn package (verify does)");
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
        engine = EngineProcess.packagedJar(JAR, config);

        int uasPort = Sipp.freePort();
        Sipp uas = peer(Sipp.uas("uas.xml", uasPort, CALLS), 60);
        Sipp uac = peer(Sipp.uac("uac.xml", Sipp.freePort(), sip, "127.0.0.1:" + uasPort, CALLS, CALLS, 3000), 60);
        JsonNode held = engine.rpc().await(20, active -> active.get("ongoing").asInt() == CALLS, "dlg.stats_active");
        assertEquals(CALLS, held.get("ongoing").asInt(), () -> held + "\n" + engine.output());
        assertEquals(0, uac.await(60), uac::output);
        assertEquals(0, uas.await(30), uas::output);
        assertEquals(CALLS, engine.rpc().statistic("dialog:processed_dialogs"), engine::output);
        assertTrue(Files.isRegularFile(data.resolve("journal.mv.db")), "no H2 journal in " + data);

        assertEquals(0, engine.terminate(60), engine::output);
    }
}
