package io.switchboard.actors.htable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A node's view: local writes seen at once, the owner's changes applied in order, pending marks. */
class HtableViewTest {

    private final ManualClock clock = new ManualClock(1_700_000_000_000L);
    private final HtableView view = new HtableView(List.of(TableDefinition.parse("a=>autoexpire=60")), clock, 10_000);

    private static HtItem item(String value) {
        return new HtItem(HtValue.of(value), 0);
    }

    @Test
    void aLocalWriteIsReadAtOnce() {
        view.applyLocally("a", new HtableOp.Set("k", HtValue.of("mine"), 0));
        assertEquals("mine", view.get("a", "k").value().text());
    }

    @Test
    void changesOfOthersWaitWhileALocalWriteIsPendingThenTheOwnersAnswerWins() {
        long write = view.applyLocally("a", new HtableOp.Set("k", HtValue.of("mine"), 0));
        view.apply("a", List.of(new KeyChange("k", item("theirs, before mine"))), false, 0);
        assertEquals("mine", view.get("a", "k").value().text());
        view.apply("a", List.of(new KeyChange("k", item("mine at the owner"))), true, write);
        assertEquals("mine at the owner", view.get("a", "k").value().text());
        view.apply("a", List.of(new KeyChange("k", item("theirs, after"))), false, 0);
        assertEquals("theirs, after", view.get("a", "k").value().text());
    }

    @Test
    void anOlderAnswerDoesNotClearALaterWrite() {
        long first = view.applyLocally("a", new HtableOp.Set("k", HtValue.of("1"), 0));
        long second = view.applyLocally("a", new HtableOp.Set("k", HtValue.of("2"), 0));
        view.apply("a", List.of(new KeyChange("k", item("1"))), true, first);
        assertEquals("2", view.get("a", "k").value().text());
        view.apply("a", List.of(new KeyChange("k", item("2"))), true, second);
        view.apply("a", List.of(new KeyChange("k", null)), false, 0);
        assertNull(view.get("a", "k"));
    }

    @Test
    void aPendingMarkLapsesSoALostWriteCannotFreezeAKey() {
        view.applyLocally("a", new HtableOp.Delete("k"));
        clock.advance(Duration.ofSeconds(10));
        view.apply("a", List.of(new KeyChange("k", item("theirs"))), false, 0);
        assertEquals("theirs", view.get("a", "k").value().text());
    }

    @Test
    void expiredItemsAreNotRead() {
        view.apply("a", List.of(new KeyChange("k", new HtItem(HtValue.of(1), clock.millis() + 1_000))), false, 0);
        assertEquals(1, view.items("a").size());
        clock.advance(Duration.ofSeconds(1));
        assertNull(view.get("a", "k"));
        assertEquals(Map.of(), view.items("a"));
    }

    @Test
    void aReplacedTableLosesWhatItHad() {
        view.applyLocally("a", new HtableOp.Set("old", HtValue.of("x"), 0));
        view.replace("a", Map.of("new", item("y")));
        assertNull(view.get("a", "old"));
        assertEquals(Map.of("new", item("y")), view.content().get("a"));
    }

    @Test
    void anUnknownTableIsAnError() {
        assertEquals("no hash table named 'b'",
                assertThrows(IllegalArgumentException.class, () -> view.get("b", "k")).getMessage());
    }
}
