package io.switchboard.loadtests.sipp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.engine.Engine;
import io.switchboard.engine.config.ConfigLoader;
import io.switchboard.transport.net.Transport;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Stateless call tracking ({@code switchboard.dlgs.enable}, seed manual 000) through whole calls:
 * SIPp calls through the built-in route, held a few seconds; dlgs.stats and dlgs.list over RPC show
 * them confirmed while they last and terminated after their BYE.
 */
class DlgsCallsTest {

    private static final int CALLS = 10;

    private Engine engine;
    private Sipp uas;
    private Sipp uac;

    @BeforeAll
    static void sippIsThere() {
        Sipp.assumeInstalled();
    }

    @AfterEach
    void stop() {
        for (Sipp sipp : new Sipp[] {uac, uas}) {
            if (sipp != null) {
                sipp.stop();
            }
        }
        engine.stop().toCompletableFuture().join();
    }

    /** Polls dlgs.stats until {@code state} among the active records reaches {@code count}. */
    private JsonNode awaitActive(String state, int count) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        JsonNode active = Rpc.result(engine, "dlgs.stats").get("active");
        while (active.get(state).asInt() < count && System.nanoTime() < deadline) {
            Thread.sleep(100);
            active = Rpc.result(engine, "dlgs.stats").get("active");
        }
        assertEquals(count, active.get(state).asInt(), active::toString);
        return active;
    }

    @Test
    void callsAreCountedWhileTheyLastAndWhenTheyEnd() throws Exception {
        engine = Engine.start(ConfigLoader.parse("""
                switchboard {
                  listen = ["udp:127.0.0.1:0"]
                  rpc.listen = "127.0.0.1:0"
                  shutdown-timeout = 1s
                  dlgs.enable = true
                }
                """));
        int proxy = engine.listeners().stream().filter(l -> l.transport() == Transport.UDP).findFirst().orElseThrow()
                .port();
        int uasPort = Sipp.freePort();
        uas = Sipp.uas("uas.xml", uasPort, CALLS).start(60);
        uac = Sipp.uac("uac.xml", Sipp.freePort(), proxy, "127.0.0.1:" + uasPort, CALLS, 10, 5000).start(60);

        JsonNode held = awaitActive("confirmed", CALLS);
        assertEquals(0, held.get("terminated").asInt());
        JsonNode list = Rpc.result(engine, "dlgs.list");
        assertEquals(CALLS, list.size());
        for (JsonNode record : list) {
            assertEquals(3, record.get("state").asInt(), record::toString);
            assertTrue(record.get("src").asText().startsWith("sip:sipp@127.0.0.1"), record::toString);
            assertEquals("sip:bob@127.0.0.1:" + uasPort, record.get("dst").asText());
            assertEquals("127.0.0.1", record.get("data").asText());
            assertTrue(record.get("ts_answer").asLong() >= record.get("ts_init").asLong());
            assertTrue(!record.get("ttag").asText().isEmpty(), "the callee's tag, from its 200");
        }
        assertEquals("dlgs:active_confirmed = " + CALLS,
                Rpc.result(engine, "stats.get_statistics", "dlgs:active_confirmed").get(0).asText());

        assertEquals(0, uac.await(60), uac::output);
        assertEquals(0, uas.await(30), uas::output);
        JsonNode ended = awaitActive("terminated", CALLS);
        assertEquals(0, ended.get("confirmed").asInt());
    }
}
