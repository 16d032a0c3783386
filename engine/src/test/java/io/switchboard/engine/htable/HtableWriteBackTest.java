package io.switchboard.engine.htable;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.switchboard.engine.Engine;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** dbmode=1: the table is loaded at start and written back when the engine stops (htable README §3.1). */
class HtableWriteBackTest {

    private static final String DB = "jdbc:h2:mem:htable_write_back;DB_CLOSE_DELAY=-1";

    private static Engine start() {
        return TestEngine.start("""
                htable {
                  tables = ["ipban=>size=8;autoexpire=300;dbtable=htable_ipban;dbmode=1"]
                  db-url = "%s"
                  db-expires = 1
                }
                """.formatted(DB));
    }

    @Test
    void theTableSurvivesARestart() throws Exception {
        long later = System.currentTimeMillis() / 1000 + 100;
        try (Connection c = DriverManager.getConnection(DB); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE htable_ipban (key_name VARCHAR(64), key_type INT, value_type INT,"
                    + " key_value VARCHAR(128), expires INT)");
            s.execute("INSERT INTO htable_ipban VALUES ('192.0.2.1', 0, 1, '1', " + later + ")");
        }
        Engine engine = start();
        assertEquals(0, Ctl.call(engine, "htable.seti", "ipban", "192.0.2.2", "3").status());
        engine.stop().toCompletableFuture().join();

        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(DB); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT key_name, value_type, key_value, expires FROM htable_ipban"
                        + " ORDER BY key_name")) {
            while (r.next()) {
                rows.add(r.getString(1) + " " + r.getInt(2) + " " + r.getString(3) + " " + (r.getLong(4) > 0));
            }
        }
        assertEquals(List.of("192.0.2.1 1 1 true", "192.0.2.2 1 3 true"), rows);

        Engine again = start();
        try {
            assertEquals(3, Ctl.call(again, "htable.get", "ipban", "192.0.2.2").result().get("item").get("value").asInt());
        } finally {
            again.stop().toCompletableFuture().join();
        }
    }
}
