package io.switchboard.actors.dialog;

import io.switchboard.persistence.EventDeletion;
import java.time.Duration;
import java.util.function.Function;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;

/**
 * When and how one dialog entity leaves memory. An entity that never got an INVITE stays
 * {@link DialogEntity#UNTRACKED_LINGER}. An ended dialog whose end is in the journal stays
 * {@link DialogEntity#ENDED_LINGER}, then leaves the deletion of its events to
 * {@link EndedDialogs} and passivates; one whose end is in memory only stays until
 * {@code end-timeout} (seed manual 6.9), then deletes its events itself. Used from the entity's
 * own thread.
 */
final class DialogPassivation {

    private final ActorContext<DialogCommand> context;
    private final ActorRef<ClusterSharding.ShardCommand> shard;
    private final EventDeletion<DialogCommand> deletion;
    /** When an ended dialog passivates; 0 while it has not ended, or lingers no more. */
    private long lingerUntil;
    /** When an entity without a dialog passivates. */
    private long untrackedUntil;

    /** {@code deleted} turns the journal's answer to a deletion into a message to the entity. */
    DialogPassivation(ActorContext<DialogCommand> context, ActorRef<ClusterSharding.ShardCommand> shard,
            Function<Boolean, DialogCommand> deleted) {
        this.context = context;
        this.shard = shard;
        this.deletion = new EventDeletion<>(context, deleted);
    }

    /** The dialog has just ended: it lingers from {@code now}. */
    void ended(long now) {
        lingerUntil = now + DialogEntity.ENDED_LINGER.toMillis();
    }

    /** A new dialog on the same Call-ID, or one not ended: no linger. */
    void live() {
        lingerUntil = 0;
    }

    /** The entity started from the journal with {@code recovered}. */
    void recovered(Dialog recovered, long now) {
        lingerUntil = recovered.tracked() && recovered.state() == DialogState.DELETED
                ? now + DialogEntity.ENDED_LINGER.toMillis() : 0;
        if (!recovered.tracked()) {
            untrackedUntil = now + DialogEntity.UNTRACKED_LINGER.toMillis();
        }
    }

    /** The next deadline of {@code dialog}: its own, or the end of the untracked linger. */
    long deadline(Dialog dialog) {
        return dialog.tracked() ? dialog.deadline() : untrackedUntil;
    }

    /** {@code deadline}, or the end of the ended linger when that comes first. */
    long wakeUp(long deadline) {
        return lingerUntil > 0 ? Math.min(deadline, lingerUntil) : deadline;
    }

    /**
     * At a deadline before {@code end-timeout}, due in {@code remainingMillis}: once the linger is
     * over, an end in the journal ({@code journaled}) is handed to {@link EndedDialogs} and the
     * entity passivates (true); an end only in memory stays until end-timeout.
     */
    boolean lingerOver(Dialog journaled, String persistenceId, long lastSequenceNr, long now,
            long remainingMillis) {
        if (lingerUntil == 0 || now < lingerUntil) {
            return false;
        }
        lingerUntil = 0;
        if (!journaled.tracked() || journaled.state() != DialogState.DELETED) {
            return false;
        }
        EndedDialogs.get(context.getSystem()).deleteAfter(persistenceId, lastSequenceNr,
                Duration.ofMillis(remainingMillis));
        passivate();
        return true;
    }

    /** At {@code end-timeout}: deletes the events up to {@code lastSequenceNr}, or passivates when there are none. */
    void cleanUp(String persistenceId, long lastSequenceNr) {
        if (lastSequenceNr > 0) {
            deletion.delete(persistenceId, lastSequenceNr);
        } else {
            passivate();
        }
    }

    /** True from {@link #cleanUp} until the journal answered. */
    boolean cleaning() {
        return deletion.running();
    }

    void passivate() {
        shard.tell(new ClusterSharding.Passivate<>(context.getSelf()));
    }
}
