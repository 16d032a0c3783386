package io.switchboard.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.typesafe.config.ConfigFactory;
import io.switchboard.persistence.JournalRoundTrip.Add;
import io.switchboard.persistence.JournalRoundTrip.Command;
import io.switchboard.persistence.JournalRoundTrip.Counter;
import io.switchboard.persistence.JournalRoundTrip.Read;
import java.time.Duration;
import org.apache.pekko.Done;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.persistence.DeleteMessagesSuccess;
import org.apache.pekko.persistence.JournalProtocol;
import org.apache.pekko.persistence.Persistence;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.javadsl.CommandHandler;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehavior;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The memory journal ({@code switchboard.persistence.journal = memory}): what an entity wrote is
 * replayed to its next incarnation, deleted events are not, and an event that cannot be
 * serialized is refused rather than kept.
 */
class MemoryJournalTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private ActorTestKit kit;

    @BeforeEach
    void start() {
        JournalSettings settings = JournalSettings.fromConfig(ConfigFactory
                .parseString("switchboard.persistence.journal = memory")
                .withFallback(ConfigFactory.defaultReference()).getConfig("switchboard"));
        kit = ActorTestKit.create("memory-journal", settings.overlay().withFallback(ConfigFactory.load()));
    }

    @AfterEach
    void stop() {
        kit.shutdownTestKit();
    }

    @Test
    void eventsAreReplayedToTheNextIncarnation() {
        add("counter-1", 1, 2, 39);
        assertEquals(42, total("counter-1"));
        assertEquals(0, total("counter-2"), "another id has no events");
    }

    @Test
    void deletedEventsAreNotReplayedAndAnIdWithoutEventsStartsAgain() {
        add("counter-1", 1, 2, 39);
        delete("counter-1", 2);
        assertEquals(39, total("counter-1"), "only the third event is left");

        delete("counter-1", 3);
        assertEquals(0, total("counter-1"));
        add("counter-1", 5);
        assertEquals(5, total("counter-1"), "written again from sequence number 1");
    }

    /** An event no serializer is bound to (it is not CborSerializable). */
    record Unserializable(int amount) {
    }

    /** Records the events its commands carry; the state is their number. */
    static final class Recorder extends EventSourcedBehavior<Recorder.Record, Object, Integer> {

        record Record(Object event, ActorRef<Integer> replyTo) {
        }

        Recorder(String id) {
            super(PersistenceId.ofUniqueId(id));
        }

        @Override
        public Integer emptyState() {
            return 0;
        }

        @Override
        public CommandHandler<Record, Object, Integer> commandHandler() {
            return newCommandHandlerBuilder().forAnyState()
                    .onCommand(Record.class, (state, record) -> Effect().persist(record.event())
                            .thenReply(record.replyTo(), count -> count))
                    .build();
        }

        @Override
        public EventHandler<Integer, Object> eventHandler() {
            return newEventHandlerBuilder().forAnyState().onAnyEvent((count, event) -> count + 1);
        }
    }

    @Test
    void anEventThatCannotBeSerializedIsRefusedAndNotKept() {
        TestProbe<Integer> counted = kit.createTestProbe();
        ActorRef<Recorder.Record> recorder = kit.spawn(new Recorder("recorder-1"));
        recorder.tell(new Recorder.Record(new JournalRoundTrip.Added(1), counted.getRef()));
        assertEquals(1, counted.expectMessageClass(Integer.class, WAIT));

        recorder.tell(new Recorder.Record(new Unserializable(2), counted.getRef()));
        counted.expectTerminated(recorder, WAIT);
        counted.expectNoMessage(Duration.ofMillis(200));

        ActorRef<Recorder.Record> again = kit.spawn(new Recorder("recorder-1"));
        again.tell(new Recorder.Record(new JournalRoundTrip.Added(3), counted.getRef()));
        assertEquals(2, counted.expectMessageClass(Integer.class, WAIT), "the refused event was not replayed");
    }

    private void add(String id, int... amounts) {
        TestProbe<Done> done = kit.createTestProbe();
        ActorRef<Command> counter = kit.spawn(new Counter(id));
        for (int amount : amounts) {
            counter.tell(new Add(amount, done.getRef()));
            done.expectMessage(WAIT, Done.getInstance());
        }
        kit.stop(counter, WAIT);
    }

    /** The total a new incarnation of the counter recovers. */
    private int total(String id) {
        TestProbe<Integer> total = kit.createTestProbe();
        ActorRef<Command> counter = kit.spawn(new Counter(id));
        counter.tell(new Read(total.getRef()));
        int value = total.expectMessageClass(Integer.class, WAIT);
        kit.stop(counter, WAIT);
        return value;
    }

    /** Deletes the events of {@code id} up to {@code toSequenceNr}, as the dialogs' sweeper does. */
    private void delete(String id, long toSequenceNr) {
        TestProbe<Object> answer = kit.createTestProbe();
        Persistence.get(Adapter.toClassic(kit.system())).journalFor("", ConfigFactory.empty())
                .tell(new JournalProtocol.DeleteMessagesTo(id, toSequenceNr, Adapter.toClassic(answer.getRef())),
                        org.apache.pekko.actor.ActorRef.noSender());
        answer.expectMessageClass(DeleteMessagesSuccess.class, WAIT);
    }
}
