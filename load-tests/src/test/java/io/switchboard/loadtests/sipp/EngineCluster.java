package io.switchboard.loadtests.sipp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;

/**
 * Three engine JVMs on loopback forming one Pekko cluster over a PostgreSQL journal (a schema of
 * their own), behind a {@link UdpBalancer} that is their shared alias (issue 9; README
 * "Cluster"). Each node has its own SIP port and a fixed cluster port; all three are seeds, so a
 * restarted node joins whichever runs. {@link DialogProbeRoute} puts every call in the profile
 * {@value DialogProbeRoute#CALLS_PROFILE}, and the dispatcher has set 1 of {@link #GATEWAYS}.
 * {@link #close()} kills what runs and drops the schema.
 */
final class EngineCluster implements AutoCloseable {

    static final int NODES = 3;
    /**
     * The destinations of dispatcher set 1, there for the state the registry singleton keeps: no
     * call goes to them, since the route does not dispatch (no {@code proxy.dispatch-set}; a call
     * goes to its Request-URI, the test's UAS) and probing is off.
     */
    static final List<String> GATEWAYS = List.of("sip:192.0.2.1:5060", "sip:192.0.2.2:5060");

    private final Path dir;
    private final PostgresSchema schema = PostgresSchema.create();
    private final int[] sip = new int[NODES];
    private final int[] cluster = new int[NODES];
    private final EngineProcess[] nodes = new EngineProcess[NODES];
    private final List<EngineProcess> started = new ArrayList<>();
    private final UdpBalancer balancer;
    private final Path gateways;

    private EngineCluster(Path dir) throws Exception {
        this.dir = dir;
        for (int i = 0; i < NODES; i++) {
            sip[i] = Sipp.freePort();
            cluster[i] = freeTcpPort();
        }
        gateways = Files.writeString(dir.resolve("dispatcher.list"),
                String.join("", GATEWAYS.stream().map(uri -> "1 " + uri + "\n").toList()));
        balancer = UdpBalancer.start(sip[0]);
    }

    /** Starts the three nodes (the first, then the others together) and waits until all are up. */
    static EngineCluster start(Path dir) throws Exception {
        EngineCluster engines = new EngineCluster(dir);
        engines.launch(0);
        CompletableFuture.allOf(IntStream.range(1, NODES)
                .mapToObj(i -> CompletableFuture.runAsync(() -> engines.launchUnchecked(i)))
                .toArray(CompletableFuture[]::new)).join();
        engines.awaitMembers(0, NODES);
        return engines;
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

    /**
     * The configuration of {@code node}. Its seed list starts with node 0, the one that forms the
     * cluster; a {@code restarted} node's list starts with the node after it instead, so that
     * Pekko never lets it form a new cluster of its own when the running ones answer slowly.
     */
    private Path config(int node, boolean restarted) throws IOException {
        int first = restarted ? (node + 1) % NODES : 0;
        String seeds = String.join(", ", IntStream.range(0, NODES)
                .mapToObj(i -> "\"" + address((first + i) % NODES) + "\"").toList());
        return Files.writeString(dir.resolve("node" + node + ".conf"), """
                switchboard {
                  listen = ["udp:127.0.0.1:%d"]
                  rpc.listen = "127.0.0.1:0"
                  shutdown-timeout = 5s
                  route = %s
                  aliases = ["127.0.0.1:%d"]
                  cluster { hostname = "127.0.0.1", port = %d, seed-nodes = [%s] }
                  persistence { journal = postgres, %s }
                  dialog { send-bye = 1, profiles-no-value = ["%s"] }
                  htable.tables = ["carriers=>size=4"]
                  dispatcher.list-file = "%s"
                }
                pekko.cluster.split-brain-resolver.stable-after = 5s
                """.formatted(sip[node], DialogProbeRoute.class.getName(), balancer.port(), cluster[node], seeds,
                schema.settings(), DialogProbeRoute.CALLS_PROFILE, gateways));
    }

    private void launch(int node) throws Exception {
        launch(node, false);
    }

    private void launch(int node, boolean restarted) throws Exception {
        nodes[node] = EngineProcess.onClassPath(config(node, restarted));
        synchronized (started) {
            started.add(nodes[node]);
        }
    }

    private void launchUnchecked(int node) {
        try {
            launch(node);
        } catch (Exception e) {
            throw new IllegalStateException("node " + node + " did not start", e);
        }
    }

    EngineProcess node(int node) {
        return nodes[node];
    }

    /** The nodes but {@code left}. */
    List<EngineProcess> others(int left) {
        return IntStream.range(0, NODES).filter(i -> i != left).mapToObj(i -> nodes[i]).toList();
    }

    List<EngineProcess> all() {
        return List.of(nodes);
    }

    /** The cluster address of {@code node}, as {@code cluster.members} shows it. */
    String address(int node) {
        return "pekko://switchboard@127.0.0.1:" + cluster[node];
    }

    /** The shared address: the balancer's port on 127.0.0.1. */
    int alias() {
        return balancer.port();
    }

    /** Sends the traffic arriving at the alias to {@code node}. */
    void sendTo(int node) {
        balancer.sendTo(sip[node]);
    }

    PostgresSchema schema() {
        return schema;
    }

    /** Stops {@code node} with SIGTERM (it leaves the cluster, handing its shards over) and starts it again. */
    void restart(int node) throws Exception {
        EngineProcess stopping = nodes[node];
        assertEquals(0, stopping.terminate(60), stopping::output);
        launch(node, true);
        awaitMembers(node, NODES);
    }

    /** Waits until {@code node} sees {@code count} members, all up and reachable. */
    JsonNode awaitMembers(int node, int count) throws Exception {
        JsonNode members = nodes[node].rpc().await(90, m -> upMembers(m) == count, "cluster.members");
        assertEquals(count, upMembers(members), members::toString);
        return members;
    }

    private static int upMembers(JsonNode members) {
        int up = 0;
        for (JsonNode member : members) {
            up += member.get("status").asText().equals("up") && member.get("reachable").asBoolean() ? 1 : 0;
        }
        return members.size() == up ? up : -1;
    }

    /** Dialogs {@code nodes} hold between them, by {@code dlg.stats_active}. */
    static int activeDialogs(List<EngineProcess> nodes) throws Exception {
        int active = 0;
        for (EngineProcess node : nodes) {
            active += node.rpc().result("dlg.stats_active").get("all").asInt();
        }
        return active;
    }

    /** Waits until {@code nodes} hold {@code expected} dialogs between them; the last count. */
    static int awaitActive(List<EngineProcess> nodes, int expected, int seconds) throws Exception {
        long until = System.nanoTime() + seconds * 1_000_000_000L;
        int active = activeDialogs(nodes);
        while (active != expected && System.nanoTime() < until) {
            Thread.sleep(250);
            active = activeDialogs(nodes);
        }
        return active;
    }

    /** The sum of one statistic over {@code nodes}. */
    static long sum(List<EngineProcess> nodes, String statistic) throws Exception {
        long sum = 0;
        for (EngineProcess node : nodes) {
            sum += node.rpc().statistic(statistic);
        }
        return sum;
    }

    /** The dialogs each node holds ({@code dlg.list}), for assertion messages. */
    String dialogs() {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < NODES; i++) {
            try {
                out.append("\nnode ").append(i).append(" dlg.list: ").append(nodes[i].rpc().result("dlg.list"));
            } catch (Exception e) {
                out.append("\nnode ").append(i).append(": ").append(e);
            }
        }
        return out.toString();
    }

    /** Everything the nodes printed, for assertion messages. */
    String output() {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < NODES; i++) {
            out.append("\nnode ").append(i).append(":\n").append(nodes[i] == null ? "" : nodes[i].output());
        }
        return out.toString();
    }

    @Override
    public void close() throws Exception {
        synchronized (started) {
            started.forEach(EngineProcess::destroy);
        }
        balancer.close();
        schema.close();
    }
}
