package io.switchboard.persistence.dispatcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The dispatcher table (seed manual 002, 3.2–3.7) on an in-memory H2 database. */
class DestinationTableTest {

    private static final String URL = "jdbc:h2:mem:dispatcher_test;DB_CLOSE_DELAY=-1";

    private Connection keeper;

    @BeforeEach
    void createTable() throws Exception {
        keeper = DriverManager.getConnection(URL);
        try (Statement s = keeper.createStatement()) {
            s.execute("CREATE TABLE dispatcher (id INT AUTO_INCREMENT PRIMARY KEY, setid INT NOT NULL DEFAULT 0, "
                    + "destination VARCHAR(192) NOT NULL DEFAULT '', flags INT NOT NULL DEFAULT 0, "
                    + "priority INT NOT NULL DEFAULT 0, attrs VARCHAR(128) DEFAULT '', description VARCHAR(64))");
        }
    }

    @AfterEach
    void dropTable() throws Exception {
        try (Statement s = keeper.createStatement()) {
            s.execute("DROP TABLE IF EXISTS dispatcher");
            s.execute("DROP TABLE IF EXISTS gateways");
        }
        keeper.close();
    }

    private void insert(String values) throws Exception {
        try (Statement s = keeper.createStatement()) {
            s.execute("INSERT INTO dispatcher (setid, destination, flags, priority, attrs) VALUES " + values);
        }
    }

    private static DestinationTable table() {
        return new DestinationTable(URL, "dispatcher", DestinationTable.Columns.DEFAULT);
    }

    @Test
    void rowsAreDestinations() throws Exception {
        insert("(1, 'sip:127.0.0.1:7070', 0, 0, 'weight=50'), (1, 'sip:127.0.0.1:7072', 8, 5, NULL)");
        List<DestinationRecord> records = table().load();
        assertEquals(List.of(
                new DestinationRecord(1, "sip:127.0.0.1:7070", 0, 0, "weight=50", "table dispatcher row 1"),
                new DestinationRecord(1, "sip:127.0.0.1:7072", 8, 5, "", "table dispatcher row 2")), records);
    }

    @Test
    void anEmptyTableIsNoSets() throws Exception {
        assertEquals(List.of(), table().load());
    }

    @Test
    void aBadRowIsReportedByNumber() throws Exception {
        insert("(1, 'sip:127.0.0.1:7070', 0, 0, ''), (2, 'sip:bad host', 0, 0, '')");
        DestinationLoadException e = assertThrows(DestinationLoadException.class, () -> table().load());
        assertTrue(e.getMessage().startsWith("table dispatcher row 2: 'sip:bad host' is not a SIP URI"), e.getMessage());
    }

    @Test
    void otherColumnNamesAreUsed() throws Exception {
        try (Statement s = keeper.createStatement()) {
            s.execute("CREATE TABLE gateways (grp INT, uri VARCHAR(100), f INT, prio INT, a VARCHAR(100))");
            s.execute("INSERT INTO gateways VALUES (4, 'sip:gw.example.com', 0, 1, 'duid=gw1')");
        }
        var table = new DestinationTable(URL, "gateways", new DestinationTable.Columns("grp", "uri", "f", "prio", "a"));
        assertEquals(List.of(new DestinationRecord(4, "sip:gw.example.com", 0, 1, "duid=gw1", "table gateways row 1")),
                table.load());
    }

    @Test
    void aMissingTableIsReported() {
        var table = new DestinationTable(URL, "nothing_here", DestinationTable.Columns.DEFAULT);
        DestinationLoadException e = assertThrows(DestinationLoadException.class, table::load);
        assertTrue(e.getMessage().startsWith("table nothing_here: cannot be read"), e.getMessage());
    }

    @Test
    void namesThatAreNotIdentifiersAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new DestinationTable(URL, "dispatcher; DROP TABLE x",
                DestinationTable.Columns.DEFAULT));
    }
}
