package io.switchboard.loadtests.sipp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Calls survive the death of the node that set them up (issue 9; the seed thread 004's proxies
 * behind a balancer that still end, bill and time out the calls of a proxy that failed). Three
 * engine JVMs on loopback form a Pekko cluster over one PostgreSQL journal, behind a
 * {@link UdpBalancer} that is their shared alias (the SIPp callees behind one each, since SIPp
 * answers only the address a call came from). Calls are set up through node A, which is then
 * killed with SIGKILL; the split brain resolver downs it, its dialog shards move to B and C and
 * recover from the journal, its hash-table singleton moves with the table's contents; a call
 * whose lifetime ran out meanwhile is ended by the survivors with BYEs to both SIPp sides, and
 * the BYEs of the held calls, now sent to B, end every dialog.
 */
@Tag("postgres")
class ClusterFailoverTest extends SippCalls {

    private static final int HELD_CALLS = 20;
    /** Long enough for the kill, the downing of A and the recovery on B and C before the BYEs. */
    private static final int HOLD_MILLIS = 75_000;

    @TempDir
    Path dir;

    private final List<EngineProcess> engines = Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void stopEngines() {
        engines.forEach(EngineProcess::destroy);
    }

    /**
     * A free TCP port on 127.0.0.1 for a node's cluster transport, below the kernel's ephemeral
     * range: a port from that range may be taken by another node's outgoing connection before
     * the node binds it.
     */
    private static int freeTcpPort() {
        for (int attempt = 0; attempt < 100; attempt++) {
            int port = 20_000 + ThreadLocalRandom.current().nextInt(10_000);
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IllegalStateException("no free TCP port between 20000 and 30000");
    }

    /** The configuration of one node: its SIP port, its cluster port, the seeds, the alias, the journal. */
    private Path config(String node, int sip, int clusterPort, List<Integer> seeds, int alias, String persistence)
            throws Exception {
        List<String> seedNodes = seeds.stream().map(port -> "\"pekko://switchboard@127.0.0.1:" + port + "\"").toList();
        return Files.writeString(dir.resolve(node + ".conf"), """
                switchboard {
                  listen = ["udp:127.0.0.1:%d"]
                  rpc.listen = "127.0.0.1:0"
                  shutdown-timeout = 1s
                  route = %s
                  aliases = ["127.0.0.1:%d"]
                  cluster { hostname = "127.0.0.1", port = %d, seed-nodes = %s }
                  persistence { %s }
                  dialog.send-bye = 1
                  htable.tables = ["carriers=>size=4"]
                }
                pekko.cluster.split-brain-resolver.stable-after = 5s
                """.formatted(sip, DialogProbeRoute.class.getName(), alias, clusterPort, seedNodes, persistence));
    }

    private EngineProcess launch(Path config) throws Exception {
        EngineProcess engine = EngineProcess.onClassPath(config);
        engines.add(engine);
        return engine;
    }

    private static int upMembers(JsonNode members) {
        int up = 0;
        for (JsonNode member : members) {
            up += member.get("status").asText().equals("up") && member.get("reachable").asBoolean() ? 1 : 0;
        }
        return members.size() == up ? up : -1;
    }

    /** Dialogs the nodes hold between them, by {@code dlg.stats_active}. */
    private static int activeDialogs(List<EngineProcess> nodes) throws Exception {
        int active = 0;
        for (EngineProcess node : nodes) {
            active += node.rpc().result("dlg.stats_active").get("all").asInt();
        }
        return active;
    }

    private static int awaitActive(List<EngineProcess> nodes, int expected, int seconds) throws Exception {
        long until = System.nanoTime() + seconds * 1_000_000_000L;
        int active = activeDialogs(nodes);
        while (active != expected && System.nanoTime() < until) {
            Thread.sleep(250);
            active = activeDialogs(nodes);
        }
        return active;
    }

    private static long sum(List<EngineProcess> nodes, String statistic) throws Exception {
        long sum = 0;
        for (EngineProcess node : nodes) {
            sum += node.rpc().statistic(statistic);
        }
        return sum;
    }

    @Test
    void theSurvivorsEndTheCallsOfAKilledNode() throws Exception {
        try (PostgresSchema schema = PostgresSchema.create()) {
            String journal = "journal = postgres, " + schema.settings();
            int[] sip = {Sipp.freePort(), Sipp.freePort(), Sipp.freePort()};
            int[] cluster = {freeTcpPort(), freeTcpPort(), freeTcpPort()};
            List<Integer> seeds = List.of(cluster[0], cluster[1], cluster[2]);
            int heldUas = Sipp.freePort();
            int shortUas = Sipp.freePort();
            try (UdpBalancer balancer = UdpBalancer.start(sip[0]);
                    UdpBalancer toHeldUas = UdpBalancer.start(heldUas);
                    UdpBalancer toShortUas = UdpBalancer.start(shortUas)) {
                EngineProcess a = launch(config("a", sip[0], cluster[0], seeds, balancer.port(), journal));
                CompletableFuture<EngineProcess> startingB = CompletableFuture.supplyAsync(() -> start(
                        "b", sip[1], cluster[1], seeds, balancer.port(), journal));
                EngineProcess c = launch(config("c", sip[2], cluster[2], seeds, balancer.port(), journal));
                EngineProcess b = startingB.join();
                JsonNode members = a.rpc().await(60, m -> upMembers(m) == 3, "cluster.members");
                assertEquals(3, upMembers(members), members::toString);

                Sipp uas = peer(Sipp.uas("uas.xml", heldUas, HELD_CALLS), 240);
                Sipp calleeOfShort = peer(Sipp.uas("uas.xml", shortUas, 1), 240);
                Sipp uac = peer(Sipp.uac("uac.xml", Sipp.freePort(), balancer.port(), "127.0.0.1:" + toHeldUas.port(),
                        HELD_CALLS, 20, HOLD_MILLIS), 240);
                Sipp callerOfShort = peer(Sipp.uac("uac-wait-bye.xml", Sipp.freePort(), balancer.port(),
                        "127.0.0.1:" + toShortUas.port(), 1, 1, "short", 0), 240);
                List<EngineProcess> all = List.of(a, b, c);
                assertEquals(HELD_CALLS + 1, awaitActive(all, HELD_CALLS + 1, 30), a::output);
                a.rpc().result("htable.sets", "carriers", "gw1", "sip:198.51.100.1");
                for (EngineProcess replica : List.of(b, c)) {
                    JsonNode seen = replica.rpc().awaitResponse(10, r -> r.get("error") == null, "htable.get",
                            "carriers", "gw1");
                    assertTrue(seen.get("error") == null, () -> "the write did not reach every node: " + seen);
                }

                a.kill();
                balancer.sendTo(sip[1]);
                List<EngineProcess> survivors = List.of(b, c);
                JsonNode after = b.rpc().await(60, m -> upMembers(m) == 2, "cluster.members");
                assertEquals(2, upMembers(after), after::toString);
                assertEquals(0, callerOfShort.await(90), () -> callerOfShort.output() + b.output() + c.output());
                assertEquals(0, calleeOfShort.await(30), calleeOfShort::output);
                assertEquals(HELD_CALLS, awaitActive(survivors, HELD_CALLS, 40), () -> b.output() + c.output());
                assertEquals(1, sum(survivors, "dialog:expired_dialogs"));
                assertEquals("sip:198.51.100.1", c.rpc().result("htable.get", "carriers", "gw1").get("item").get("value").asText());

                assertEquals(0, uac.await(150), () -> uac.output() + "\nB:\n" + b.output() + "\nC:\n" + c.output());
                assertEquals(0, uas.await(60), uas::output);
                assertEquals(0, awaitActive(survivors, 0, 30), () -> b.output() + c.output());
            }
        }
    }

    private EngineProcess start(String node, int sip, int clusterPort, List<Integer> seeds, int alias,
            String persistence) {
        try {
            return launch(config(node, sip, clusterPort, seeds, alias, persistence));
        } catch (Exception e) {
            throw new IllegalStateException("node " + node + " did not start", e);
        }
    }
}
