package io.switchboard.actors.htable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import io.switchboard.persistence.htable.HtableColumns;
import io.switchboard.persistence.htable.HtableDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.ManualTime;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorRefResolver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The hash tables of a node as routes use them: owner and replica on a non-cluster actor system,
 * scheduler and clock both moved by hand.
 */
class HashTablesTest {

    private static final String DB = "jdbc:h2:mem:hashtables_test;DB_CLOSE_DELAY=-1";
    private static final Duration TIMER = Duration.ofSeconds(20);

    private final ActorTestKit kit = ActorTestKit.create(ManualTime.config().withFallback(ConfigFactory.load()));
    private final ManualTime time = ManualTime.get(kit.system());
    private final ManualClock clock = new ManualClock(1_700_000_000_000L);

    @AfterEach
    void stop() {
        kit.shutdownTestKit();
    }

    private static HtableDatabase database() {
        return new HtableDatabase(DB, new HtableColumns("key_name", "key_type", "value_type", "key_value", "expires"),
                100);
    }

    private HashTables start(HtableDatabase database, String... specs) throws Exception {
        List<TableDefinition> tables = new ArrayList<>();
        for (String spec : specs) {
            tables.add(TableDefinition.parse(spec));
        }
        HashTables hashTables = HashTables.start(kit.system(),
                new HtableSettings(tables, database, "::size", true, TIMER, Duration.ofSeconds(3)), clock);
        hashTables.ready().toCompletableFuture().get(5, TimeUnit.SECONDS);
        return hashTables;
    }

    private static void ok(CompletableFuture<HtableOwner.Result> answer) throws Exception {
        HtableOwner.Result result = answer.get(5, TimeUnit.SECONDS);
        assertTrue(result.ok(), String.valueOf(result.error()));
    }

    @Test
    void aRouteReadsWhatItWroteAtOnce() throws Exception {
        HashTables ht = start(null, "a=>");
        ht.sets("a", "s", "abc");
        ht.seti("a", "n", 42);
        assertEquals(Optional.of(HtValue.of("abc")), ht.get("a", "s"));
        assertEquals(Optional.of(HtValue.of(42)), ht.get("a", "n"));
        ht.rm("a", "s");
        assertEquals(Optional.empty(), ht.get("a", "s"));
    }

    @Test
    void aMissingKeyReadsAsInitval() throws Exception {
        HashTables ht = start(null, "a=>", "c=>initval=7");
        assertEquals(Optional.empty(), ht.get("a", "x"));
        assertEquals(Optional.of(HtValue.of(7)), ht.get("c", "x"));
    }

    @Test
    void incrementsFromManyLanesAreAtomic() throws Exception {
        HashTables ht = start(null, "c=>initval=0");
        List<CompletableFuture<Void>> lanes = new ArrayList<>();
        for (int lane = 0; lane < 8; lane++) {
            lanes.add(CompletableFuture.runAsync(() -> {
                for (int i = 0; i < 50; i++) {
                    assertTrue(ht.inc("c", "hits").isPresent());
                }
            }));
        }
        CompletableFuture.allOf(lanes.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        assertEquals(OptionalLong.of(401), ht.inc("c", "hits"));
        assertEquals(OptionalLong.of(400), ht.dec("c", "hits"));
        assertEquals(Optional.of(HtValue.of(400)), ht.get("c", "hits"), "the view has the owner's value");
    }

    @Test
    void anIncrementWithoutInitvalOrOfAStringHasNoValue() throws Exception {
        HashTables ht = start(null, "a=>");
        assertEquals(OptionalLong.empty(), ht.inc("a", "missing"));
        ht.sets("a", "s", "abc");
        assertEquals(OptionalLong.empty(), ht.inc("a", "s"));
    }

    @Test
    void expiredItemsDisappearAtOnceAndTheOwnerSweepsThemEveryTimerInterval() throws Exception {
        HashTables ht = start(null, "ipban=>autoexpire=300");
        TestProbe<HtableReplica.Command> replica = kit.createTestProbe();
        ht.seti("ipban", "192.0.2.1", 1);
        ht.setxi("ipban", "192.0.2.2", 1, 10);
        ok(ht.ask("ipban", new HtableOp.Expire("192.0.2.1", 40), Duration.ofSeconds(5)).toCompletableFuture());
        subscribe(replica);
        HtableReplica.Replaced snapshot = replica.expectMessageClass(HtableReplica.Replaced.class);
        assertEquals(2, snapshot.items().size());
        assertTrue(snapshot.last());
        replica.expectMessageClass(HtableReplica.Snapshot.class);
        clock.advance(Duration.ofSeconds(10));
        assertEquals(Optional.empty(), ht.get("ipban", "192.0.2.2"), "gone from reads when it expires");
        assertEquals(Optional.of(HtValue.of(1)), ht.get("ipban", "192.0.2.1"));
        time.timePasses(TIMER);
        HtableReplica.Changed swept = replica.expectMessageClass(HtableReplica.Changed.class);
        assertEquals(List.of(new KeyChange("192.0.2.2", null)), swept.changes());
        clock.advance(Duration.ofSeconds(30));
        time.timePasses(TIMER);
        assertEquals(List.of(new KeyChange("192.0.2.1", null)),
                replica.expectMessageClass(HtableReplica.Changed.class).changes());
        assertEquals(Map.of(), ht.view().items("ipban"));
    }

    /** Subscribes the probe to the owner (a plain system actor here), as a second node's replica would. */
    private void subscribe(TestProbe<HtableReplica.Command> probe) {
        ActorRef<HtableOwner.Command> owner = ActorRefResolver.get(kit.system())
                .resolveActorRef(kit.system().path().root().child("system").child("htable-owner").toString());
        owner.tell(new HtableOwner.Subscribe(probe.ref()));
    }

    @Test
    void removalByPatternAndResetAreSeenOnceTheOwnerAppliedThem() throws Exception {
        HashTables ht = start(null, "a=>");
        ht.seti("a", "alice::auth_count", 3);
        ht.sets("a", "alice::last", "sip:alice@example.com");
        ht.sets("a", "bob::last", "sip:bob@example.org");
        ht.sets("a", "carol::last", "sip:carol@example.net");
        ht.rmNameRe("a", "^ALICE::auth");
        ht.rmValueRe("a", "example\\.org");
        ok(ht.ask("a", new HtableOp.Set("sync", HtValue.of(1), 0), Duration.ofSeconds(5)).toCompletableFuture());
        assertEquals(List.of("alice::last", "carol::last", "sync"),
                ht.view().items("a").keySet().stream().sorted().toList());
        ht.reset("a");
        ok(ht.ask("a", new HtableOp.Set("after", HtValue.of(1), 0), Duration.ofSeconds(5)).toCompletableFuture());
        assertEquals(List.of("after"), List.copyOf(ht.view().items("a").keySet()));
        assertThrows(IllegalArgumentException.class, () -> ht.rmNameRe("a", "("));
    }

    @Test
    void arrayKeysReadTheirElementsUpToTheSize() throws Exception {
        HashTables ht = start(null, "students=>");
        ht.sets("students", "course[0]", "maths");
        ht.sets("students", "course[1]", "physics");
        ht.sets("students", "course[2]", "chemistry");
        ht.seti("students", "course::size", 3);
        ht.rm("students", "course[1]");
        assertEquals(List.of(HtValue.of("maths"), HtValue.of("chemistry")), ht.array("students", "course"));
        assertEquals(List.of(), ht.array("students", "none"));
    }

    @Test
    void perItemExpiryThroughTheRouteApi() throws Exception {
        HashTables ht = start(null, "a=>autoexpire=300");
        ht.sets("a", "k", "v");
        ht.setex("a", "k", 5);
        ht.setxs("a", "x", "y", 2);
        ok(ht.ask("a", new HtableOp.Set("sync", HtValue.of(1), 0), Duration.ofSeconds(5)).toCompletableFuture());
        clock.advance(Duration.ofSeconds(2));
        assertEquals(Optional.empty(), ht.get("a", "x"));
        assertEquals(Optional.of(HtValue.of("v")), ht.get("a", "k"));
        clock.advance(Duration.ofSeconds(3));
        assertEquals(Optional.empty(), ht.get("a", "k"));
    }

    @Test
    void anUnknownTableIsAnError() throws Exception {
        HashTables ht = start(null, "a=>");
        assertThrows(IllegalArgumentException.class, () -> ht.get("b", "k"));
        assertThrows(IllegalArgumentException.class, () -> ht.sets("b", "k", "v"));
        assertThrows(IllegalArgumentException.class, () -> ht.inc("b", "k"));
        assertThrows(IllegalArgumentException.class, () -> ht.reset("b"));
    }

    @Test
    void tablesLoadFromTheDatabaseAtStartReloadAndAreWrittenBack() throws Exception {
        try (Connection c = DriverManager.getConnection(DB); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS htable_users");
            s.execute("CREATE TABLE htable_users (key_name VARCHAR(64), key_type INT, value_type INT,"
                    + " key_value VARCHAR(128), expires INT)");
            s.execute("INSERT INTO htable_users VALUES ('alice', 0, 0, 'gold', 0), ('course', 1, 0, 'maths', 0),"
                    + " ('course', 1, 0, 'physics', 0)");
        }
        HashTables ht = start(database(), "users=>dbtable=htable_users;dbmode=1");
        assertEquals(Optional.of(HtValue.of("gold")), ht.get("users", "alice"));
        assertEquals(List.of(HtValue.of("maths"), HtValue.of("physics")), ht.array("users", "course"));

        try (Connection c = DriverManager.getConnection(DB); Statement s = c.createStatement()) {
            s.execute("UPDATE htable_users SET key_value = 'platinum' WHERE key_name = 'alice'");
        }
        ht.seti("users", "bob", 5);
        ok(ht.reload("users", Duration.ofSeconds(5)).toCompletableFuture());
        assertEquals(Optional.of(HtValue.of("platinum")), ht.get("users", "alice"));
        assertEquals(Optional.empty(), ht.get("users", "bob"), "reload replaces the content");

        ht.seti("users", "bob", 5);
        ok(ht.save(Duration.ofSeconds(5)).toCompletableFuture());
        try (Connection c = DriverManager.getConnection(DB); Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("SELECT key_name, key_type, value_type, key_value FROM htable_users"
                        + " ORDER BY key_name")) {
            List<String> saved = new ArrayList<>();
            while (rows.next()) {
                saved.add(rows.getString(1) + "/" + rows.getInt(2) + "/" + rows.getInt(3) + "/" + rows.getString(4));
            }
            assertEquals(List.of("alice/0/0/platinum", "bob/0/1/5", "course::size/0/1/2", "course[0]/0/0/maths",
                    "course[1]/0/0/physics"), saved);
        }
    }

    @Test
    void reloadWithoutADatabaseFails() throws Exception {
        HashTables ht = start(null, "a=>");
        HtableOwner.Result result = ht.reload("a", Duration.ofSeconds(5)).toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertEquals(HtableOwner.Result.failed("no htable db-url"), result);
    }

    @Test
    void aTableThatCannotBeLoadedStopsTheStart() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> start(database(), "users=>dbtable=no_such_table"));
        assertTrue(e.getMessage().startsWith("cannot load table users from no_such_table"), e.getMessage());
    }
}
