package io.switchboard.actors.dispatcher;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.LongConsumer;

/**
 * The calls a node added to call load (algorithm 10) that the registry has not yet applied:
 * selection adds them to the load of the last snapshot, so that calls selected between two
 * snapshots do not all go to the same least loaded destination or past its {@code maxload}. Each
 * update carries a sequence number; a snapshot tells the last one the registry applied, and
 * those are dropped. An update the registry never confirms (it moved to another node) is dropped
 * after {@code maxAgeMillis}. Thread-safe.
 */
final class LoadOverlay {

    private record Pending(long seq, int setId, String uri, long at) {
    }

    private final Deque<Pending> pending = new ArrayDeque<>();
    private final long maxAgeMillis;
    private long seq;

    LoadOverlay(long maxAgeMillis) {
        this.maxAgeMillis = maxAgeMillis;
    }

    /** Counts a call on {@code destination} and runs {@code send} with its sequence number, in order. */
    synchronized void add(Destination destination, long now, LongConsumer send) {
        seq++;
        pending.addLast(new Pending(seq, destination.setId(), destination.uri(), now));
        send.accept(seq);
    }

    /** Drops the updates up to {@code applied}, and those older than the maximum age. */
    synchronized void acknowledge(long applied, long now) {
        while (!pending.isEmpty() && (pending.peekFirst().seq() <= applied
                || now - pending.peekFirst().at() > maxAgeMillis)) {
            pending.pollFirst();
        }
    }

    /**
     * The calls on {@code destination} past {@code applied}, the last update the snapshot read
     * has: counting against that snapshot's own number, a selection never counts an update twice
     * while a newer snapshot is being taken.
     */
    synchronized int pending(Destination destination, long applied) {
        int n = 0;
        for (Pending p : pending) {
            if (p.seq() > applied && p.setId() == destination.setId() && destination.hasUri(p.uri())) {
                n++;
            }
        }
        return n;
    }
}
