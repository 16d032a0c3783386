package io.switchboard.actors.dialog;

import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.Extension;
import org.apache.pekko.actor.typed.ExtensionId;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.persistence.DeleteMessagesFailure;
import org.apache.pekko.persistence.JournalProtocol;
import org.apache.pekko.persistence.Persistence;

/**
 * Deletes the events of ended dialogs whose entities have already passivated, once their
 * {@code end-timeout} (seed manual 6.9) has passed. An ended dialog whose end is in the journal
 * has nothing left to do but answer late messages, and its journal answers them as well as the
 * entity would (a late message brings the entity back, in state deleted); so it passivates after
 * {@link DialogEntity#ENDED_LINGER} instead of staying in memory for the whole end-timeout, which
 * at 1,000 calls/s meant 300,000 idle entities and 1.5 GB of heap. What such an entity leaves here
 * is one pending deletion, about a hundred bytes, on this node's scheduler.
 *
 * <p>A pending deletion is lost if the node dies first; the events then stay in the journal until
 * the Call-ID is used again (an entity that recovers an ended dialog past its end-timeout deletes
 * its events at once).
 */
public final class EndedDialogs implements Extension {

    private static final ExtensionId<EndedDialogs> ID = new ExtensionId<>() {
        @Override
        public EndedDialogs createExtension(ActorSystem<?> system) {
            return new EndedDialogs(system.systemActorOf(behavior(), "ended-dialogs", Props.empty()));
        }
    };

    /** The events of {@code persistenceId} up to {@code toSequenceNr} are to go after {@code delay}. */
    private record Due(String persistenceId, long toSequenceNr, Duration delay) {
    }

    /** The delay of a {@link Due} has passed. */
    private record Delete(String persistenceId, long toSequenceNr) {
    }

    private final ActorRef<Object> sweeper;

    private EndedDialogs(ActorRef<Object> sweeper) {
        this.sweeper = sweeper;
    }

    /** The sweeper of {@code system}'s node, started on first use. */
    public static EndedDialogs get(ActorSystem<?> system) {
        return ID.apply(system);
    }

    /** Deletes the events of {@code persistenceId} up to {@code toSequenceNr}, inclusive, after {@code delay}. */
    public void deleteAfter(String persistenceId, long toSequenceNr, Duration delay) {
        sweeper.tell(new Due(persistenceId, toSequenceNr, delay));
    }

    private static Behavior<Object> behavior() {
        return Behaviors.setup(context -> {
            org.apache.pekko.actor.ActorRef journal = Persistence.get(Adapter.toClassic(context.getSystem()))
                    .journalFor("", ConfigFactory.empty());
            org.apache.pekko.actor.ActorRef self = Adapter.toClassic(context.getSelf());
            return Behaviors.receive(Object.class)
                    .onMessage(Due.class, due -> {
                        context.scheduleOnce(due.delay(), context.getSelf(),
                                new Delete(due.persistenceId(), due.toSequenceNr()));
                        return Behaviors.same();
                    })
                    .onMessage(Delete.class, delete -> {
                        journal.tell(new JournalProtocol.DeleteMessagesTo(delete.persistenceId(),
                                delete.toSequenceNr(), self), self);
                        return Behaviors.same();
                    })
                    .onMessage(DeleteMessagesFailure.class, failure -> {
                        context.getLog().warn("the events of an ended dialog could not be deleted from the journal",
                                failure.cause());
                        return Behaviors.same();
                    })
                    .onAnyMessage(success -> Behaviors.same())
                    .build();
        });
    }
}
