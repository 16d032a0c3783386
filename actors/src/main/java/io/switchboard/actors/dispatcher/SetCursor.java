package io.switchboard.actors.dispatcher;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

/**
 * What the node-local selection of one set moves on from call to call (Kamailio's
 * {@code last}, {@code wlast}, {@code rwlast} of a set): the round-robin position and the next
 * weight and relative weight slots, plus the random source of algorithm 6. Thread-safe; every
 * node keeps its own, as every Kamailio instance does.
 */
public final class SetCursor {

    private final AtomicInteger last = new AtomicInteger();
    private final AtomicInteger weightSlot = new AtomicInteger();
    private final AtomicInteger relativeWeightSlot = new AtomicInteger();
    private final IntSupplier random;

    public SetCursor() {
        this(() -> ThreadLocalRandom.current().nextInt(Integer.MAX_VALUE));
    }

    /** A cursor drawing its random numbers (0 or more) from {@code random}. */
    public SetCursor(IntSupplier random) {
        this.random = random;
    }

    /** The round-robin position to start from in a set of {@code size}, moving it on by one. */
    int startRoundRobin(int size) {
        return Math.floorMod(last.getAndUpdate(v -> (Math.floorMod(v, size) + 1) % size), size);
    }

    /**
     * After a round-robin selection that started at {@code start} chose {@code chosen}: the next
     * one starts after the chosen destination, unless another selection moved on meanwhile.
     */
    void settleRoundRobin(int start, int chosen, int size) {
        last.compareAndSet((start + 1) % size, (chosen + 1) % size);
    }

    int nextWeightSlot() {
        return weightSlot.getAndUpdate(v -> (v + 1) % DestinationSet.SLOTS);
    }

    int nextRelativeWeightSlot() {
        return relativeWeightSlot.getAndUpdate(v -> (v + 1) % DestinationSet.SLOTS);
    }

    int random() {
        return random.getAsInt();
    }
}
