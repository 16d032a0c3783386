package io.switchboard.persistence.htable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Loading and writing back a table in Kamailio's htable schema, on H2 in memory. */
class HtableDatabaseTest {

    private static final String URL = "jdbc:h2:mem:htable_db_test;DB_CLOSE_DELAY=-1";

    private final HtableDatabase database = new HtableDatabase(URL,
            new HtableColumns("key_name", "key_type", "value_type", "key_value", "expires"), 2);

    @BeforeEach
    void schema() throws SQLException {
        try (Connection c = DriverManager.getConnection(URL); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS htable");
            s.execute("CREATE TABLE htable (id INT AUTO_INCREMENT PRIMARY KEY, key_name VARCHAR(64) NOT NULL,"
                    + " key_type INT DEFAULT 0 NOT NULL, value_type INT DEFAULT 0 NOT NULL,"
                    + " key_value VARCHAR(128) DEFAULT '' NOT NULL, expires INT DEFAULT 0 NOT NULL)");
            s.execute("INSERT INTO htable (key_name, key_type, value_type, key_value, expires) VALUES"
                    + " ('key', 1, 0, 'value3', 0), ('alice', 0, 1, '7', 1900000000), ('key', 1, 0, 'value2', 0)");
        }
    }

    @Test
    void loadsOrderedByKeyNameFetchRowsAtATime() throws SQLException {
        List<HtableRow> rows = database.load("htable", true);
        assertEquals(List.of("alice", "key", "key"), rows.stream().map(HtableRow::keyName).toList());
        assertEquals(new HtableRow("alice", 0, 1, "7", 1_900_000_000L), rows.get(0));
    }

    @Test
    void withoutDbExpiresTheExpiresColumnIsNotRead() throws SQLException {
        assertEquals(0, database.load("htable", false).get(0).expires());
    }

    @Test
    void replaceWritesTheRowsInsteadOfTheOldOnes() throws SQLException {
        database.replace("htable", List.of(new HtableRow("n", 0, 1, "5", 123), new HtableRow("s", 0, 0, "x", 0)), true);
        assertEquals(List.of(new HtableRow("n", 0, 1, "5", 123), new HtableRow("s", 0, 0, "x", 0)),
                database.load("htable", true));
    }

    @Test
    void aFailedReplaceLeavesTheTableAsItWas() throws SQLException {
        List<HtableRow> tooLong = List.of(new HtableRow("x".repeat(100), 0, 0, "v", 0));
        assertThrows(SQLException.class, () -> database.replace("htable", tooLong, false));
        assertEquals(3, database.load("htable", false).size());
    }

    @Test
    void namesThatAreNotPlainSqlAreRefused() {
        assertEquals("'htable; DROP TABLE x' is not a plain SQL name (letters, digits, '_')",
                assertThrows(IllegalArgumentException.class, () -> database.load("htable; DROP TABLE x", false))
                        .getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new HtableColumns("key name", "key_type", "value_type", "key_value", "expires"));
    }
}
