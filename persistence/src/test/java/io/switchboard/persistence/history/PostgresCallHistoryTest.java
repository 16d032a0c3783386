package io.switchboard.persistence.history;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.typesafe.config.ConfigFactory;
import io.switchboard.persistence.JournalSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The call history in the PostgreSQL database of the journal: the table is created in the
 * configured schema, batches land there, and the latest come back newest first. Runs against the
 * PostgreSQL of the test machine in a schema of its own, dropped afterwards.
 */
@Tag("postgres")
class PostgresCallHistoryTest {

    private static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";
    private static final String USER = "postgres";

    private final String schema = "sb_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)
            .toLowerCase(Locale.ROOT);

    @Test
    void callsAreWrittenInBatchesToTheConfiguredSchema() throws Exception {
        try (Connection connection = DriverManager.getConnection(URL, USER, "");
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        }
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

    @AfterEach
    void dropSchema() throws Exception {
        try (Connection connection = DriverManager.getConnection(URL, USER, "");
                Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }
}
