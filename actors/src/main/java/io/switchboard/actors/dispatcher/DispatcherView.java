package io.switchboard.actors.dispatcher;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * A node's view of the dispatcher (DESIGN, "Dispatcher and hash tables"): the latest
 * {@link DispatcherSnapshot} the {@link DispatcherRegistry} sent, the node's own {@link SetCursor}
 * per set, and the calls it counted that the registry has not applied yet. Selection
 * ({@code ds_select_dst}, seed manual 002, 4.1) reads only these; marks and load updates are told
 * to the registry and never waited for. Thread-safe.
 */
public final class DispatcherView {

    /** How often the view subscribes again, so that a singleton that moved learns of it. */
    static final Duration RESUBSCRIBE_INTERVAL = Duration.ofSeconds(5);
    private static final long UNCONFIRMED_LOAD_MILLIS = 10_000;

    private final ActorRef<DispatcherRegistry.Command> registry;
    private final DispatcherSettings settings;
    private final String node = UUID.randomUUID().toString();
    private final AtomicReference<DispatcherSnapshot> snapshot;
    private final ConcurrentHashMap<Integer, SetCursor> cursors = new ConcurrentHashMap<>();
    private final LoadOverlay overlay = new LoadOverlay(UNCONFIRMED_LOAD_MILLIS);

    private DispatcherView(ActorRef<DispatcherRegistry.Command> registry, DispatcherSettings settings,
            AtomicReference<DispatcherSnapshot> snapshot) {
        this.registry = registry;
        this.settings = settings;
        this.snapshot = snapshot;
    }

    /** A view of {@code registry} on this node, subscribed at once. */
    public static DispatcherView start(ActorSystem<?> system, ActorRef<DispatcherRegistry.Command> registry,
            DispatcherSettings settings) {
        return start(system, settings, received -> registry);
    }

    /**
     * Starts the registry with {@code registry} — given what this node's view has last received,
     * for a registry to take over when the singleton moves to this node (see
     * {@link DispatcherRegistry}) — and a view of it on this node, subscribed at once.
     */
    public static DispatcherView start(ActorSystem<?> system, DispatcherSettings settings,
            Function<Supplier<DispatcherSnapshot>, ActorRef<DispatcherRegistry.Command>> registry) {
        AtomicReference<DispatcherSnapshot> received = new AtomicReference<>(DispatcherSnapshot.EMPTY);
        DispatcherView view = new DispatcherView(registry.apply(received::get), settings, received);
        system.systemActorOf(view.subscriber(), "dispatcher-view-" + view.node, Props.empty());
        return view;
    }

    /** What the view's actor gets: a snapshot, or its own timer to subscribe again. */
    private interface Message {
    }

    private record Received(DispatcherSnapshot snapshot) implements Message {
    }

    private enum Resubscribe implements Message {
        INSTANCE
    }

    private Behavior<Message> subscriber() {
        return Behaviors.setup(context -> Behaviors.withTimers(timers -> {
            ActorRef<DispatcherSnapshot> self = context.messageAdapter(DispatcherSnapshot.class, Received::new);
            registry.tell(new DispatcherRegistry.Subscribe(self));
            timers.startTimerWithFixedDelay(Resubscribe.INSTANCE, RESUBSCRIBE_INTERVAL);
            return Behaviors.receive(Message.class)
                    .onMessage(Received.class, m -> {
                        accept(m.snapshot());
                        return Behaviors.same();
                    })
                    .onMessageEquals(Resubscribe.INSTANCE, () -> {
                        registry.tell(new DispatcherRegistry.Subscribe(self));
                        return Behaviors.same();
                    })
                    .build();
        }));
    }

    /** Takes a snapshot from the registry. */
    void accept(DispatcherSnapshot received) {
        snapshot.set(received);
        overlay.acknowledge(received.applied(node), System.currentTimeMillis());
    }

    public DispatcherSnapshot snapshot() {
        return snapshot.get();
    }

    public ActorRef<DispatcherRegistry.Command> registry() {
        return registry;
    }

    public DispatcherSettings settings() {
        return settings;
    }

    /**
     * {@code ds_select_dst(set, alg, limit)}: selects from the node's snapshot; a selection by call
     * load (algorithm 10) is counted on its destination at once, and told to the registry.
     */
    public Optional<Selection> select(int setId, int alg, int limit, RequestKeys keys) {
        DispatcherSnapshot current = snapshot.get();
        DestinationSet set = current.sets().set(setId);
        if (set == null) {
            return Optional.empty();
        }
        SetCursor cursor = cursors.computeIfAbsent(setId, id -> new SetCursor());
        Optional<Selection> selection = DestinationSelector.select(set, alg, limit, keys, cursor, settings,
                d -> d.load() + overlay.pending(d, current.applied(node)));
        if (selection.isEmpty() || !selection.get().countsLoad()) {
            return selection;
        }
        Selection chosen = selection.get();
        Destination first = chosen.first();
        if (first.attrs().duid().isEmpty() || keys.callId() == null) {
            return Optional.of(new Selection(chosen.setId(), DestinationSelector.HASH_CALL_ID, chosen.targets()));
        }
        overlay.add(first, System.currentTimeMillis(), seq -> registry.tell(
                new DispatcherRegistry.LoadAdd(keys.callId(), setId, first.attrs().duid(), node, seq)));
        return selection;
    }

    /** {@code ds_next_dst} of a call counted on a destination: it now counts on {@code next}. */
    public void moveLoad(String callId, Destination next) {
        overlay.add(next, System.currentTimeMillis(), seq -> registry.tell(
                new DispatcherRegistry.LoadReplace(callId, next.setId(), next.attrs().duid(), node, seq)));
    }

    /** {@code ds_mark_dst(state)}; {@code code} and {@code reason} reach the event route. */
    public void mark(Destination destination, int state, int code, String reason) {
        registry.tell(new DispatcherRegistry.Mark(destination.setId(), destination.uri(), state, code, reason));
    }

    /** {@code ds_load_update} on a 2xx to an INVITE. */
    public void confirmLoad(String callId) {
        registry.tell(new DispatcherRegistry.LoadConfirm(callId));
    }

    /** {@code ds_load_update} on BYE or CANCEL, {@code ds_load_unset}. */
    public void removeLoad(String callId) {
        registry.tell(new DispatcherRegistry.LoadRemove(callId));
    }

    /** Waits (up to {@code timeout}) until this node has seen snapshot {@code version}; false if not. */
    public boolean awaitVersion(long version, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (snapshot.get().version() < version) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(2);
        }
        return true;
    }
}
