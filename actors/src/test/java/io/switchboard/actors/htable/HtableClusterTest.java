package io.switchboard.actors.htable;

import io.switchboard.persistence.CborSerializable;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.typed.Cluster;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two nodes in one JVM, each with its own actor system on a free port: a node joining gets the
 * tables in parts, writes on either node reach the other through the singleton owner, increments
 * from both are atomic, and when the owner's node leaves, the other node's owner takes over the
 * tables it had.
 */
class HtableClusterTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final HtableSettings SETTINGS = new HtableSettings(
            List.of(TableDefinition.parse("t=>"), TableDefinition.parse("c=>initval=0")), null, "::size", false,
            Duration.ofSeconds(20), Duration.ofSeconds(5));

    private ActorTestKit first;
    private ActorTestKit second;

    @AfterEach
    void stop() {
        if (second != null) {
            second.shutdownTestKit();
        }
        if (first != null) {
            first.shutdownTestKit();
        }
    }

    private static Config node(String seeds) {
        return ConfigFactory.parseString("""
                pekko.actor.provider = cluster
                pekko.remote.artery.canonical { hostname = "127.0.0.1", port = 0 }
                pekko.cluster.seed-nodes = [%s]
                pekko.cluster.jmx.multi-mbeans-in-same-jvm = on
                pekko.loglevel = WARNING
                """.formatted(seeds)).withFallback(ConfigFactory.load());
    }

    private static HashTables start(ActorSystem<?> system) throws Exception {
        HashTables tables = HashTables.start(system, SETTINGS, Clock.systemUTC());
        tables.ready().toCompletableFuture().get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        return tables;
    }

    private void eventually(ActorTestKit kit, Runnable assertion) {
        TestProbe<Object> probe = kit.createTestProbe();
        probe.awaitAssert(PATIENCE, () -> {
            assertion.run();
            return null;
        });
    }

    @Test
    void bothNodesShareTheTablesAndTheSecondKeepsThemWhenTheFirstLeaves() throws Exception {
        first = ActorTestKit.create("htable", node(""));
        HashTables a = start(first.system());
        int many = HtableOwner.PART * 2 + 500;
        for (int i = 0; i < many; i++) {
            a.seti("c", "key" + i, i);
        }
        a.ask("c", new HtableOp.Delete("sync"), PATIENCE).toCompletableFuture().get(30, TimeUnit.SECONDS);
        String seed = Cluster.get(first.system()).selfMember().address().toString();
        second = ActorTestKit.create("htable", node("\"" + seed + "\""));
        HashTables b = start(second.system());
        assertEquals(many, b.view().items("c").size(), "the snapshot came in parts");
        a.ask("c", new HtableOp.Flush(), PATIENCE).toCompletableFuture().get(30, TimeUnit.SECONDS);
        eventually(second, () -> assertEquals(0, b.view().items("c").size()));

        a.sets("t", "from-a", "1");
        b.sets("t", "from-b", "2");
        eventually(second, () -> assertEquals(Optional.of(HtValue.of("1")), b.get("t", "from-a")));
        eventually(first, () -> assertEquals(Optional.of(HtValue.of("2")), a.get("t", "from-b")));

        for (int i = 0; i < 5; i++) {
            a.inc("c", "n");
            b.inc("c", "n");
        }
        assertEquals(OptionalLong.of(11), b.inc("c", "n"));

        first.shutdownTestKit();
        first = null;
        eventually(second, () -> assertEquals(OptionalLong.of(12), b.inc("c", "n")));
        assertEquals(Optional.of(HtValue.of("1")), b.get("t", "from-a"), "the new owner adopted the tables");
        b.sets("t", "after", "3");
        eventually(second, () -> assertEquals(Optional.of(HtValue.of("3")), b.get("t", "after")));
    }
}
