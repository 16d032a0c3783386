package io.switchboard.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.junit.jupiter.api.io.TempDir;

/** Events written to the H2 file journal survive the actor system that wrote them. */
class H2JournalTest {

    @TempDir
    Path dir;

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

    private ActorTestKit start() throws Exception {
        Config switchboard = ConfigFactory.parseString("switchboard.persistence.data-dir = \""
                + dir.toString().replace("\\", "/") + "\"").withFallback(ConfigFactory.defaultReference())
                .getConfig("switchboard");
        JournalSettings settings = JournalSettings.fromConfig(switchboard);
        ActorTestKit kit = ActorTestKit.create("h2", settings.overlay().withFallback(ConfigFactory.load()));
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
        assertTrue(Files.exists(dir.resolve("journal.mv.db")));

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
