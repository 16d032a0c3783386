package io.switchboard.engine.dialog;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.apache.pekko.dispatch.Futures;
import org.apache.pekko.persistence.AtomicWrite;
import org.apache.pekko.persistence.PersistentRepr;
import org.apache.pekko.persistence.journal.japi.AsyncWriteJournal;
import scala.concurrent.Future;
import scala.jdk.javaapi.FutureConverters;

/**
 * A journal that cannot write, for tests of what does not wait for it: no write completes until
 * {@link #open()}, then the held writes and every later one succeed — and are forgotten, since
 * recovery here always finds an empty journal. Made the class of
 * {@code pekko.persistence.journal.switchboard-memory}, the plugin {@code switchboard.persistence.journal = memory}
 * selects, with a {@code circuit-breaker.call-timeout} longer than the test so that Pekko does not
 * fail the held writes itself. One gate for the JVM: {@link #shut()} before each test.
 */
public final class StalledJournal extends AsyncWriteJournal {

    private static volatile CompletableFuture<Void> gate = new CompletableFuture<>();
    private static final AtomicInteger HELD = new AtomicInteger();

    /** From now on writes wait for {@link #open()}. */
    static void shut() {
        HELD.set(0);
        gate = new CompletableFuture<>();
    }

    /** The held writes complete, and later ones at once. */
    static void open() {
        gate.complete(null);
    }

    /** How many writes were asked for since {@link #shut()} while the journal was shut. */
    static int held() {
        return HELD.get();
    }

    @Override
    public Future<Iterable<Optional<Exception>>> doAsyncWriteMessages(Iterable<AtomicWrite> messages) {
        List<Optional<Exception>> written = new ArrayList<>();
        messages.forEach(message -> written.add(Optional.empty()));
        CompletableFuture<Void> now = gate;
        if (!now.isDone()) {
            HELD.incrementAndGet();
        }
        return FutureConverters.asScala(now.<Iterable<Optional<Exception>>>thenApply(open -> written));
    }

    @Override
    public Future<Void> doAsyncDeleteMessagesTo(String persistenceId, long toSequenceNr) {
        return Futures.successful(null);
    }

    @Override
    public Future<Void> doAsyncReplayMessages(String persistenceId, long fromSequenceNr, long toSequenceNr, long max,
            Consumer<PersistentRepr> replayCallback) {
        return Futures.successful(null);
    }

    @Override
    public Future<Long> doAsyncReadHighestSequenceNr(String persistenceId, long fromSequenceNr) {
        return Futures.successful(0L);
    }
}
