package io.switchboard.actors.htable;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * This node's copy of every hash table, read by routes without asking anyone (DESIGN "The hot
 * path", step 4). The {@link HtableReplica} keeps it in step with the owner: a snapshot, then
 * every change in the owner's order.
 *
 * <p>Read-your-writes: a single-key write made on this node is applied here at once
 * ({@link #applyLocally}) and marked pending with its write number; while it is pending, changes
 * from the owner to that key are held back, until the owner's own answer to the write arrives (it
 * carries the owner's value, which then wins). A pending mark lapses after {@code pendingMillis},
 * so a write lost on its way (the owner moving to another node) cannot freeze a key. Many-key
 * operations (removal by pattern, flush, reload) are seen once the owner has applied them.
 * Thread-safe: any lane reads and writes ahead; only the replica actor applies the owner's changes.
 */
public final class HtableView {

    private record Entry(HtItem item, long pendingWrite, long pendingUntil) {
    }

    private static final class TableView {
        private final TableDefinition definition;
        private volatile ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

        TableView(TableDefinition definition) {
            this.definition = definition;
        }
    }

    private final Map<String, TableView> tables = new HashMap<>();
    private final Clock clock;
    private final long pendingMillis;
    private final AtomicLong writes = new AtomicLong();
    private volatile String incarnation;

    public HtableView(List<TableDefinition> definitions, Clock clock, long pendingMillis) {
        definitions.forEach(d -> tables.put(d.name(), new TableView(d)));
        this.clock = clock;
        this.pendingMillis = pendingMillis;
    }

    /**
     * The definition of {@code table}.
     *
     * @throws IllegalArgumentException when there is no table of that name
     */
    public TableDefinition definition(String table) {
        return table(table).definition;
    }

    private TableView table(String name) {
        TableView table = tables.get(name);
        if (table == null) {
            throw new IllegalArgumentException("no hash table named '" + name + "'");
        }
        return table;
    }

    /** The live item under {@code key}: null when missing or expired. */
    public HtItem get(String table, String key) {
        Entry entry = table(table).entries.get(key);
        return entry == null || entry.item() == null || entry.item().isExpiredAt(clock.millis()) ? null : entry.item();
    }

    /** The live items of {@code table}. */
    public Map<String, HtItem> items(String table) {
        long now = clock.millis();
        Map<String, HtItem> items = new HashMap<>();
        table(table).entries.forEach((key, entry) -> {
            if (entry.item() != null && !entry.item().isExpiredAt(now)) {
                items.put(key, entry.item());
            }
        });
        return items;
    }

    /** Every table's live items, as a new owner on this node takes them over. */
    Map<String, Map<String, HtItem>> content() {
        Map<String, Map<String, HtItem>> content = new HashMap<>();
        tables.keySet().forEach(name -> content.put(name, items(name)));
        return content;
    }

    /**
     * Applies the single-key {@code op} here ahead of the owner and returns its write number, to
     * send along with it.
     */
    long applyLocally(String table, HtableOp op) {
        TableView view = table(table);
        long write = writes.incrementAndGet();
        long now = clock.millis();
        view.entries.compute(op.key(), (key, entry) -> {
            HtItem current = entry == null || entry.item() == null || entry.item().isExpiredAt(now) ? null : entry.item();
            HtItem next = HashTable.step(view.definition, op, current, now).item();
            long pending = entry == null ? write : Math.max(write, entry.pendingWrite());
            return new Entry(next, pending, now + pendingMillis);
        });
        return write;
    }

    /** Applies the owner's changes to {@code table}; {@code own} when they answer a write of this node. */
    void apply(String table, List<KeyChange> changes, boolean own, long write) {
        TableView view = table(table);
        long now = clock.millis();
        for (KeyChange change : changes) {
            view.entries.compute(change.key(), (key, entry) -> {
                boolean pending = entry != null && entry.pendingWrite() != 0 && now < entry.pendingUntil();
                if (pending && !(own && write >= entry.pendingWrite())) {
                    return entry;
                }
                return change.item() == null ? null : new Entry(change.item(), 0, 0);
            });
        }
    }

    /** Replaces the items of {@code table} with the owner's. */
    void replace(String table, Map<String, HtItem> items) {
        ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
        items.forEach((key, item) -> entries.put(key, new Entry(item, 0, 0)));
        table(table).entries = entries;
    }

    /** Notes that the view holds the snapshot of the owner {@code incarnation} and its changes since. */
    void ownedBy(String incarnation) {
        this.incarnation = incarnation;
    }

    /** The owner this view follows, or null before the first snapshot: a new owner on this node takes over from it. */
    String incarnation() {
        return incarnation;
    }
}
