package io.switchboard.actors.cluster;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.cluster.typed.Cluster;

/**
 * The two nodes of a cluster test, in the test's JVM: each its own actor system on 127.0.0.1 and
 * a free port, the first forming the cluster alone, the second joining it. A test stops them
 * after each run ({@link #stop()}).
 */
public final class TwoNodes {

    /** How long a cluster test waits for a node to join, a singleton to move, a change to arrive. */
    public static final Duration PATIENCE = Duration.ofSeconds(30);

    private final String name;
    private final Config extra;
    private ActorTestKit first;
    private ActorTestKit second;

    /** Nodes of the cluster {@code name}, configured with {@code extra} over the cluster settings. */
    public TwoNodes(String name, Config extra) {
        this.name = name;
        this.extra = extra;
    }

    public TwoNodes(String name) {
        this(name, ConfigFactory.empty());
    }

    /** Starts the first node. */
    public ActorTestKit startFirst() {
        first = ActorTestKit.create(name, node(""));
        return first;
    }

    /** Starts the second node, joining the first. */
    public ActorTestKit startSecond() {
        second = ActorTestKit.create(name, node("\"" + Cluster.get(first.system()).selfMember().address() + "\""));
        return second;
    }

    /** Shuts the first node down: it leaves the cluster, and its singletons move to the second. */
    public void stopFirst() {
        first.shutdownTestKit();
        first = null;
    }

    /** Shuts the second node down: it leaves the cluster. */
    public void stopSecond() {
        second.shutdownTestKit();
        second = null;
    }

    /** Shuts down the nodes still running. */
    public void stop() {
        if (second != null) {
            second.shutdownTestKit();
        }
        if (first != null) {
            first.shutdownTestKit();
        }
    }

    private Config node(String seeds) {
        return extra.withFallback(ConfigFactory.parseString("""
                pekko.actor.provider = cluster
                pekko.remote.artery.canonical { hostname = "127.0.0.1", port = 0 }
                pekko.cluster.seed-nodes = [%s]
                pekko.cluster.jmx.multi-mbeans-in-same-jvm = on
                pekko.loglevel = WARNING
                """.formatted(seeds))).withFallback(ConfigFactory.load());
    }

    /** Runs {@code assertion} until it passes, for at most {@link #PATIENCE}. */
    public static void eventually(ActorTestKit kit, Runnable assertion) {
        TestProbe<Object> probe = kit.createTestProbe();
        probe.awaitAssert(PATIENCE, () -> {
            assertion.run();
            return null;
        });
    }
}
