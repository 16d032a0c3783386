package io.switchboard.actors.htable;

import io.switchboard.persistence.CborSerializable;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.Terminated;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;

/**
 * Keeps this node's {@link HtableView} in step with the {@link HtableOwner}: subscribes through the
 * singleton proxy, takes the snapshot (each table in parts, swapped in whole when its last part
 * comes), then applies every change in the owner's order. When the owner goes (its node left or
 * died) it subscribes again; when no snapshot comes within {@link #RESUBSCRIBE} it asks again.
 */
public final class HtableReplica extends AbstractBehavior<HtableReplica.Command> {

    /** How long to wait for a snapshot before subscribing again. */
    static final Duration RESUBSCRIBE = Duration.ofSeconds(5);

    /** What a replica is told by the owner. */
    public interface Command extends CborSerializable {
    }

    /** The snapshot from {@code owner} (identified by {@code incarnation}) is complete: every table was {@link Replaced}. */
    public record Snapshot(ActorRef<HtableOwner.Command> owner, String incarnation) implements Command {
    }

    /** What one write or expiry changed in {@code table}; {@code origin} and {@code write} name the write. */
    public record Changed(String table, List<KeyChange> changes, ActorRef<Command> origin, long write)
            implements Command {
    }

    /**
     * Part of {@code table}'s items as the owner has them (a snapshot, or a reload); the table is
     * replaced by the parts once the {@code last} one comes. Parts keep each message well below
     * Artery's frame size.
     */
    public record Replaced(String table, Map<String, HtItem> items, boolean last) implements Command {
    }

    /** The answer to a write of this node, for {@code replyTo}, sent after the changes it made. */
    public record Acked(HtableOwner.Result result, ActorRef<HtableOwner.Result> replyTo) implements Command {
    }

    private enum SubscribeAgain implements Command {
        INSTANCE
    }

    private final ActorRef<HtableOwner.Command> ownerProxy;
    private final HtableView view;
    private final CompletableFuture<Void> ready;
    private final TimerScheduler<Command> timers;
    private final Map<String, Map<String, HtItem>> incoming = new HashMap<>();
    private ActorRef<HtableOwner.Command> owner;

    private HtableReplica(ActorContext<Command> context, TimerScheduler<Command> timers,
            ActorRef<HtableOwner.Command> ownerProxy, HtableView view, CompletableFuture<Void> ready) {
        super(context);
        this.timers = timers;
        this.ownerProxy = ownerProxy;
        this.view = view;
        this.ready = ready;
        subscribe();
    }

    /**
     * @param ownerProxy where the owner is reached: the singleton proxy, or the owner itself
     * @param ready completed when the first snapshot is in the view
     */
    public static Behavior<Command> create(ActorRef<HtableOwner.Command> ownerProxy, HtableView view,
            CompletableFuture<Void> ready) {
        return Behaviors.setup(context -> Behaviors.withTimers(
                timers -> new HtableReplica(context, timers, ownerProxy, view, ready)));
    }

    private void subscribe() {
        ownerProxy.tell(new HtableOwner.Subscribe(getContext().getSelf()));
        timers.startSingleTimer(SubscribeAgain.INSTANCE, RESUBSCRIBE);
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(Snapshot.class, this::onSnapshot)
                .onMessage(Changed.class, changed -> {
                    view.apply(changed.table(), changed.changes(), getContext().getSelf().equals(changed.origin()),
                            changed.write());
                    return this;
                })
                .onMessage(Replaced.class, replaced -> {
                    Map<String, HtItem> items = incoming.computeIfAbsent(replaced.table(), table -> new HashMap<>());
                    items.putAll(replaced.items());
                    if (replaced.last()) {
                        view.replace(replaced.table(), incoming.remove(replaced.table()));
                    }
                    return this;
                })
                .onMessage(Acked.class, acked -> {
                    acked.replyTo().tell(acked.result());
                    return this;
                })
                .onMessageEquals(SubscribeAgain.INSTANCE, () -> {
                    subscribe();
                    return this;
                })
                .onSignal(Terminated.class, terminated -> {
                    if (terminated.getRef().equals(owner)) {
                        getContext().getLog().info("hash tables: the owner {} is gone; subscribing to the next",
                                owner.path());
                        owner = null;
                        subscribe();
                    }
                    return this;
                })
                .build();
    }

    private Behavior<Command> onSnapshot(Snapshot snapshot) {
        timers.cancel(SubscribeAgain.INSTANCE);
        if (owner != null && !owner.equals(snapshot.owner())) {
            getContext().unwatch(owner);
        }
        owner = snapshot.owner();
        getContext().watch(owner);
        view.ownedBy(snapshot.incarnation());
        ready.complete(null);
        return this;
    }
}
