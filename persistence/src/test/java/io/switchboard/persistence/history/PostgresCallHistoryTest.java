package io.switchboard.persistence.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import io.switchboard.persistence.JournalSettings;
import io.switchboard.persistence.SchemaLock;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The call history in the PostgreSQL database of the journal: the table is created in the
 * configured schema, batches land there, and the latest come back newest first; a node opening the
 * history while another node creates the table waits for it instead of colliding. Runs against the
 * PostgreSQL of the test machine in a schema of its own, dropped afterwards.
 */
@Tag("postgres")
class PostgresCallHistoryTest {

    private static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";
    private static final String USER = "postgres";

    private final String schema = "sb_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)
            .toLowerCase(Locale.ROOT);

    @BeforeEach
    void createSchema() throws Exception {
        try (Connection connection = DriverManager.getConnection(URL, USER, "");
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        }
    }

    @Test
    void callsAreWrittenInBatchesToTheConfiguredSchema() throws Exception {
        JournalSettings journal = JournalSettings.fromConfig(ConfigFactory.parseString("""
                switchboard.persistence {
                  journal = postgres
                  postgres { url = "%s", user = "%s", schema = "%s", pool-size = 2 }
                }
                """.formatted(URL, USER, schema)).withFallback(ConfigFactory.defaultReference()).getConfig("switchboard"));
        CallHistorySettings settings = CallHistoryWriterTest.settings(50, Duration.ofHours(1));
        CallHistoryWriter writer = new CallHistoryWriter(CallHistoryStore.of(journal, settings), settings);
        for (int n = 0; n < 120; n++) {
            writer.record(CallHistoryWriterTest.call(n));
        }
        writer.close();
        assertEquals(120, writer.written());
        assertEquals(3, writer.batches());

        try (Connection connection = DriverManager.getConnection(URL, USER, "");
                Statement statement = connection.createStatement()) {
            var rows = statement.executeQuery("SELECT COUNT(*), MIN(duration_ms), MAX(pdd_ms) FROM " + schema
                    + ".call_history");
            rows.next();
            assertEquals(120, rows.getLong(1));
            assertEquals(60_000, rows.getLong(2));
            assertEquals(300, rows.getLong(3));
        }
        try (CallHistoryStore store = CallHistoryStore.of(journal, settings)) {
            assertEquals(List.of(CallHistoryWriterTest.call(119), CallHistoryWriterTest.call(118)), store.latest(2));
        }
    }

    /**
     * Two nodes starting together on an empty database: while one holds the table's lock and
     * creates it (this test's own connection), the other's {@link JdbcCallHistory#open} waits on
     * the lock, as PostgreSQL's {@code pg_locks} shows, and creates nothing; once the first commits,
     * it finds the table and writes to it.
     */
    @Test
    void aNodeOpeningWhileAnotherCreatesTheTableWaitsForIt() throws Exception {
        String node = schema + "_second_node";
        try (Connection first = DriverManager.getConnection(URL + "?currentSchema=" + schema, USER, "");
                Statement creating = first.createStatement();
                Connection observer = DriverManager.getConnection(URL, USER, "")) {
            first.setAutoCommit(false);
            SchemaLock.take(creating);
            CompletableFuture<JdbcCallHistory> second = CompletableFuture.supplyAsync(() -> open(node));
            try {
                assertTrue(awaitWaitingForTheLock(observer, node), "the second node did not wait for the lock");
                assertFalse(second.isDone(), "the second node opened the history while the first held the lock");
                for (String ddl : JdbcCallHistory.DDL) {
                    creating.execute(ddl);
                }
            } finally {
                first.commit();
            }
            try (JdbcCallHistory history = second.get(10, TimeUnit.SECONDS)) {
                history.insert(List.of(CallHistoryWriterTest.call(1)));
                assertEquals(List.of(CallHistoryWriterTest.call(1)), history.latest(5));
            }
        }
    }

    /** The call history of the schema, opened by a connection named {@code node} in {@code pg_stat_activity}. */
    private JdbcCallHistory open(String node) {
        try {
            return JdbcCallHistory.open(() -> DriverManager.getConnection(URL + "?currentSchema=" + schema
                    + "&ApplicationName=" + node, USER, ""));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Whether the connection named {@code node} comes to wait for an advisory lock within 10 s, as
     * {@code observer} sees it (outside any transaction: {@code pg_stat_activity} is read once per transaction).
     */
    private static boolean awaitWaitingForTheLock(Connection observer, String node) throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        do {
            try (Statement statement = observer.createStatement();
                    ResultSet waiting = statement.executeQuery("SELECT COUNT(*) FROM pg_locks l JOIN pg_stat_activity a"
                    + " ON a.pid = l.pid WHERE l.locktype = 'advisory' AND NOT l.granted AND a.application_name = '"
                    + node + "'")) {
                waiting.next();
                if (waiting.getLong(1) > 0) {
                    return true;
                }
            }
            Thread.sleep(50);
        } while (System.nanoTime() < until);
        return false;
    }

    @AfterEach
    void dropSchema() throws Exception {
        try (Connection connection = DriverManager.getConnection(URL, USER, "");
                Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }
}
