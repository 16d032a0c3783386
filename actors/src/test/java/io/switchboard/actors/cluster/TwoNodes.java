package io.switchboard.actors.cluster;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.junit.jupiter.api.AfterEach;

/**
 * Two cluster nodes in one JVM for a test, each its own actor system on a free port of 127.0.0.1:
 * {@link #first} starts alone, {@link #second} joins it. Both are shut down after each test.
 */
public abstract class TwoNodes {

    protected ActorTestKit first;
    protected ActorTestKit second;

    @AfterEach
    void stopBoth() {
        if (second != null) {
            second.shutdownTestKit();
        }
        if (first != null) {
            first.shutdownTestKit();
        }
    }

    /** Retries {@code assertion} on {@code kit}'s system until it holds, {@code patience} at most. */
    protected static void eventually(ActorTestKit kit, Duration patience, Runnable assertion) {
        TestProbe<Object> probe = kit.createTestProbe();
        probe.awaitAssert(patience, () -> {
            assertion.run();
            return null;
        });
    }

    /** A node's configuration joining {@code seeds} (quoted addresses, comma-separated; empty: none). */
    public static Config node(String seeds) {
        return ConfigFactory.parseString("""
                pekko.actor.provider = cluster
                pekko.remote.artery.canonical { hostname = "127.0.0.1", port = 0 }
                pekko.cluster.seed-nodes = [%s]
                pekko.cluster.jmx.multi-mbeans-in-same-jvm = on
                pekko.loglevel = WARNING
                """.formatted(seeds)).withFallback(ConfigFactory.load());
    }
}
