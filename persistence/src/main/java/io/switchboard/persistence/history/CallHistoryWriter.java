package io.switchboard.persistence.history;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects the records of ended calls and writes them to a {@link CallHistoryStore} on a thread
 * of its own, one batch per {@code batch-size} records or {@code flush-interval}, whichever comes
 * first — not one round trip per call. {@link #record} only queues. A batch that fails is logged
 * and its records counted in {@link #writeErrors()}; so are records beyond what may wait
 * ({@code batch-size} × {@value CallHistorySettings#PENDING_BATCHES}) while the database is away.
 * {@link #close()} writes what is left.
 */
public final class CallHistoryWriter implements CallHistory, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CallHistoryWriter.class);
    private static final long CLOSE_WAIT_SECONDS = 10;

    private final CallHistoryStore store;
    private final int batchSize;
    private final int maxPending;
    private final ConcurrentLinkedQueue<CallRecord> pending = new ConcurrentLinkedQueue<>();
    private final AtomicInteger pendingCount = new AtomicInteger();
    private final LongAdder written = new LongAdder();
    private final LongAdder batches = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final ScheduledExecutorService thread;
    private final Object writing = new Object();
    private volatile boolean closed;

    /** Starts writing to {@code store} as {@code settings} say. */
    public CallHistoryWriter(CallHistoryStore store, CallHistorySettings settings) {
        this.store = store;
        this.batchSize = settings.batchSize();
        this.maxPending = settings.maxPending();
        this.thread = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread writer = new Thread(task, "call-history");
            writer.setDaemon(true);
            return writer;
        });
        long interval = settings.flushInterval().toMillis();
        thread.scheduleWithFixedDelay(this::flush, interval, interval, TimeUnit.MILLISECONDS);
    }

    @Override
    public void record(CallRecord call) {
        if (closed) {
            failed(List.of(call), "the call history is closed");
            return;
        }
        int waiting = pendingCount.incrementAndGet();
        if (waiting > maxPending) {
            pendingCount.decrementAndGet();
            failed(List.of(call), maxPending + " records wait for the database already");
            return;
        }
        pending.add(call);
        if (waiting % batchSize == 0) {
            try {
                thread.execute(this::flush);
            } catch (RejectedExecutionException e) {
                // closing: close() writes what is pending
            }
        }
    }

    /** Writes every pending record, {@code batch-size} at a time. */
    public void flush() {
        synchronized (writing) {
            List<CallRecord> batch = next();
            while (!batch.isEmpty()) {
                try {
                    store.insert(batch);
                    written.add(batch.size());
                    batches.increment();
                } catch (SQLException | RuntimeException e) {
                    failed(batch, e.toString());
                }
                batch = next();
            }
        }
    }

    private List<CallRecord> next() {
        List<CallRecord> batch = new ArrayList<>(Math.min(batchSize, Math.max(1, pendingCount.get())));
        CallRecord call;
        while (batch.size() < batchSize && (call = pending.poll()) != null) {
            pendingCount.decrementAndGet();
            batch.add(call);
        }
        return batch;
    }

    private void failed(List<CallRecord> calls, String why) {
        errors.add(calls.size());
        log.error("call history: {} record(s) not written, the first of Call-ID {}: {}", calls.size(),
                calls.get(0).callId(), why);
    }

    /**
     * The latest {@code count} records, newest first: those still waiting for the database, then
     * those in it.
     */
    public List<CallRecord> latest(int count) throws SQLException {
        synchronized (writing) {
            List<CallRecord> latest = new ArrayList<>(pending);
            Collections.reverse(latest);
            if (latest.size() >= count) {
                return List.copyOf(latest.subList(0, count));
            }
            latest.addAll(store.latest(count - latest.size()));
            return latest;
        }
    }

    /** Records written to the store. */
    public long written() {
        return written.sum();
    }

    /** Batches written: each one JDBC batch, one round trip. */
    public long batches() {
        return batches.sum();
    }

    /** Records that could not be written. */
    public long writeErrors() {
        return errors.sum();
    }

    /** Stops the timer, writes what is pending and closes the store. Calling it again does nothing. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        thread.shutdown();
        try {
            if (!thread.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS)) {
                log.warn("call history: the writer did not finish within {}s", CLOSE_WAIT_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        flush();
        store.close();
    }
}
