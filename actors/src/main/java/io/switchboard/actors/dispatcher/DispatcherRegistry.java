package io.switchboard.actors.dispatcher;

import io.switchboard.persistence.CborSerializable;
import io.switchboard.persistence.dispatcher.DestinationLoadException;
import io.switchboard.persistence.dispatcher.DestinationSource;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;

/**
 * The dispatcher registry (DESIGN, "Dispatcher and hash tables"; seed manual 002): the one owner
 * of the destination sets, a cluster singleton. It loads the sets from their source and reloads
 * them on {@code dispatcher.reload} (6.3), keeping what it learnt about the destinations that stay;
 * it applies marks ({@code ds_mark_dst}, 4.5), operators' states ({@code dispatcher.set_state},
 * 6.1) and the answers of its keep-alive probes (3.20–3.26) through {@link StateChange}; it counts
 * call load (4.8, 4.9, 3.27–3.30). After every change it sends a new {@link DispatcherSnapshot} to
 * every subscribed node, where selection happens.
 *
 * <p>Across nodes (DESIGN, "Cluster"): every {@link Command} the views and the management commands
 * send, the snapshots and the replies ({@link Outcome}, {@link PingState}) are
 * {@link CborSerializable}, so a view on any node subscribes, marks, counts load and asks. The
 * messages the registry sends itself ({@code Loaded}, {@code Answered}, timers) stay on its node.
 * {@link DispatcherEvent}s are raised to the listener of the registry's node, where the probes go
 * out: they are not messages.
 *
 * <p>When the singleton moves (its node left or died) the registry that starts on the next node
 * takes the sets over from the last snapshot that node's view received, as the hash tables' owner
 * takes over its node's view: the destinations' states and probing counts stay (an inactive or
 * disabled gateway does not come back to life because the singleton moved), the source is loaded
 * again over them as a reload would, and versions go on from the last one. Nothing is journaled:
 * the state is small, every node already holds it, and it is the state Kamailio keeps in shared
 * memory only. Call load starts from 0, as after Kamailio's {@code ds_reload} (5.3): the calls it
 * counted were the old registry's, and their ends could not take them off again. The
 * {@code dispatcher.ping_active} switch (6.4) is the registry's own and starts on again. A change
 * the old registry made that never reached the new node's view is lost.
 */
public final class DispatcherRegistry extends AbstractBehavior<DispatcherRegistry.Command> {

    /** What the registry is told. */
    public sealed interface Command extends CborSerializable {
    }

    /** A node's view asks for every snapshot from now on (sent again now and then: the singleton may move). */
    public record Subscribe(ActorRef<DispatcherSnapshot> subscriber) implements Command {
    }

    /** The current snapshot, once. */
    public record GetSnapshot(ActorRef<DispatcherSnapshot> replyTo) implements Command {
    }

    /** {@code dispatcher.reload}: load the source again. */
    public record Reload(ActorRef<Outcome> replyTo) implements Command {
    }

    /** {@code dispatcher.set_state STATE GROUP ADDRESS}; {@code uri} "all" sets every destination of the set. */
    public record SetState(int setId, String uri, int state, ActorRef<Outcome> replyTo) implements Command {
    }

    /** {@code ds_mark_dst(state)} for a destination, with the status that made the route decide. */
    public record Mark(int setId, String uri, int state, int code, String reason) implements Command {
    }

    /** {@code dispatcher.ping_active [STATE]}: -1 only asks. */
    public record PingActive(int state, ActorRef<PingState> replyTo) implements Command {
    }

    /** A call selected by algorithm 10 counts on the destination with {@code duid}. */
    public record LoadAdd(String callId, int setId, String duid, String node, long seq) implements Command {
    }

    /** {@code ds_next_dst} for a counted call: it now counts on the destination with {@code duid}. */
    public record LoadReplace(String callId, int setId, String duid, String node, long seq) implements Command {
    }

    /** {@code ds_load_update} on a 2xx to the INVITE. */
    public record LoadConfirm(String callId) implements Command {
    }

    /** {@code ds_load_update} on BYE or CANCEL, {@code ds_load_unset}. */
    public record LoadRemove(String callId) implements Command {
    }

    /** The answer to a reload or a state change; {@code version} is the snapshot that has it. */
    public record Outcome(boolean ok, String message, long version) implements CborSerializable {
    }

    /** The keep-alive switch before and after the command. */
    public record PingState(int old, int current) implements CborSerializable {
    }

    private record Loaded(DestinationSets sets, Throwable failure, ActorRef<Outcome> replyTo) implements Command {
    }

    private record Answered(int setId, String uri, int code, String reason) implements Command {
    }

    private record Unsubscribed(ActorRef<DispatcherSnapshot> subscriber) implements Command {
    }

    private enum PingTick implements Command {
        INSTANCE
    }

    private enum ExpireTick implements Command {
        INSTANCE
    }

    private final DispatcherSettings settings;
    private final DestinationSource source;
    private final Executor blocking;
    private final ProbeSender prober;
    private final DispatcherListener listener;
    private final LongSupplier clock;
    private final Supplier<DispatcherSnapshot> inherited;
    private final Random random = new Random();
    private final Set<ActorRef<DispatcherSnapshot>> subscribers = new HashSet<>();
    private final Map<String, Long> appliedLoad = new HashMap<>();
    private final CallLoad calls;
    private DispatcherSnapshot snapshot;
    private boolean loaded;
    private boolean pingActive = true;

    private DispatcherRegistry(ActorContext<Command> context, DispatcherSettings settings, DestinationSource source,
            Executor blocking, ProbeSender prober, DispatcherListener listener, LongSupplier clock,
            Supplier<DispatcherSnapshot> inherited) {
        super(context);
        this.settings = settings;
        this.source = source;
        this.blocking = blocking;
        this.prober = prober;
        this.listener = listener;
        this.clock = clock;
        this.inherited = inherited;
        this.calls = new CallLoad(settings.hashExpire(), settings.hashInitExpire());
        this.snapshot = new DispatcherSnapshot(clock.getAsLong(), DestinationSets.EMPTY, Map.of());
    }

    /** The behaviour of a registry with nothing to take over: the first of a cluster, or one that never moves. */
    public static Behavior<Command> create(DispatcherSettings settings, DestinationSource source, Executor blocking,
            ProbeSender prober, DispatcherListener listener, LongSupplier clock) {
        return create(settings, source, blocking, prober, listener, clock, () -> DispatcherSnapshot.EMPTY);
    }

    /**
     * The registry's behaviour: it loads {@code source} on {@code blocking} at once.
     *
     * @param clock milliseconds, for call load expiry; the first snapshot's version starts from it,
     *     or from the inherited one when that is higher, so versions keep growing when the
     *     singleton moves
     * @param inherited the last snapshot this node's view received, read when the first load is
     *     done: the sets to take over when the singleton moved here ({@link DispatcherSnapshot#EMPTY}
     *     for none)
     */
    public static Behavior<Command> create(DispatcherSettings settings, DestinationSource source, Executor blocking,
            ProbeSender prober, DispatcherListener listener, LongSupplier clock, Supplier<DispatcherSnapshot> inherited) {
        return Behaviors.setup(context -> Behaviors.withTimers(timers -> {
            DispatcherRegistry registry = new DispatcherRegistry(context, settings, source, blocking, prober, listener,
                    clock, inherited);
            registry.startTimers(timers);
            registry.load(null);
            return registry;
        }));
    }

    private void startTimers(TimerScheduler<Command> timers) {
        if (settings.probes()) {
            timers.startTimerWithFixedDelay(PingTick.INSTANCE, settings.pingInterval());
        }
        if (settings.countsCallLoad()) {
            timers.startTimerWithFixedDelay(ExpireTick.INSTANCE, settings.hashCheckInterval());
        }
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(Subscribe.class, this::onSubscribe)
                .onMessage(Unsubscribed.class, m -> {
                    subscribers.remove(m.subscriber());
                    return this;
                })
                .onMessage(GetSnapshot.class, m -> {
                    m.replyTo().tell(snapshot);
                    return this;
                })
                .onMessage(Reload.class, m -> {
                    load(m.replyTo());
                    return this;
                })
                .onMessage(Loaded.class, this::onLoaded)
                .onMessage(SetState.class, this::onSetState)
                .onMessage(Mark.class, m -> {
                    change(m.setId(), m.uri(), d -> StateChange.of(d, m.state(), settings.probingThreshold(),
                            settings.inactiveThreshold()), m.code(), m.reason());
                    return this;
                })
                .onMessage(PingActive.class, this::onPingActive)
                .onMessageEquals(PingTick.INSTANCE, this::onPingTick)
                .onMessage(Answered.class, this::onAnswered)
                .onMessage(LoadAdd.class, this::onLoadAdd)
                .onMessage(LoadReplace.class, this::onLoadReplace)
                .onMessage(LoadConfirm.class, m -> {
                    calls.confirm(m.callId());
                    return this;
                })
                .onMessage(LoadRemove.class, m -> {
                    if (unload(calls.remove(m.callId()))) {
                        publish();
                    }
                    return this;
                })
                .onMessageEquals(ExpireTick.INSTANCE, this::onExpireTick)
                .build();
    }

    private Behavior<Command> onSubscribe(Subscribe m) {
        if (subscribers.add(m.subscriber())) {
            getContext().watchWith(m.subscriber(), new Unsubscribed(m.subscriber()));
            if (loaded) {
                m.subscriber().tell(snapshot);
            }
        }
        return this;
    }

    private void load(ActorRef<Outcome> replyTo) {
        getContext().pipeToSelf(CompletableFuture.supplyAsync(() -> {
            try {
                return DestinationSets.of(source.load(), new Random());
            } catch (DestinationLoadException e) {
                throw new CompletionException(e);
            }
        }, blocking), (sets, failure) -> new Loaded(sets, failure, replyTo));
    }

    private Behavior<Command> onLoaded(Loaded m) {
        if (!loaded) {
            inherit();
        }
        if (m.failure() != null) {
            Throwable cause = m.failure() instanceof CompletionException && m.failure().getCause() != null
                    ? m.failure().getCause() : m.failure();
            getContext().getLog().error("dispatcher: {}; the sets in use stay", cause.getMessage());
            if (m.replyTo() != null) {
                m.replyTo().tell(new Outcome(false, cause.getMessage(), snapshot.version()));
            }
            if (!loaded) {
                loaded = true;
                publish();
            }
            return this;
        }
        DestinationSets sets = m.sets().keepingStateOf(snapshot.sets(), random);
        calls.retainAll(sets);
        loaded = true;
        snapshot = new DispatcherSnapshot(snapshot.version(), sets, snapshot.appliedLoad());
        publish();
        getContext().getLog().info("dispatcher: {} sets loaded from {}", sets.count(), source);
        if (m.replyTo() != null) {
            m.replyTo().tell(new Outcome(true, "Ok. Dispatcher successfully reloaded.", snapshot.version()));
        }
        return this;
    }

    /** Takes over the sets of the last snapshot this node saw, without their call load. */
    private void inherit() {
        DispatcherSnapshot last = inherited.get();
        if (last.sets().isEmpty()) {
            return;
        }
        snapshot = new DispatcherSnapshot(Math.max(snapshot.version(), last.version()), last.sets().withoutLoad(),
                appliedLoad);
        getContext().getLog().info("dispatcher: taking over the states of {} destinations from snapshot {}",
                last.sets().destinations().size(), last.version());
    }

    private Behavior<Command> onSetState(SetState m) {
        DestinationSet set = snapshot.sets().set(m.setId());
        boolean all = m.uri().equals("all");
        if (set == null || !all && set.indexOf(m.uri()) < 0) {
            m.replyTo().tell(new Outcome(false, "State Update Failed", snapshot.version()));
            return this;
        }
        for (Destination d : set.destinations()) {
            if (all || d.hasUri(m.uri())) {
                change(m.setId(), d.uri(), current -> StateChange.set(current, m.state()), 0, "");
            }
        }
        m.replyTo().tell(new Outcome(true, "Ok. Dispatcher state updated.", snapshot.version()));
        return this;
    }

    /** Applies a state change to one destination, publishes, and raises its event. */
    private void change(int setId, String uri, Function<Destination, StateChange> how, int code,
            String reason) {
        DestinationSet set = snapshot.sets().set(setId);
        int index = set == null ? -1 : set.indexOf(uri);
        if (index < 0) {
            getContext().getLog().debug("dispatcher: no destination {} in set {}", uri, setId);
            return;
        }
        Destination before = set.get(index);
        StateChange change = how.apply(before);
        replace(set, index, change.applyTo(before));
        publish();
        if (change.event() != null) {
            listener.onEvent(new DispatcherEvent(change.event(), setId, before.uri(), code, reason));
        }
    }

    private void replace(DestinationSet set, int index, Destination destination) {
        snapshot = new DispatcherSnapshot(snapshot.version(), snapshot.sets().with(set.with(index, destination, random)),
                appliedLoad);
    }

    private Behavior<Command> onPingActive(PingActive m) {
        int old = pingActive ? 1 : 0;
        if (m.state() >= 0) {
            pingActive = m.state() != 0;
        }
        m.replyTo().tell(new PingState(old, pingActive ? 1 : 0));
        return this;
    }

    /** Sends the probes off the actor's thread: a host name in a destination may need a DNS lookup. */
    private Behavior<Command> onPingTick() {
        if (!pingActive) {
            return this;
        }
        for (DestinationSet set : snapshot.sets().all()) {
            for (Destination d : set.destinations()) {
                if (settings.probingMode().probes(d.flags())) {
                    CompletableFuture<ProbeSender.ProbeAnswer> sent = CompletableFuture
                            .supplyAsync(() -> prober.probe(d), blocking).thenCompose(answer -> answer);
                    getContext().pipeToSelf(sent, (answer, failure) -> failure == null
                            ? new Answered(d.setId(), d.uri(), answer.code(), answer.reason())
                            : new Answered(d.setId(), d.uri(), 500, "Sending keepalive failed"));
                }
            }
        }
        return this;
    }

    private Behavior<Command> onAnswered(Answered m) {
        DestinationSet set = snapshot.sets().set(m.setId());
        int index = set == null ? -1 : set.indexOf(m.uri());
        if (index < 0 || !settings.probingMode().takesAnswer(set.get(index).flags())) {
            return this;
        }
        ProbingMode mode = settings.probingMode();
        change(m.setId(), m.uri(), d -> StateChange.of(d, settings.pingReplyCodes().accepts(m.code())
                ? mode.afterSuccess(d.flags()) : mode.afterFailure(), settings.probingThreshold(),
                settings.inactiveThreshold()), m.code(), m.reason());
        return this;
    }

    private Behavior<Command> onLoadAdd(LoadAdd m) {
        applied(m.node(), m.seq());
        if (calls.add(m.callId(), m.setId(), m.duid(), clock.getAsLong())) {
            shiftLoad(m.setId(), m.duid(), 1);
        }
        publish();
        return this;
    }

    private Behavior<Command> onLoadReplace(LoadReplace m) {
        unload(calls.remove(m.callId()));
        return onLoadAdd(new LoadAdd(m.callId(), m.setId(), m.duid(), m.node(), m.seq()));
    }

    private Behavior<Command> onExpireTick() {
        boolean changed = false;
        for (CallLoad.Call call : calls.expire(clock.getAsLong())) {
            changed |= unload(call);
        }
        if (changed) {
            publish();
        }
        return this;
    }

    private boolean unload(CallLoad.Call call) {
        return call != null && shiftLoad(call.setId(), call.duid(), -1);
    }

    private boolean shiftLoad(int setId, String duid, int delta) {
        DestinationSet set = snapshot.sets().set(setId);
        int index = set == null ? -1 : set.indexOfDuid(duid);
        if (index < 0) {
            return false;
        }
        Destination d = set.get(index);
        replace(set, index, d.withLoad(Math.max(0, d.load() + delta)));
        return true;
    }

    private void applied(String node, long seq) {
        appliedLoad.merge(node, seq, Math::max);
    }

    private void publish() {
        snapshot = new DispatcherSnapshot(snapshot.version() + 1, snapshot.sets(), appliedLoad);
        subscribers.forEach(s -> s.tell(snapshot));
    }
}
