package io.switchboard.actors.htable;

import static io.switchboard.actors.cluster.TwoNodes.PATIENCE;
import static io.switchboard.actors.cluster.TwoNodes.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.switchboard.actors.cluster.TwoNodes;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.typed.ActorSystem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two nodes in one JVM, each with its own actor system on a free port: a node joining gets the
 * tables in parts, writes on either node reach the other through the singleton owner, increments
 * from both are atomic, and when the owner's node leaves, the other node's owner takes over the
 * tables it had.
 */
class HtableClusterTest {

    private static final HtableSettings SETTINGS = new HtableSettings(
            List.of(TableDefinition.parse("t=>"), TableDefinition.parse("c=>initval=0")), null, "::size", false,
            Duration.ofSeconds(20), Duration.ofSeconds(5));

    private final TwoNodes nodes = new TwoNodes("htable");

    @AfterEach
    void stop() {
        nodes.stop();
    }

    private static HashTables start(ActorSystem<?> system) throws Exception {
        HashTables tables = HashTables.start(system, SETTINGS, Clock.systemUTC());
        tables.ready().toCompletableFuture().get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        return tables;
    }

    @Test
    void bothNodesShareTheTablesAndTheSecondKeepsThemWhenTheFirstLeaves() throws Exception {
        ActorTestKit first = nodes.startFirst();
        HashTables a = start(first.system());
        int many = HtableOwner.PART * 2 + 500;
        for (int i = 0; i < many; i++) {
            a.seti("c", "key" + i, i);
        }
        a.ask("c", new HtableOp.Delete("sync"), PATIENCE).toCompletableFuture().get(30, TimeUnit.SECONDS);
        ActorTestKit second = nodes.startSecond();
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

        nodes.stopFirst();
        eventually(second, () -> assertEquals(OptionalLong.of(12), b.inc("c", "n")));
        assertEquals(Optional.of(HtValue.of("1")), b.get("t", "from-a"), "the new owner adopted the tables");
        b.sets("t", "after", "3");
        eventually(second, () -> assertEquals(Optional.of(HtValue.of("3")), b.get("t", "after")));
    }
}
