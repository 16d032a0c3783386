package io.switchboard.loadtests.sipp;

import static io.switchboard.loadtests.sipp.EngineCluster.awaitActive;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Calls survive the death of the node that set them up (issue 9; the seed thread 004's proxies
 * behind a balancer that still end, bill and time out the calls of a proxy that failed). On an
 * {@link EngineCluster} of three, calls are set up through node A, which is then killed with
 * SIGKILL; the split brain resolver downs it, its dialog shards move to B and C and recover from
 * the journal, its hash-table singleton moves with the table's contents; a call whose lifetime
 * ran out meanwhile is ended by the survivors with BYEs to both SIPp sides; calls whose BYEs
 * reach B while A is dead but not yet downed (their dialogs nowhere) end once their shards have
 * moved, the BYEs being delivered again until the dialog has them; and the BYEs of the held
 * calls, now sent to B, end every dialog. The SIPp callees sit behind balancers of their
 * own, since SIPp answers a call's requests only to the address the call came from.
 */
@Tag("postgres")
class ClusterFailoverTest extends SippCalls {

    private static final int HELD_CALLS = 20;
    /** Long enough for the kill, the downing of A and the recovery on B and C before the BYEs. */
    private static final int HOLD_MILLIS = 75_000;
    /** Calls whose BYEs come while A is dead and not yet downed, its shards nowhere. */
    private static final int BRIEF_CALLS = 5;
    private static final int BRIEF_HOLD_MILLIS = 6_000;

    @TempDir
    Path dir;

    @Test
    void theSurvivorsEndTheCallsOfAKilledNode() throws Exception {
        int heldUas = Sipp.freePort();
        int shortUas = Sipp.freePort();
        try (EngineCluster cluster = EngineCluster.start(dir);
                UdpBalancer toHeldUas = UdpBalancer.start(heldUas);
                UdpBalancer toShortUas = UdpBalancer.start(shortUas)) {
            EngineProcess a = cluster.node(0);
            EngineProcess b = cluster.node(1);
            EngineProcess c = cluster.node(2);
            Sipp uas = peer(Sipp.uas("uas.xml", heldUas, HELD_CALLS + BRIEF_CALLS), 240);
            Sipp calleeOfShort = peer(Sipp.uas("uas.xml", shortUas, 1), 240);
            Sipp uac = peer(Sipp.uac("uac.xml", Sipp.freePort(), cluster.alias(), "127.0.0.1:" + toHeldUas.port(),
                    HELD_CALLS, 20, HOLD_MILLIS), 240);
            // the first calls of a new cluster wait for its shards and journal connections: the
            // brief calls start once the held ones are up, so that all of them are up together
            assertEquals(HELD_CALLS, awaitActive(cluster.all(), HELD_CALLS, 60), cluster::output);
            Sipp callerOfShort = peer(Sipp.uac("uac-wait-bye.xml", Sipp.freePort(), cluster.alias(),
                    "127.0.0.1:" + toShortUas.port(), 1, 1, "short", 0), 240);
            Sipp briefUac = peer(Sipp.uac("uac.xml", Sipp.freePort(), cluster.alias(), "127.0.0.1:" + toHeldUas.port(),
                    BRIEF_CALLS, BRIEF_CALLS, BRIEF_HOLD_MILLIS), 240);
            assertEquals(HELD_CALLS + BRIEF_CALLS + 1, awaitActive(cluster.all(), HELD_CALLS + BRIEF_CALLS + 1, 30),
                    cluster::output);
            a.rpc().result("htable.sets", "carriers", "gw1", "sip:198.51.100.1");
            for (EngineProcess replica : cluster.others(0)) {
                JsonNode seen = replica.rpc().awaitResponse(10, r -> r.get("error") == null, "htable.get",
                        "carriers", "gw1");
                assertTrue(seen.get("error") == null, () -> "the write did not reach every node: " + seen);
            }

            a.kill();
            cluster.sendTo(1);
            List<EngineProcess> survivors = cluster.others(0);
            cluster.awaitMembers(1, 2);
            assertEquals(0, briefUac.await(90), () -> briefUac.output() + cluster.output());
            assertEquals(0, callerOfShort.await(90), () -> callerOfShort.output() + cluster.output());
            assertEquals(0, calleeOfShort.await(30), calleeOfShort::output);
            assertEquals(HELD_CALLS, awaitActive(survivors, HELD_CALLS, 40), cluster::output);
            assertEquals(1, EngineCluster.sum(survivors, "dialog:expired_dialogs"));
            assertEquals("sip:198.51.100.1",
                    c.rpc().result("htable.get", "carriers", "gw1").get("item").get("value").asText());

            assertEquals(0, uac.await(150), () -> uac.output() + cluster.output());
            assertEquals(0, uas.await(60), uas::output);
            assertEquals(0, awaitActive(survivors, 0, 30), cluster::output);
            assertTrue(b.process().isAlive() && c.process().isAlive());
        }
    }
}
