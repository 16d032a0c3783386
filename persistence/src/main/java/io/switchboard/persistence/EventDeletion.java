package io.switchboard.persistence;

import com.typesafe.config.ConfigFactory;
import java.util.function.Function;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.persistence.DeleteMessagesSuccess;
import org.apache.pekko.persistence.JournalProtocol;
import org.apache.pekko.persistence.Persistence;

/**
 * Deletes an event-sourced actor's events from the default journal, for actors whose history
 * has no use once they are done (an ended dialog after {@code end-timeout}). Pekko's typed
 * {@code EventSourcedBehavior} deletes events only after a snapshot, which would leave the
 * snapshot behind; this asks the journal directly with its own protocol
 * ({@code JournalProtocol.DeleteMessagesTo}) and hands the outcome to the actor as a message.
 * pekko-persistence-jdbc keeps the row of the highest sequence number, marked deleted, so that a
 * later incarnation continues the numbering. Use from the actor's own thread.
 *
 * @param <C> the actor's message type
 */
public final class EventDeletion<C> {

    private final ActorContext<C> context;
    private final ActorRef<Object> replies;
    private boolean running;

    /** Registers the adapter that turns the journal's answer into {@code outcome.apply(deleted)}. */
    public EventDeletion(ActorContext<C> context, Function<Boolean, C> outcome) {
        this.context = context;
        this.replies = context.messageAdapter(Object.class, reply -> {
            running = false;
            return outcome.apply(reply instanceof DeleteMessagesSuccess);
        });
    }

    /** Asks the journal to delete the events of {@code persistenceId} up to {@code toSequenceNr}, inclusive. */
    public void delete(String persistenceId, long toSequenceNr) {
        running = true;
        Persistence.get(Adapter.toClassic(context.getSystem()))
                .journalFor("", ConfigFactory.empty())
                .tell(new JournalProtocol.DeleteMessagesTo(persistenceId, toSequenceNr, Adapter.toClassic(replies)),
                        org.apache.pekko.actor.ActorRef.noSender());
    }

    /** True from {@link #delete} until the journal answered. */
    public boolean running() {
        return running;
    }
}
