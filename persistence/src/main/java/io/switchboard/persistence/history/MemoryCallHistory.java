package io.switchboard.persistence.history;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;

/** The call history of an engine on the memory journal: the last {@code capacity} records. */
public final class MemoryCallHistory implements CallHistoryStore {

    private final int capacity;
    private final Deque<CallRecord> records = new ArrayDeque<>();

    public MemoryCallHistory(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity " + capacity);
        }
        this.capacity = capacity;
    }

    @Override
    public synchronized void insert(List<CallRecord> calls) {
        for (CallRecord call : calls) {
            if (records.size() == capacity) {
                records.removeFirst();
            }
            records.addLast(call);
        }
    }

    @Override
    public synchronized List<CallRecord> latest(int count) {
        List<CallRecord> latest = new ArrayList<>(Math.min(count, records.size()));
        for (Iterator<CallRecord> newest = records.descendingIterator(); newest.hasNext() && latest.size() < count; ) {
            latest.add(newest.next());
        }
        return latest;
    }

    @Override
    public void close() {
    }
}
