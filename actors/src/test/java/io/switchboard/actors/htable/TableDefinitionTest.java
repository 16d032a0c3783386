package io.switchboard.actors.htable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Kamailio's table definitions (htable README §3.1) and the item rules of {@code ht_api.c}. */
class TableDefinitionTest {

    private static final long NOW = 1_700_000_000_000L;

    @Test
    void parsesEveryAttribute() {
        TableDefinition t = TableDefinition.parse("ipban=>size=8;autoexpire=300;updateexpire=0;initval=5;"
                + "dbtable=htable_ipban;dbmode=1;dmqreplicate=1;");
        assertEquals("ipban", t.name());
        assertEquals(256, t.slots());
        assertEquals(300, t.autoexpire());
        assertFalse(t.updateexpire());
        assertEquals(5L, t.initval());
        assertEquals("htable_ipban", t.dbtable());
        assertEquals(1, t.dbmode());
        assertEquals(1, t.dmqreplicate());
    }

    @Test
    void defaultsAreKamailios() {
        TableDefinition t = TableDefinition.parse("a=>");
        assertEquals(16, t.slots(), "size 4");
        assertEquals(0, t.autoexpire());
        assertTrue(t.updateexpire());
        assertNull(t.initval());
        assertEquals("", t.dbtable());
        assertEquals(0, t.dbmode());
    }

    @Test
    void sizeOutOfRangeIsBroughtBackAsKamailioDoes() {
        assertEquals(8, TableDefinition.parse("a=>size=1").slots());
        assertEquals(16384, TableDefinition.parse("a=>size=40").slots());
        assertEquals(4, TableDefinition.parse("a=>size=2").slots());
    }

    @Test
    void spacesAndQuotesAreTolerated() {
        TableDefinition t = TableDefinition.parse(" users => size = 10 ; dbtable = \"htable\" ");
        assertEquals("users", t.name());
        assertEquals(1024, t.slots());
        assertEquals("htable", t.dbtable());
    }

    @Test
    void aBadDefinitionIsRefusedNamingWhatIsWrong() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TableDefinition.parse("a:size=8"))
                .getMessage().contains("name=>attributes"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TableDefinition.parse("=>size=8"))
                .getMessage().contains("no table name"));
        assertEquals("table a: unknown attribute 'sise'",
                assertThrows(IllegalArgumentException.class, () -> TableDefinition.parse("a=>sise=8")).getMessage());
        assertEquals("table a: autoexpire must be an integer, not 'soon'",
                assertThrows(IllegalArgumentException.class, () -> TableDefinition.parse("a=>autoexpire=soon"))
                        .getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TableDefinition.parse("a=>dbmode=2"))
                .getMessage().contains("dbmode must be between 0 and 1"));
        assertEquals("table a: attribute cols is not supported",
                assertThrows(IllegalArgumentException.class, () -> TableDefinition.parse("a=>cols='x,y'")).getMessage());
    }

    @Test
    void aNewItemExpiresAfterAutoexpireAndNeverWithout() {
        HtItem item = TableDefinition.parse("a=>autoexpire=300").set(null, HtValue.of("x"), 0, NOW);
        assertEquals(NOW + 300_000, item.expires());
        assertFalse(item.isExpiredAt(NOW + 299_999));
        assertTrue(item.isExpiredAt(NOW + 300_000));
        assertEquals(0, TableDefinition.parse("a=>").set(null, HtValue.of("x"), 0, NOW).expires());
    }

    @Test
    void updateexpireDecidesWhetherASetStartsTheExpiryAgain() {
        HtItem first = new HtItem(HtValue.of(1), NOW + 100_000);
        assertEquals(NOW + 300_000,
                TableDefinition.parse("a=>autoexpire=300;updateexpire=1").set(first, HtValue.of(2), 0, NOW).expires());
        assertEquals(NOW + 100_000,
                TableDefinition.parse("a=>autoexpire=300;updateexpire=0").set(first, HtValue.of(2), 0, NOW).expires());
    }

    @Test
    void setWithSecondsExpiresThenOnlyInTablesThatExpire() {
        assertEquals(NOW + 5_000, TableDefinition.parse("a=>autoexpire=300").set(null, HtValue.of(1), 5, NOW).expires());
        assertEquals(0, TableDefinition.parse("a=>").set(null, HtValue.of(1), 5, NOW).expires());
    }

    @Test
    void addStartsFromInitvalAndRefusesStringsAndMissingKeysWithoutIt() {
        TableDefinition counting = TableDefinition.parse("a=>initval=10;autoexpire=60");
        assertEquals(11, counting.add(null, 1, NOW).value().asLong());
        assertEquals(NOW + 60_000, counting.add(null, 1, NOW).expires());
        assertEquals(4, counting.add(new HtItem(HtValue.of(5), 0), -1, NOW).value().asLong());
        assertNull(counting.add(new HtItem(HtValue.of("five"), 0), 1, NOW));
        assertNull(TableDefinition.parse("a=>").add(null, 1, NOW));
    }

    @Test
    void addKeepsTheExpiryWithoutUpdateexpire() {
        TableDefinition window = TableDefinition.parse("a=>initval=0;autoexpire=10;updateexpire=0");
        HtItem first = window.add(null, 1, NOW);
        assertEquals(NOW + 10_000, window.add(first, 1, NOW + 5_000).expires());
    }

    @Test
    void expireInSetsOrClearsTheExpiryOnlyInTablesThatExpire() {
        HtItem item = new HtItem(HtValue.of("x"), NOW + 300_000);
        TableDefinition expiring = TableDefinition.parse("a=>autoexpire=300");
        assertEquals(NOW + 7_000, expiring.expireIn(item, 7, NOW).expires());
        assertEquals(0, expiring.expireIn(item, 0, NOW).expires());
        assertSame(item, TableDefinition.parse("a=>").expireIn(item, 7, NOW));
    }

    @Test
    void slotsSpreadKeysWithinTheTable() {
        TableDefinition t = TableDefinition.parse("a=>size=3");
        for (int i = 0; i < 100; i++) {
            int slot = t.slotOf("key" + i);
            assertTrue(slot >= 0 && slot < 8, "slot " + slot);
        }
    }
}
