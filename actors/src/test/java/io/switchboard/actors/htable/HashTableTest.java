package io.switchboard.actors.htable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.regex.PatternSyntaxException;
import org.junit.jupiter.api.Test;

/** The owner's copy of a table: every operation and expiry, with time given by hand. */
class HashTableTest {

    private static final long T0 = 1_700_000_000_000L;

    private static HashTable table(String spec) {
        return new HashTable(TableDefinition.parse(spec));
    }

    /** A table of {@code spec} holding {@code pairs} (key, value, key, value, ...) set at {@code T0}. */
    private static HashTable with(String spec, Object... pairs) {
        HashTable t = table(spec);
        for (int i = 0; i < pairs.length; i += 2) {
            set(t, (String) pairs[i], pairs[i + 1], T0);
        }
        return t;
    }

    private static HashTable.Outcome set(HashTable t, String key, Object value, long now) {
        HtValue v = value instanceof String s ? HtValue.of(s) : HtValue.of((Integer) value);
        return t.apply(new HtableOp.Set(key, v, 0), now);
    }

    @Test
    void setGetAndDelete() {
        HashTable t = table("a=>");
        assertEquals(List.of(new KeyChange("x", new HtItem(HtValue.of("abc"), 0))), set(t, "x", "abc", T0).changes());
        set(t, "n", 123, T0);
        assertEquals("abc", t.get("x", T0).value().text());
        assertEquals(123, t.get("n", T0).value().asLong());
        HashTable.Outcome deleted = t.apply(new HtableOp.Delete("x"), T0);
        assertEquals(List.of(new KeyChange("x", null)), deleted.changes());
        assertNull(t.get("x", T0));
    }

    @Test
    void aStringCanBecomeAnIntegerAndBack() {
        HashTable t = table("a=>");
        set(t, "x", "abc", T0);
        set(t, "x", 7, T0);
        assertTrue(t.get("x", T0).value().integer());
        set(t, "x", "seven", T0);
        assertEquals("seven", t.get("x", T0).value().text());
    }

    @Test
    void incrementAndDecrementAreAtomicAtTheOwnerAndStartFromInitval() {
        HashTable t = table("c=>initval=0");
        assertEquals(1, t.apply(new HtableOp.Add("hits", 1), T0).item().value().asLong());
        assertEquals(2, t.apply(new HtableOp.Add("hits", 1), T0).item().value().asLong());
        assertEquals(1, t.apply(new HtableOp.Add("hits", -1), T0).item().value().asLong());
    }

    @Test
    void incrementFailsOnAStringAndOnAMissingKeyWithoutInitval() {
        HashTable t = table("a=>");
        HashTable.Outcome missing = t.apply(new HtableOp.Add("hits", 1), T0);
        assertFalse(missing.done());
        assertEquals(List.of(new KeyChange("hits", null)), missing.changes(), "the asker learns the key as it is");
        set(t, "s", "abc", T0);
        HashTable.Outcome string = t.apply(new HtableOp.Add("s", 1), T0);
        assertFalse(string.done());
        assertEquals("abc", t.get("s", T0).value().text());
    }

    @Test
    void expiredItemsDisappearFromReadsAtOnceAndTheSweepRemovesThem() {
        HashTable t = table("ipban=>autoexpire=300");
        set(t, "192.0.2.1", 1, T0);
        set(t, "192.0.2.2", 1, T0 + 100_000);
        assertEquals(1, t.get("192.0.2.1", T0 + 299_999).value().asLong());
        assertNull(t.get("192.0.2.1", T0 + 300_000), "gone from reads at the second it expires");
        assertEquals(2, t.content().size(), "still stored until the sweep");
        assertEquals(List.of(new KeyChange("192.0.2.1", null)), t.sweep(T0 + 300_000));
        assertEquals(Map.of("192.0.2.2", new HtItem(HtValue.of(1), T0 + 400_000)), t.content());
    }

    @Test
    void anExpiredItemIsWrittenAsANewOne() {
        HashTable t = table("a=>autoexpire=10;updateexpire=0;initval=0");
        t.apply(new HtableOp.Add("k", 5), T0);
        assertEquals(1, t.apply(new HtableOp.Add("k", 1), T0 + 10_000).item().value().asLong(),
                "the expired 5 is not added to");
        assertEquals(T0 + 20_000, t.get("k", T0 + 10_000).expires());
    }

    @Test
    void updateexpireDecidesWhetherASetStartsTheExpiryAgain() {
        HashTable keeps = table("a=>autoexpire=10;updateexpire=0");
        HashTable restarts = table("a=>autoexpire=10;updateexpire=1");
        for (HashTable t : List.of(keeps, restarts)) {
            set(t, "k", 1, T0);
            set(t, "k", 2, T0 + 9_000);
        }
        assertNull(keeps.get("k", T0 + 10_000));
        assertEquals(2, restarts.get("k", T0 + 18_999).value().asLong());
    }

    @Test
    void perItemExpiry() {
        HashTable t = table("a=>autoexpire=300");
        set(t, "short", "x", T0);
        t.apply(new HtableOp.Expire("short", 5), T0);
        t.apply(new HtableOp.Set("setx", HtValue.of("y"), 2), T0);
        set(t, "forever", "z", T0);
        t.apply(new HtableOp.Expire("forever", 0), T0);
        assertNull(t.get("setx", T0 + 2_000));
        assertNull(t.get("short", T0 + 5_000));
        assertEquals("z", t.get("forever", T0 + 10_000_000).value().text());
        assertEquals(List.of(new KeyChange("missing", null)), t.apply(new HtableOp.Expire("missing", 5), T0).changes());
    }

    @Test
    void removeByNameRegexIsCaseInsensitiveAndMatchesAnywhere() {
        HashTable t = with("a=>", "alice::auth_count", 3, "ALICE::last_auth", 5, "bob::auth_count", 1);
        List<KeyChange> removed = t.apply(new HtableOp.RemoveMatching("^alice::", false), T0).changes();
        assertEquals(2, removed.size());
        assertEquals(Map.of("bob::auth_count", new HtItem(HtValue.of(1), 0)), t.content());
    }

    @Test
    void removeByValueRegexLooksAtStringValuesOnly() {
        HashTable t = with("a=>", "a", "sip:alice@example.com", "b", "sip:bob@example.org", "c", 42);
        t.apply(new HtableOp.RemoveMatching("example\\.com$|42", true), T0);
        assertEquals(2, t.content().size());
        assertNull(t.get("a", T0));
        assertEquals(42, t.get("c", T0).value().asLong(), "an integer is never matched by value");
    }

    @Test
    void aBadExpressionIsReported() {
        assertThrows(PatternSyntaxException.class,
                () -> table("a=>").apply(new HtableOp.RemoveMatching("(", false), T0));
    }

    @Test
    void flushEmptiesTheTable() {
        HashTable t = with("a=>", "a", 1, "b", 2);
        assertEquals(2, t.apply(new HtableOp.Flush(), T0).changes().size());
        assertTrue(t.content().isEmpty());
    }

    @Test
    void arrayElementsAreKeysOfTheirOwn() {
        HashTable t = with("students=>", "course[0]", "maths", "course[1]", "physics", "course::size", 2);
        t.apply(new HtableOp.Delete("course[0]"), T0);
        assertNull(t.get("course[0]", T0));
        assertEquals("physics", t.get("course[1]", T0).value().text());
        assertEquals(2, t.get("course::size", T0).value().asLong(), "the size is the administrator's to update");
    }
}
