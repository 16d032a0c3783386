package io.switchboard.actors.htable;

import io.switchboard.persistence.CborSerializable;
import io.switchboard.persistence.htable.HtableDatabase;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.regex.PatternSyntaxException;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.Terminated;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;

/**
 * The owner of the hash tables (DESIGN "Dispatcher and hash tables"): a cluster singleton that
 * applies every write, one after another (so {@code $shtinc} is atomic across the cluster), expires
 * items every {@code timer_interval} (Kamailio's {@code ht_timer}; htable README §3.10), reloads a
 * table from its database ({@code htable.reload}) and writes tables with {@code dbmode=1} back
 * ({@link Save}, when the engine stops). It publishes a snapshot to each {@link HtableReplica}
 * that subscribes, then every change, in the order it applied them.
 *
 * <p>A new owner first waits for the replica of its own node (at most {@link #LOCAL_REPLICA_WAIT}),
 * keeping every other message for later: if that node's view followed a previous owner (the
 * singleton moved here from a node that left or died), the new owner takes the tables over from it;
 * otherwise (the cluster is starting) it keeps what its node loaded from the database.
 *
 * <p>Why a published snapshot and ordered changes rather than Pekko Distributed Data: there is one
 * writer, so nothing needs a CRDT's merge; Distributed Data tells subscribers of changes only every
 * {@code notify-subscribers-interval} (500 ms by default), so a node's view would lag behind its
 * own writes, where the owner's changes carry the write they answer and let a node keep its own
 * writes visible until the owner confirms them ({@link HtableView}); and a large table would be one
 * Distributed Data entry gossiped whole. Snapshots and large changes go in parts of
 * {@value #PART} items, well below Artery's frame size.
 */
public final class HtableOwner extends AbstractBehavior<HtableOwner.Command> {

    /** What the owner is told. */
    public interface Command extends CborSerializable {
    }

    /** A replica asks for the snapshot and the changes after it. */
    public record Subscribe(ActorRef<HtableReplica.Command> replica) implements Command {
    }

    /**
     * Apply {@code op} to {@code table}. The changes go to every replica; {@code origin} (the
     * replica of the node that wrote, or null) learns they answer its write {@code write}, and
     * relays the {@link Result} to {@code replyTo} (when not null) once its view has them.
     */
    public record Write(String table, HtableOp op, ActorRef<HtableReplica.Command> origin, long write,
            ActorRef<Result> replyTo) implements Command {
    }

    /** {@code htable.reload}: replace {@code table} with its database rows. */
    public record Reload(String table, ActorRef<HtableReplica.Command> origin, ActorRef<Result> replyTo)
            implements Command {
    }

    /** Write the tables with {@code dbmode=1} to their database tables. */
    public record Save(ActorRef<Result> replyTo) implements Command {
    }

    /** The singleton's stop message. */
    public enum Stop implements Command {
        INSTANCE
    }

    /** The answer to a write, a reload or a save: the item's value after it (for an increment), or what failed. */
    public record Result(boolean ok, HtValue value, String error) implements CborSerializable {

        static Result failed(String error) {
            return new Result(false, null, error);
        }
    }

    /** How long a new owner waits for its own node's replica before it serves the others. */
    static final Duration LOCAL_REPLICA_WAIT = Duration.ofSeconds(5);
    private static final int STASH = 10_000;
    /** Items or changes per message to a replica. */
    static final int PART = 1_000;

    private enum Sweep implements Command {
        INSTANCE
    }

    private enum StopWaiting implements Command {
        INSTANCE
    }

    private record Loaded(Reload reload, Map<String, HtItem> items, Throwable failure) implements Command {
    }

    private record Saved(Save save, Throwable failure) implements Command {
    }

    private final HtableSettings settings;
    private final Clock clock;
    private final Map<String, HashTable> tables = new HashMap<>();
    private final Set<ActorRef<HtableReplica.Command>> replicas = new HashSet<>();
    private final String incarnation = UUID.randomUUID().toString();
    private final Executor blocking;

    private HtableOwner(ActorContext<Command> context, HtableSettings settings, Map<String, Map<String, HtItem>> loaded,
            Clock clock) {
        super(context);
        this.settings = settings;
        this.clock = clock;
        this.blocking = context.getSystem().dispatchers().lookup(DispatcherSelector.blocking());
        for (TableDefinition definition : settings.tables()) {
            HashTable table = new HashTable(definition);
            table.replace(loaded.getOrDefault(definition.name(), Map.of()));
            tables.put(definition.name(), table);
        }
    }

    /**
     * The owner's behaviour.
     *
     * @param loaded what this node loaded from the database at start, by table name
     * @param localView the view of the node this owner runs on, to take over from
     */
    public static Behavior<Command> create(HtableSettings settings, Map<String, Map<String, HtItem>> loaded, Clock clock,
            HtableView localView) {
        return Behaviors.setup(context -> Behaviors.withTimers(timers -> Behaviors.withStash(STASH, stash -> {
            if (settings.tables().stream().anyMatch(TableDefinition::hasAutoexpire)) {
                timers.startTimerAtFixedRate(Sweep.INSTANCE, settings.timerInterval());
            }
            timers.startSingleTimer(StopWaiting.INSTANCE, LOCAL_REPLICA_WAIT);
            HtableOwner owner = new HtableOwner(context, settings, loaded, clock);
            return Behaviors.receive(Command.class)
                    .onMessage(Subscribe.class, subscribe -> subscribe.replica().path().address().hasLocalScope(),
                            subscribe -> {
                                timers.cancel(StopWaiting.INSTANCE);
                                owner.adopt(localView);
                                return stash.unstashAll(owner.onSubscribe(subscribe));
                            })
                    .onMessageEquals(StopWaiting.INSTANCE, () -> stash.unstashAll(owner))
                    .onMessage(Command.class, message -> {
                        stash.stash(message);
                        return Behaviors.same();
                    })
                    .build();
        })));
    }

    /** Takes the tables over from this node's view when it followed a previous owner. */
    private void adopt(HtableView localView) {
        if (localView.incarnation() == null) {
            return;
        }
        getContext().getLog().info("hash tables: taking over the tables of the previous owner {}",
                localView.incarnation());
        localView.content().forEach((name, items) -> {
            HashTable table = tables.get(name);
            if (table != null) {
                table.replace(items);
            }
        });
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(Subscribe.class, this::onSubscribe)
                .onMessage(Write.class, this::onWrite)
                .onMessage(Sweep.class, sweep -> onSweep())
                .onMessage(Reload.class, this::onReload)
                .onMessage(Loaded.class, this::onLoaded)
                .onMessage(Save.class, this::onSave)
                .onMessage(Saved.class, this::onSaved)
                .onMessageEquals(Stop.INSTANCE, Behaviors::stopped)
                .onMessageEquals(StopWaiting.INSTANCE, () -> this)
                .onSignal(Terminated.class, terminated -> {
                    replicas.remove(terminated.getRef());
                    return this;
                })
                .build();
    }

    private Behavior<Command> onSubscribe(Subscribe subscribe) {
        if (replicas.add(subscribe.replica())) {
            getContext().watch(subscribe.replica());
        }
        tables.forEach((name, table) -> replace(Set.of(subscribe.replica()), name, table.content()));
        subscribe.replica().tell(new HtableReplica.Snapshot(getContext().getSelf(), incarnation));
        return this;
    }

    /** Sends {@code items} as the content of {@code table}, in parts. */
    private static void replace(Set<ActorRef<HtableReplica.Command>> to, String table, Map<String, HtItem> items) {
        List<Map.Entry<String, HtItem>> entries = new ArrayList<>(items.entrySet());
        for (int from = 0; from == 0 || from < entries.size(); from += PART) {
            Map<String, HtItem> part = new HashMap<>();
            entries.subList(from, Math.min(entries.size(), from + PART)).forEach(e -> part.put(e.getKey(), e.getValue()));
            HtableReplica.Replaced replaced = new HtableReplica.Replaced(table, part, from + PART >= entries.size());
            to.forEach(replica -> replica.tell(replaced));
        }
    }

    private Behavior<Command> onWrite(Write write) {
        HashTable table = tables.get(write.table());
        Result result;
        if (table == null) {
            result = Result.failed("no hash table named '" + write.table() + "'");
        } else {
            try {
                HashTable.Outcome outcome = table.apply(write.op(), clock.millis());
                publish(write.table(), outcome.changes(), write.origin(), write.write());
                result = outcome.done() ? new Result(true, outcome.item() == null ? null : outcome.item().value(), null)
                        : Result.failed("cannot add to '" + write.op().key() + "' in " + write.table()
                                + ": a string, or missing in a table without initval");
            } catch (PatternSyntaxException e) {
                result = Result.failed("bad regular expression: " + e.getDescription());
            }
        }
        answer(write.origin(), write.replyTo(), result);
        return this;
    }

    private void publish(String table, List<KeyChange> changes, ActorRef<HtableReplica.Command> origin, long write) {
        for (int from = 0; from < changes.size(); from += PART) {
            HtableReplica.Changed changed = new HtableReplica.Changed(table,
                    List.copyOf(changes.subList(from, Math.min(changes.size(), from + PART))), origin, write);
            replicas.forEach(replica -> replica.tell(changed));
        }
    }

    /** Through the origin's replica, so that its view has the change before the asker hears back. */
    private static void answer(ActorRef<HtableReplica.Command> origin, ActorRef<Result> replyTo, Result result) {
        if (replyTo == null) {
            return;
        }
        if (origin != null) {
            origin.tell(new HtableReplica.Acked(result, replyTo));
        } else {
            replyTo.tell(result);
        }
    }

    private Behavior<Command> onSweep() {
        long now = clock.millis();
        tables.forEach((name, table) -> {
            if (table.definition().hasAutoexpire()) {
                publish(name, table.sweep(now), null, 0);
            }
        });
        return this;
    }

    private Behavior<Command> onReload(Reload reload) {
        HashTable table = tables.get(reload.table());
        HtableDatabase database = settings.database();
        if (table == null || database == null || table.definition().dbtable().isEmpty()) {
            answer(reload.origin(), reload.replyTo(), Result.failed(table == null
                    ? "no hash table named '" + reload.table() + "'"
                    : database == null ? "no htable db-url" : "table " + reload.table() + " has no dbtable"));
            return this;
        }
        TableDefinition definition = table.definition();
        getContext().pipeToSelf(CompletableFuture.supplyAsync(() -> settings.load(definition, clock.millis()), blocking),
                (items, failure) -> new Loaded(reload, items, failure));
        return this;
    }

    private Behavior<Command> onLoaded(Loaded loaded) {
        Reload reload = loaded.reload();
        if (loaded.failure() != null) {
            answer(reload.origin(), reload.replyTo(), Result.failed("reload of " + reload.table() + " failed: "
                    + rootMessage(loaded.failure())));
            return this;
        }
        tables.get(reload.table()).replace(loaded.items());
        replace(replicas, reload.table(), loaded.items());
        answer(reload.origin(), reload.replyTo(), new Result(true, null, null));
        return this;
    }

    private Behavior<Command> onSave(Save save) {
        long now = clock.millis();
        Map<TableDefinition, Map<String, HtItem>> written = new HashMap<>();
        tables.values().stream().filter(t -> t.definition().dbmode() == 1 && !t.definition().dbtable().isEmpty())
                .forEach(t -> written.put(t.definition(), t.content()));
        getContext().pipeToSelf(CompletableFuture.runAsync(() -> settings.save(written, now), blocking),
                (done, failure) -> new Saved(save, failure));
        return this;
    }

    private Behavior<Command> onSaved(Saved saved) {
        if (saved.failure() != null) {
            getContext().getLog().error("hash tables: write-back failed: {}", rootMessage(saved.failure()));
        }
        saved.save().replyTo().tell(saved.failure() == null ? new Result(true, null, null)
                : Result.failed("write-back failed: " + rootMessage(saved.failure())));
        return this;
    }

    private static String rootMessage(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }
}
