package io.switchboard.engine.proxy;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Ordered lanes of work, one thread each: every message of one Call-ID goes to the same lane, so
 * a call's messages, transaction callbacks and route runs happen one after another in arrival
 * order (as Kamailio's worker processes do for one UDP socket), while calls run in parallel.
 */
public final class Lanes implements AutoCloseable {

    private final ExecutorService[] lanes;

    public Lanes(int count) {
        lanes = new ExecutorService[count];
        for (int i = 0; i < count; i++) {
            int index = i;
            lanes[i] = Executors.newSingleThreadExecutor(r -> {
                Thread thread = new Thread(r, "switchboard-lane-" + index);
                thread.setDaemon(true);
                return thread;
            });
        }
    }

    /** The lane of a Call-ID (null, for a message without one, is lane 0). */
    public ExecutorService lane(String callId) {
        int hash = callId == null ? 0 : callId.hashCode();
        return lanes[Math.floorMod(hash ^ (hash >>> 16), lanes.length)];
    }

    public int size() {
        return lanes.length;
    }

    @Override
    public void close() {
        for (ExecutorService lane : lanes) {
            lane.shutdown();
        }
        for (ExecutorService lane : lanes) {
            try {
                lane.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
