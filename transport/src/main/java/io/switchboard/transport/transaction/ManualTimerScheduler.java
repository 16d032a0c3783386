package io.switchboard.transport.transaction;

import java.time.Duration;
import java.util.PriorityQueue;

/**
 * A {@link TimerScheduler} on a clock that moves only by {@link #advance(Duration)}, for tests
 * and replays of RFC 3261 §17 timer behaviour. Due tasks run on the thread that advances, in
 * deadline order (ties in scheduling order), including tasks that running tasks schedule within
 * the advanced span. Thread-safe; tasks run outside its lock.
 */
public final class ManualTimerScheduler implements TimerScheduler {

    private final PriorityQueue<Entry> queue = new PriorityQueue<>();
    private long nowNanos;
    private long sequence;

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("negative delay " + delay);
        }
        synchronized (this) {
            Entry entry = new Entry(nowNanos + delay.toNanos(), sequence++, task);
            queue.add(entry);
            return entry;
        }
    }

    /** Moves the clock forward by {@code span}, running every task that falls due on the way. */
    public void advance(Duration span) {
        if (span.isNegative()) {
            throw new IllegalArgumentException("the clock cannot go back: " + span);
        }
        long target;
        synchronized (this) {
            target = nowNanos + span.toNanos();
        }
        while (true) {
            Entry next;
            synchronized (this) {
                next = queue.peek();
                if (next == null || next.deadline > target) {
                    nowNanos = target;
                    return;
                }
                queue.poll();
                nowNanos = next.deadline;
                if (next.cancelled) {
                    continue;
                }
            }
            next.task.run();
        }
    }

    /** Time since the scheduler was created, on its own clock. */
    public synchronized Duration now() {
        return Duration.ofNanos(nowNanos);
    }

    /** Tasks scheduled and neither run nor cancelled. */
    public synchronized int pending() {
        int n = 0;
        for (Entry entry : queue) {
            if (!entry.cancelled) {
                n++;
            }
        }
        return n;
    }

    private final class Entry implements Cancellable, Comparable<Entry> {

        final long deadline;
        final long order;
        final Runnable task;
        boolean cancelled;

        Entry(long deadline, long order, Runnable task) {
            this.deadline = deadline;
            this.order = order;
            this.task = task;
        }

        @Override
        public void cancel() {
            synchronized (ManualTimerScheduler.this) {
                cancelled = true;
            }
        }

        @Override
        public int compareTo(Entry other) {
            int byDeadline = Long.compare(deadline, other.deadline);
            return byDeadline != 0 ? byDeadline : Long.compare(order, other.order);
        }
    }
}
