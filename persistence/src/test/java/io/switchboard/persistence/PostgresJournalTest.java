package io.switchboard.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;

/**
 * Events written to the PostgreSQL journal survive the actor system that wrote them; the schema
 * and the plugin's tables are created by the engine. Runs against the PostgreSQL of the test
 * machine (127.0.0.1:5432, database {@code test}, trust authentication) in a schema of its own,
 * dropped afterwards; tagged {@code postgres}, so only the Maven profile of that name runs it.
 */
@Tag("postgres")
class PostgresJournalTest extends JournalRoundTrip {

    static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";
    static final String USER = "postgres";

    private final String schema = "sb_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)
            .toLowerCase(Locale.ROOT);

    @Override
    Config switchboard() {
        return ConfigFactory.parseString("""
                switchboard.persistence {
                  journal = postgres
                  postgres { url = "%s", user = "%s", schema = "%s", pool-size = 4 }
                }
                """.formatted(URL, USER, schema)).withFallback(ConfigFactory.defaultReference()).getConfig("switchboard");
    }

    @Override
    void assertWritten() throws Exception {
        try (Connection connection = DriverManager.getConnection(URL, USER, "");
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + schema + ".event_journal")) {
            rows.next();
            assertEquals(3, rows.getInt(1));
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
