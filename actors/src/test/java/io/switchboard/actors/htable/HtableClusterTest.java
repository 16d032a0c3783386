package io.switchboard.actors.htable;

import io.switchboard.persistence.CborSerializable;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import io.switchboard.actors.cluster.TwoNodes;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.typed.Cluster;
import org.junit.jupiter.api.Test;

/**
 * Two nodes in one JVM, each with its own actor system on a free port: a node joining gets the
 * tables in parts, writes on either node reach the other through the singleton owner, increments
 * from both are atomic, and when the owner's node leaves, the other node's owner takes over the
 * tables it had.
 */
class HtableClusterTest extends TwoNodes {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final HtableSettings SETTINGS = new HtableSettings(
            List.of(TableDefinition.parse("t=>"), TableDefinition.parse("c=>initval=0")), null, "::size", false,
            Duration.ofSeconds(20), Duration.ofSeconds(5));

    private static HashTables start(ActorSystem<?> system) throws Exception {
        HashTables tables = HashTables.start(system, SETTINGS, Clock.systemUTC());
        tables.ready().toCompletableFuture().get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        return tables;
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
        eventually(second, PATIENCE, () -> assertEquals(0, b.view().items("c").size()));

        a.sets("t", "from-a", "1");
        b.sets("t", "from-b", "2");
        eventually(second, PATIENCE, () -> assertEquals(Optional.of(HtValue.of("1")), b.get("t", "from-a")));
        eventually(first, PATIENCE, () -> assertEquals(Optional.of(HtValue.of("2")), a.get("t", "from-b")));

        for (int i = 0; i < 5; i++) {
            a.inc("c", "n");
            b.inc("c", "n");
        }
        assertEquals(OptionalLong.of(11), b.inc("c", "n"));

        first.shutdownTestKit();
        first = null;
        eventually(second, PATIENCE, () -> assertEquals(OptionalLong.of(12), b.inc("c", "n")));
        assertEquals(Optional.of(HtValue.of("1")), b.get("t", "from-a"), "the new owner adopted the tables");
        b.sets("t", "after", "3");
        eventually(second, PATIENCE, () -> assertEquals(Optional.of(HtValue.of("3")), b.get("t", "after")));
    }
}
