package io.switchboard.persistence;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.apache.pekko.dispatch.Futures;
import org.apache.pekko.persistence.AtomicWrite;
import org.apache.pekko.persistence.PersistentRepr;
import org.apache.pekko.persistence.journal.japi.AsyncWriteJournal;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import scala.concurrent.Future;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The journal of {@code switchboard.persistence.journal = memory}: events kept in the heap, lost
 * when the process ends, each stored as the bytes Pekko's serialization makes of it (the same CBOR
 * the H2 and PostgreSQL journals write), not as the objects the entity persisted.
 *
 * <p>Pekko's own in-memory journal keeps the persisted objects. An ended dialog's events stay in
 * the journal for {@code end-timeout} (seed manual 001, 6.9: 300 s), so at 3,000 calls/s it held
 * about 900,000 calls' object graphs, and the concurrent collector's marking of them took seconds
 * and fell behind (BENCHMARKS.md, "seventh time"). One byte array per event has nothing for the
 * collector to follow. It also keeps the highest sequence number of every id it ever saw, an
 * entry per call for ever; here an id whose events are all deleted is forgotten, and a new
 * entity of that id starts at sequence number 1 again, which is safe because no event of it is left.
 *
 * <p>An event that cannot be serialized is rejected (the write fails, nothing is kept), as the
 * durable journals reject it, so a test on the memory journal finds it too. Tags are not
 * supported: there is no read journal on memory, and no entity here tags its events.
 */
public final class MemoryJournal extends AsyncWriteJournal {

    /** One event: its sequence number and its serialized {@link PersistentRepr}. */
    private record Event(long sequenceNr, byte[] bytes) {
    }

    /** What an id without events replays: every new dialog's entity asks once. */
    private static final Event[] NONE = new Event[0];

    /** Events by persistence id, each id's oldest first; replaced, never changed in place. */
    private final ConcurrentHashMap<String, Event[]> events = new ConcurrentHashMap<>();
    private final Serialization serialization = SerializationExtension.get(context().system());

    @Override
    public Future<Iterable<Optional<Exception>>> doAsyncWriteMessages(Iterable<AtomicWrite> writes) {
        List<Optional<Exception>> results = new ArrayList<>();
        for (AtomicWrite write : writes) {
            try {
                Event[] written = serialize(write);
                events.merge(write.persistenceId(), written, MemoryJournal::concat);
                results.add(Optional.empty());
            } catch (Exception notSerializable) {
                results.add(Optional.of(notSerializable));
            }
        }
        return Futures.successful(results);
    }

    private Event[] serialize(AtomicWrite write) {
        List<PersistentRepr> payload = CollectionConverters.asJava(write.payload());
        Event[] serialized = new Event[payload.size()];
        for (int i = 0; i < serialized.length; i++) {
            PersistentRepr repr = payload.get(i);
            serialized[i] = new Event(repr.sequenceNr(), serialization.serialize(repr).get());
        }
        return serialized;
    }

    private static Event[] concat(Event[] kept, Event[] written) {
        Event[] all = Arrays.copyOf(kept, kept.length + written.length);
        System.arraycopy(written, 0, all, kept.length, written.length);
        return all;
    }

    @Override
    public Future<Void> doAsyncDeleteMessagesTo(String persistenceId, long toSequenceNr) {
        events.computeIfPresent(persistenceId, (id, kept) -> {
            Event[] left = Arrays.stream(kept).filter(event -> event.sequenceNr() > toSequenceNr).toArray(Event[]::new);
            return left.length == 0 ? null : left;
        });
        return Futures.successful(null);
    }

    @Override
    public Future<Void> doAsyncReplayMessages(String persistenceId, long fromSequenceNr, long toSequenceNr, long max,
            Consumer<PersistentRepr> replayCallback) {
        long replayed = 0;
        for (Event event : events.getOrDefault(persistenceId, NONE)) {
            if (replayed == max || event.sequenceNr() > toSequenceNr) {
                break;
            }
            if (event.sequenceNr() >= fromSequenceNr) {
                replayCallback.accept(serialization.deserialize(event.bytes(), PersistentRepr.class).get());
                replayed++;
            }
        }
        return Futures.successful(null);
    }

    @Override
    public Future<Long> doAsyncReadHighestSequenceNr(String persistenceId, long fromSequenceNr) {
        Event[] kept = events.get(persistenceId);
        return Futures.successful(kept == null ? 0L : kept[kept.length - 1].sequenceNr());
    }
}
