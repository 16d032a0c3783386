package io.switchboard.actors.htable;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The owner's copy of one table: a map of items changed only by {@link #apply} and
 * {@link #sweep}, each returning what changed so the owner can publish it. Kamailio's semantics
 * ({@code ht_api.c}) come from the {@link TableDefinition}; an item whose expiry has passed counts
 * as missing from the moment it expires, even before the sweep removes it. Not thread-safe: only
 * the owner actor touches it.
 */
final class HashTable {

    private final TableDefinition definition;
    private final Map<String, HtItem> items = new HashMap<>();

    HashTable(TableDefinition definition) {
        this.definition = definition;
    }

    TableDefinition definition() {
        return definition;
    }

    /** The item under {@code key}, or null when missing or expired. */
    HtItem get(String key, long now) {
        HtItem item = items.get(key);
        return item == null || item.isExpiredAt(now) ? null : item;
    }

    /** What applying {@code op} at {@code now} changed: the outcome and the keys touched. */
    record Outcome(boolean done, HtItem item, List<KeyChange> changes) {
    }

    /**
     * Applies {@code op}. A single-key operation always reports its key, changed or not (the item
     * as it now is), so that the node that asked learns the owner's answer; a failed
     * {@link HtableOp.Add} has {@code done} false.
     *
     * @throws java.util.regex.PatternSyntaxException for a {@link HtableOp.RemoveMatching} whose
     *     expression does not compile
     */
    Outcome apply(HtableOp op, long now) {
        if (op instanceof HtableOp.RemoveMatching remove) {
            Pattern pattern = Pattern.compile(remove.regex(), Pattern.CASE_INSENSITIVE);
            return new Outcome(true, null, removeIf((key, item) ->
                    remove.byValue() ? !item.value().integer() && pattern.matcher(item.value().text()).find()
                            : pattern.matcher(key).find()));
        }
        if (op instanceof HtableOp.Flush) {
            return new Outcome(true, null, removeIf((key, item) -> true));
        }
        String key = op.key();
        Step step = step(definition, op, get(key, now), now);
        if (step.item() == null) {
            items.remove(key);
        } else {
            items.put(key, step.item());
        }
        return new Outcome(step.done(), step.item(), List.of(new KeyChange(key, step.item())));
    }

    /** The item a single-key operation leaves: null when none; {@code done} false when it failed. */
    record Step(boolean done, HtItem item) {
    }

    /**
     * What the single-key {@code op} makes of {@code current} (null when missing or expired) at
     * {@code now}: the owner applies it, and a node applies it to its own view in advance.
     */
    static Step step(TableDefinition definition, HtableOp op, HtItem current, long now) {
        if (op instanceof HtableOp.Set set) {
            return new Step(true, definition.set(current, set.value(), set.seconds(), now));
        }
        if (op instanceof HtableOp.Add add) {
            HtItem next = definition.add(current, add.delta(), now);
            return next == null ? new Step(false, current) : new Step(true, next);
        }
        if (op instanceof HtableOp.Expire expire) {
            return new Step(true, current == null ? null : definition.expireIn(current, expire.seconds(), now));
        }
        if (op instanceof HtableOp.Delete) {
            return new Step(true, null);
        }
        throw new IllegalArgumentException(op + " is not a single-key operation");
    }

    /** Removes the items expired at {@code now} (Kamailio's {@code ht_timer}). */
    List<KeyChange> sweep(long now) {
        return removeIf((key, item) -> item.isExpiredAt(now));
    }

    /** Replaces every item ({@code htable.reload}); the content before is dropped. */
    void replace(Map<String, HtItem> content) {
        items.clear();
        items.putAll(content);
    }

    /** A copy of the items, expired ones included until swept. */
    Map<String, HtItem> content() {
        return Map.copyOf(items);
    }

    private interface Match {
        boolean test(String key, HtItem item);
    }

    private List<KeyChange> removeIf(Match match) {
        List<KeyChange> removed = new ArrayList<>();
        for (Iterator<Map.Entry<String, HtItem>> it = items.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, HtItem> entry = it.next();
            if (match.test(entry.getKey(), entry.getValue())) {
                it.remove();
                removed.add(new KeyChange(entry.getKey(), null));
            }
        }
        return removed;
    }
}
