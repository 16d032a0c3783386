package io.switchboard.loadtests.sipp;

import static io.switchboard.loadtests.sipp.EngineCluster.awaitActive;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Calls survive the death of the node that set them up (issue 9; the seed thread 004's proxies
 * behind a balancer that still end, bill and time out the calls of a proxy that failed). On an
 * {@link EngineCluster} of three, calls are set up through node A, which holds some of their
 * dialogs ({@code dlg.list}) and the dispatcher and hash-table singletons (it is the oldest
 * member); A is then killed with SIGKILL. The split brain resolver downs it ({@code cluster.members}
 * on B and C no longer shows it, and shows the shards B and C host); its dialog shards move to B
 * and C and recover from the journal, where {@code dlg.list} and the profile sizes count the held
 * calls; its singletons move with a destination's state and the table's contents; calls whose
 * lifetime runs out, some of them A's, are ended by the survivors with BYEs to both SIPp sides;
 * calls whose BYEs reach B while A is dead but not yet downed (their dialogs nowhere) end once
 * their shards have moved, the BYEs being delivered again until the dialog has them; and the BYEs
 * of the held calls, now sent to B, end every dialog. The SIPp callees sit behind balancers of
 * their own, since SIPp answers a call's requests only to the address the call came from.
 */
@Tag("postgres")
class ClusterFailoverTest extends SippCalls {

    private static final int HELD_CALLS = 20;
    /** Long enough for the kill, the downing of A and the recovery on B and C before the BYEs. */
    private static final int HOLD_MILLIS = 75_000;
    /** Calls whose BYEs come while A is dead and not yet downed, its shards nowhere. */
    private static final int BRIEF_CALLS = 5;
    private static final int BRIEF_HOLD_MILLIS = 6_000;
    /**
     * Calls with {@link DialogProbeRoute}'s 5 s lifetime, placed just before the kill: the shard
     * coordinator puts each new shard on the member with the fewest (the oldest, A, losing ties),
     * so with the calls before them spread evenly, some of these land on A.
     */
    private static final int SHORT_CALLS = 8;

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
            Sipp calleeOfShort = peer(Sipp.uas("uas.xml", shortUas, SHORT_CALLS), 240);
            Sipp uac = peer(Sipp.uac("uac.xml", Sipp.freePort(), cluster.alias(), "127.0.0.1:" + toHeldUas.port(),
                    HELD_CALLS, 20, "held", HOLD_MILLIS), 240);
            // the first calls of a new cluster wait for its shards and journal connections: the
            // other calls start once the held ones are up
            assertEquals(HELD_CALLS, awaitActive(cluster.all(), HELD_CALLS, 60), cluster::output);
            String inactive = EngineCluster.GATEWAYS.get(0);
            String active = EngineCluster.GATEWAYS.get(1);
            a.rpc().result("dispatcher.set_state", "i", 1, inactive);
            a.rpc().result("htable.sets", "carriers", "gw1", "sip:198.51.100.1");
            for (EngineProcess replica : cluster.others(0)) {
                JsonNode seen = replica.rpc().awaitResponse(10, r -> r.get("error") == null, "htable.get",
                        "carriers", "gw1");
                assertTrue(seen.get("error") == null, () -> "the write did not reach every node: " + seen);
                assertEquals(Map.of(inactive, "IX", active, "AX"), gatewayStates(replica.rpc()
                        .await(10, list -> "IX".equals(gatewayStates(list).get(inactive)), "dispatcher.list")),
                        "the state did not reach every node");
            }
            Sipp briefUac = peer(Sipp.uac("uac.xml", Sipp.freePort(), cluster.alias(), "127.0.0.1:" + toHeldUas.port(),
                    BRIEF_CALLS, BRIEF_CALLS, "brief", BRIEF_HOLD_MILLIS), 240);
            assertEquals(HELD_CALLS + BRIEF_CALLS, awaitActive(cluster.all(), HELD_CALLS + BRIEF_CALLS, 30),
                    cluster::output);
            // on their own, the short calls' new shards go to the members with the fewest, A too
            Sipp callerOfShort = peer(Sipp.uac("uac-wait-bye.xml", Sipp.freePort(), cluster.alias(),
                    "127.0.0.1:" + toShortUas.port(), SHORT_CALLS, SHORT_CALLS, "short", 0), 240);
            int calls = HELD_CALLS + BRIEF_CALLS + SHORT_CALLS;
            assertEquals(calls, awaitActive(cluster.all(), calls, 30), cluster::output);
            JsonNode onA = a.rpc().result("dlg.list");
            assertTrue(count(onA, "held") > 0 && count(onA, "short") > 0, () -> "A holds no held or no short call: "
                    + cluster.dialogs());

            a.kill();
            cluster.sendTo(1);
            List<EngineProcess> survivors = cluster.others(0);
            cluster.awaitMembers(1, 2);
            assertEquals(0, briefUac.await(90), () -> briefUac.output() + cluster.output());
            assertEquals(0, callerOfShort.await(90), () -> callerOfShort.output() + cluster.output());
            assertEquals(0, calleeOfShort.await(30), calleeOfShort::output);
            assertEquals(HELD_CALLS, awaitActive(survivors, HELD_CALLS, 40), cluster::output);
            assertEquals(SHORT_CALLS, EngineCluster.sum(survivors, "dialog:expired_dialogs"),
                    "every short call, A's too, ended by its lifetime on a survivor");
            assertCalls(HELD_CALLS, survivors, cluster);
            for (EngineProcess survivor : survivors) {
                assertMembersWithout(cluster.address(0), survivor);
                // answered once the registry singleton runs on a survivor and this node has its sets
                assertEquals("Ok. Dispatcher successfully reloaded.",
                        survivor.rpc().await(30, result -> true, "dispatcher.reload").asText());
                assertEquals(Map.of(inactive, "IX", active, "AX"), gatewayStates(survivor.rpc()
                        .result("dispatcher.list")));
            }
            assertEquals("sip:198.51.100.1",
                    c.rpc().result("htable.get", "carriers", "gw1").get("item").get("value").asText());

            assertEquals(0, uac.await(150), () -> uac.output() + cluster.output());
            assertEquals(0, uas.await(60), uas::output);
            assertEquals(0, awaitActive(survivors, 0, 30), cluster::output);
            assertCalls(0, survivors, cluster);
            assertTrue(b.process().isAlive() && c.process().isAlive());
        }
    }

    /** The dialogs of {@code dlg.list} calling {@code sip:<service>@...}. */
    private static long count(JsonNode dialogs, String service) {
        return StreamSupport.stream(dialogs.spliterator(), false)
                .filter(d -> d.get("to_uri").asText().startsWith("sip:" + service + "@")).count();
    }

    /**
     * The {@code calls} profile has {@code expected} dialogs on every survivor (each counts the
     * whole cluster's, a publish and propagation round behind), and their {@code dlg.list}s add up to it.
     */
    private static void assertCalls(int expected, List<EngineProcess> survivors, EngineCluster cluster)
            throws Exception {
        int listed = 0;
        for (EngineProcess survivor : survivors) {
            assertEquals(expected, survivor.rpc().await(10, size -> size.asInt() == expected, "dlg.profile_get_size",
                    DialogProbeRoute.CALLS_PROFILE).asInt(), "profile size");
            listed += survivor.rpc().result("dlg.list").size();
        }
        assertEquals(expected, listed, cluster::dialogs);
    }

    /**
     * {@code cluster.members} on {@code survivor}, once the shard coordinator (a singleton that
     * moved too) answers: the killed node gone or down, every member with its shard count, some shards hosted.
     */
    private static void assertMembersWithout(String killed, EngineProcess survivor) throws Exception {
        JsonNode members = survivor.rpc().await(30, m -> StreamSupport.stream(m.spliterator(), false)
                .allMatch(member -> member.get("shards").isNumber()), "cluster.members");
        int shards = 0;
        for (JsonNode member : members) {
            assertTrue(!member.get("address").asText().equals(killed) || member.get("status").asText().equals("down"),
                    members::toString);
            assertTrue(member.get("shards").isNumber(), members::toString);
            shards += member.get("shards").asInt();
        }
        assertTrue(shards > 0, members::toString);
    }

    /** Each destination of set 1 with its state letters, from {@code dispatcher.list}. */
    private static Map<String, String> gatewayStates(JsonNode list) {
        Map<String, String> states = new HashMap<>();
        for (JsonNode target : list.get("RECORDS").get(0).get("SET").get("TARGETS")) {
            states.put(target.get("DEST").get("URI").asText(), target.get("DEST").get("FLAGS").asText());
        }
        return states;
    }
}
