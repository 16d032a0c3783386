package io.switchboard.actors.htable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.switchboard.persistence.htable.HtableRow;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Rows to items and back, as Kamailio's {@code ht_db.c}: arrays, value types, expiry. */
class TableRowsTest {

    private static final long NOW = 1_700_000_000_000L;

    @Test
    void rowsOfAnArrayKeyBecomeElementsAndASize() {
        TableDefinition t = TableDefinition.parse("htable=>");
        Map<String, HtItem> items = TableRows.items(t, List.of(
                new HtableRow("alice", 0, 0, "x", 0),
                new HtableRow("key", 1, 0, "value1", 0),
                new HtableRow("key", 1, 0, "value2", 0),
                new HtableRow("key", 1, 0, "value3", 0),
                new HtableRow("n", 0, 1, " 42", 0),
                new HtableRow("z", 1, 1, "7", 0)), "::size", NOW);
        assertEquals(Map.of(
                "alice", new HtItem(HtValue.of("x"), 0),
                "key[0]", new HtItem(HtValue.of("value1"), 0),
                "key[1]", new HtItem(HtValue.of("value2"), 0),
                "key[2]", new HtItem(HtValue.of("value3"), 0),
                "key::size", new HtItem(HtValue.of(3), 0),
                "n", new HtItem(HtValue.of(42), 0),
                "z[0]", new HtItem(HtValue.of(7), 0),
                "z::size", new HtItem(HtValue.of(1), 0)), items);
    }

    @Test
    void theSizeSuffixIsTheParameters() {
        Map<String, HtItem> items = TableRows.items(TableDefinition.parse("h=>"),
                List.of(new HtableRow("key", 1, 0, "v", 0)), "-count", NOW);
        assertEquals(1, items.get("key-count").value().asLong());
    }

    @Test
    void storedExpiryIsKeptAndPassedOnesAreSkippedInTablesThatExpire() {
        TableDefinition t = TableDefinition.parse("ipban=>autoexpire=300");
        long later = NOW / 1000 + 60;
        Map<String, HtItem> items = TableRows.items(t, List.of(
                new HtableRow("old", 0, 1, "1", NOW / 1000 - 1),
                new HtableRow("kept", 0, 1, "1", later),
                new HtableRow("fresh", 0, 1, "1", 0)), "::size", NOW);
        assertEquals(Map.of("kept", new HtItem(HtValue.of(1), later * 1000),
                "fresh", new HtItem(HtValue.of(1), NOW + 300_000)), items);
    }

    @Test
    void anIntegerRowThatDoesNotParseIsReported() {
        assertEquals("table htable_a: key 'n' has value_type 1 but 'many' is not an integer",
                assertThrows(IllegalArgumentException.class, () -> TableRows.items(
                        TableDefinition.parse("a=>dbtable=htable_a"), List.of(new HtableRow("n", 0, 1, "many", 0)),
                        "::size", NOW)).getMessage());
    }

    @Test
    void liveItemsBecomeSimpleRowsWithTheirExpiryInSeconds() {
        List<HtableRow> rows = TableRows.rows(Map.of(
                "key[0]", new HtItem(HtValue.of("v"), 0),
                "n", new HtItem(HtValue.of(5), NOW + 60_000),
                "gone", new HtItem(HtValue.of(5), NOW - 1)), NOW);
        assertEquals(2, rows.size());
        assertEquals(new HtableRow("key[0]", 0, 0, "v", 0),
                rows.stream().filter(r -> r.keyName().equals("key[0]")).findFirst().orElseThrow());
        assertEquals(new HtableRow("n", 0, 1, "5", NOW / 1000 + 60),
                rows.stream().filter(r -> r.keyName().equals("n")).findFirst().orElseThrow());
    }
}
