package io.switchboard.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.Done;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.javadsl.CommandHandler;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehavior;
import org.junit.jupiter.api.Test;

/**
 * Events written to a durable journal survive the actor system that wrote them; one subclass per
 * journal ({@link H2JournalTest}, {@link PostgresJournalTest}).
 */
abstract class JournalRoundTrip {

    interface Command extends CborSerializable {
    }

    record Add(int amount, ActorRef<Done> replyTo) implements Command {
    }

    record Read(ActorRef<Integer> replyTo) implements Command {
    }

    record Added(int amount) implements CborSerializable {
    }

    record Total(int value) implements CborSerializable {
    }

    /** A counter: the smallest event-sourced behaviour there is. */
    static final class Counter extends EventSourcedBehavior<Command, Added, Total> {

        Counter(String id) {
            super(PersistenceId.ofUniqueId(id));
        }

        @Override
        public Total emptyState() {
            return new Total(0);
        }

        @Override
        public CommandHandler<Command, Added, Total> commandHandler() {
            return newCommandHandlerBuilder().forAnyState()
                    .onCommand(Add.class, (state, add) -> Effect().persist(new Added(add.amount()))
                            .thenReply(add.replyTo(), total -> Done.getInstance()))
                    .onCommand(Read.class, (state, read) -> Effect().reply(read.replyTo(), state.value()))
                    .build();
        }

        @Override
        public EventHandler<Total, Added> eventHandler() {
            return newEventHandlerBuilder().forAnyState()
                    .onEvent(Added.class, (total, added) -> new Total(total.value() + added.amount()))
                    .build();
        }
    }

    /** The {@code switchboard} block that selects the journal under test. */
    abstract Config switchboard();

    /** What the journal left where it keeps its data, checked after the first actor system ended. */
    void assertWritten() throws Exception {
    }

    private ActorTestKit start() throws Exception {
        JournalSettings settings = JournalSettings.fromConfig(switchboard());
        ActorTestKit kit = ActorTestKit.create("journal", settings.overlay().withFallback(ConfigFactory.load()));
        settings.createSchema(kit.system()).toCompletableFuture().get(30, TimeUnit.SECONDS);
        return kit;
    }

    @Test
    void eventsAreRecoveredByTheNextActorSystem() throws Exception {
        ActorTestKit first = start();
        ActorRef<Command> counter = first.spawn(counter());
        TestProbe<Done> done = first.createTestProbe();
        for (int amount : new int[] {1, 2, 39}) {
            counter.tell(new Add(amount, done.getRef()));
            done.expectMessage(Duration.ofSeconds(10), Done.getInstance());
        }
        first.shutdownTestKit();
        assertWritten();

        ActorTestKit second = start();
        try {
            TestProbe<Integer> total = second.createTestProbe();
            second.spawn(counter()).tell(new Read(total.getRef()));
            assertEquals(42, total.expectMessageClass(Integer.class, Duration.ofSeconds(10)));
        } finally {
            second.shutdownTestKit();
        }
    }

    private static Behavior<Command> counter() {
        return new Counter("counter-1");
    }
}
