package io.switchboard.engine.capture;

import io.switchboard.transport.net.MessageTap;
import io.switchboard.transport.net.Transport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running capture: a {@link MessageTap} that stamps each message and puts it on a bounded
 * queue (a full queue drops the message and counts it: a Netty thread never waits), and a thread
 * of its own that takes them off and writes them to a {@link RotatingPcapFile}.
 */
final class CaptureWriter implements MessageTap {

    private static final Logger log = LoggerFactory.getLogger(CaptureWriter.class);
    static final int QUEUE_SIZE = 16_384;
    private static final int BATCH = 256;

    private record Packet(long epochMicros, InetSocketAddress source, InetSocketAddress destination, byte[] bytes) {
    }

    private final CaptureSettings settings;
    private final BlockingQueue<Packet> queue = new ArrayBlockingQueue<>(QUEUE_SIZE);
    private final RotatingPcapFile file;
    private final Thread thread;
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private volatile boolean running = true;

    private CaptureWriter(CaptureSettings settings, RotatingPcapFile file) {
        this.settings = settings;
        this.file = file;
        this.thread = new Thread(this::drain, "switchboard-capture");
        thread.setDaemon(true);
    }

    /** Opens the file and starts the writing thread. */
    static CaptureWriter start(CaptureSettings settings) {
        try {
            CaptureWriter writer = new CaptureWriter(settings,
                    new RotatingPcapFile(Path.of(settings.file()), settings.maxSize(), settings.maxFiles()));
            writer.thread.start();
            return writer;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot capture to " + settings.file() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void message(Transport transport, InetSocketAddress source, InetSocketAddress destination, byte[] bytes) {
        Instant now = Instant.now();
        long micros = now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
        if (bytes.length > PcapWriter.MAX_PAYLOAD || !running
                || !queue.offer(new Packet(micros, source, destination, bytes))) {
            dropped.incrementAndGet();
        }
    }

    private void drain() {
        List<Packet> batch = new ArrayList<>(BATCH);
        try {
            while (running || !queue.isEmpty()) {
                Packet first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, BATCH - 1);
                for (Packet p : batch) {
                    file.write(p.epochMicros(), p.source(), p.destination(), p.bytes());
                }
                written.addAndGet(batch.size());
                batch.clear();
                if (queue.isEmpty()) {
                    file.flush();
                }
            }
        } catch (IOException e) {
            log.error("capture to {} stopped: {}", settings.file(), e.toString());
            running = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            try {
                file.close();
            } catch (IOException e) {
                log.warn("capture file {} did not close cleanly: {}", settings.file(), e.toString());
            }
        }
    }

    /** Writes what is queued, closes the file and ends the thread; waits at most a few seconds. */
    void stop() {
        running = false;
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    CaptureSettings settings() {
        return settings;
    }

    /** Messages written to the file so far. */
    long written() {
        return written.get();
    }

    /** Messages not captured: the queue was full, the message too large for a datagram, or the file failed. */
    long dropped() {
        return dropped.get();
    }
}
