package io.switchboard.engine.htable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.engine.Engine;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The htable.* commands over HTTP against a running engine, with Kamailio's answer shapes. */
class HtableCommandsTest {

    static final String DB = "jdbc:h2:mem:htable_commands;DB_CLOSE_DELAY=-1";
    private static Engine engine;

    @BeforeAll
    static void start() throws SQLException {
        sql("DROP TABLE IF EXISTS htable_users",
                "CREATE TABLE htable_users (key_name VARCHAR(64), key_type INT, value_type INT, key_value VARCHAR(128),"
                        + " expires INT)",
                "INSERT INTO htable_users VALUES ('alice', 0, 0, 'gold', 0), ('course', 1, 0, 'maths', 0)");
        engine = TestEngine.start("""
                htable {
                  tables = ["t=>size=2", "ipban=>size=8;autoexpire=300", "users=>dbtable=htable_users"]
                  db-url = "%s"
                }
                """.formatted(DB));
    }

    @AfterAll
    static void stop() {
        engine.stop().toCompletableFuture().join();
    }

    static void sql(String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection(DB); Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    private static JsonNode ok(String... command) {
        Ctl answer = Ctl.call(engine, command);
        assertEquals(0, answer.status(), answer.error());
        return answer.result();
    }

    private static String fault(String... command) {
        Ctl answer = Ctl.call(engine, command);
        assertEquals(1, answer.status(), String.valueOf(answer.result()));
        return answer.error();
    }

    @Test
    void setsSetiGetAndDelete() {
        assertNull(ok("htable.sets", "t", "x", "abc"), "nothing printed, as kamcmd");
        JsonNode item = ok("htable.get", "t", "x").get("item");
        assertEquals("x", item.get("name").asText());
        assertEquals("abc", item.get("value").asText());
        assertEquals(2, item.get("flags").asInt(), "AVP_VAL_STR");
        assertEquals("NEVER", item.get("expire").asText());
        ok("htable.seti", "t", "n", "123");
        item = ok("htable.get", "t", "n").get("item");
        assertEquals(123, item.get("value").asInt());
        assertTrue(item.get("value").isNumber());
        assertEquals(0, item.get("flags").asInt());
        ok("htable.delete", "t", "x");
        assertTrue(fault("htable.get", "t", "x").contains("Key name doesn't exist in htable."));
    }

    @Test
    void anItemOfAnExpiringTableShowsWhenItExpires() {
        ok("htable.seti", "ipban", "192.0.2.7", "1");
        String expire = ok("htable.get", "ipban", "192.0.2.7").get("item").get("expire").asText();
        assertTrue(expire.matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d"), expire);
    }

    @Test
    void arrayElementsAreAddressedByIndex() {
        ok("htable.sets", "t", "x[0]", "abc");
        assertEquals("abc", ok("htable.get", "t", "x[0]").get("item").get("value").asText());
        assertEquals("maths", ok("htable.get", "users", "course[0]").get("item").get("value").asText());
        assertEquals(1, ok("htable.get", "users", "course::size").get("item").get("value").asInt());
    }

    @Test
    void unknownTablesAndBadValuesAreFaults() {
        String error = fault("htable.get", "nope", "x");
        assertTrue(error.contains("500") && error.contains("No such htable"), error);
        assertTrue(fault("htable.dump", "nope").contains("No such htable"));
        assertTrue(fault("htable.seti", "t", "n", "many").contains("must be an integer"));
        assertTrue(fault("htable.sets", "t").contains("missing parameter 'key'"));
    }

    @Test
    void dumpGroupsItemsBySlot() {
        ok("htable.flush", "t");
        ok("htable.sets", "t", "a", "1st");
        ok("htable.seti", "t", "b", "2");
        ok("htable.seti", "t", "c", "3");
        JsonNode dump = ok("htable.dump", "t");
        List<String> names = new ArrayList<>();
        int items = 0;
        for (JsonNode entry : dump) {
            assertTrue(entry.get("entry").asInt() < 4, "size=2: four slots");
            assertEquals(entry.get("size").asInt(), entry.get("slot").size());
            for (JsonNode cell : entry.get("slot")) {
                names.add(cell.get("name").asText());
                assertEquals(cell.get("name").asText().equals("a") ? "str" : "int", cell.get("type").asText());
                items++;
            }
        }
        assertEquals(3, items);
        assertEquals(List.of("a", "b", "c"), names.stream().sorted().toList());
    }

    @Test
    void flushEmptiesATable() {
        ok("htable.seti", "ipban", "192.0.2.1", "1");
        ok("htable.flush", "ipban");
        assertEquals(0, ok("htable.dump", "ipban").size());
    }

    @Test
    void listTablesShowsEachDefinition() {
        JsonNode tables = ok("htable.listTables");
        assertEquals(3, tables.size());
        JsonNode ipban = null;
        for (JsonNode table : tables) {
            if (table.get("name").asText().equals("ipban")) {
                ipban = table;
            }
        }
        assertEquals("{\"name\":\"ipban\",\"dbtable\":\"\",\"dbmode\":0,\"expire\":300,\"updateexpire\":1,"
                + "\"size\":256,\"dmqreplicate\":0}", String.valueOf(ipban));
    }

    @Test
    void statsCountItemsPerSlot() {
        ok("htable.flush", "ipban");
        for (int i = 0; i < 20; i++) {
            ok("htable.seti", "ipban", "10.0.0." + i, "1");
        }
        JsonNode stats = null;
        for (JsonNode table : ok("htable.stats")) {
            if (table.get("name").asText().equals("ipban")) {
                stats = table;
            }
        }
        assertEquals(256, stats.get("slots").asInt());
        assertEquals(20, stats.get("all").asInt());
        assertEquals(0, stats.get("min").asInt(), "20 items cannot fill 256 slots");
        assertTrue(stats.get("max").asInt() >= 1);
    }

    @Test
    void reloadReadsTheDatabaseTableAgain() throws SQLException {
        assertEquals("gold", ok("htable.get", "users", "alice").get("item").get("value").asText());
        sql("UPDATE htable_users SET key_value = 'platinum' WHERE key_name = 'alice'");
        ok("htable.sets", "users", "bob", "temporary");
        ok("htable.reload", "users");
        assertEquals("platinum", ok("htable.get", "users", "alice").get("item").get("value").asText());
        assertTrue(fault("htable.get", "users", "bob").contains("Key name doesn't exist"));
        assertTrue(fault("htable.reload", "t").contains("table t has no dbtable"));
    }
}
