package io.switchboard.engine.dispatcher;

import io.switchboard.actors.dispatcher.Destination;
import io.switchboard.actors.dispatcher.DestinationFlags;
import io.switchboard.actors.dispatcher.DestinationSet;
import io.switchboard.actors.dispatcher.DispatcherRegistry;
import io.switchboard.actors.dispatcher.DispatcherSnapshot;
import io.switchboard.actors.dispatcher.DispatcherView;
import io.switchboard.engine.management.RpcCommand;
import io.switchboard.engine.management.RpcCommands;
import io.switchboard.engine.management.RpcException;
import io.switchboard.engine.management.RpcParam;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.AskPattern;

/**
 * The dispatcher's management commands (seed manual 002, section 6) with Kamailio's names,
 * parameters and answers: {@code dispatcher.list}, {@code dispatcher.set_state STATE GROUP
 * ADDRESS}, {@code dispatcher.reload} and {@code dispatcher.ping_active [STATE]}. Failures are
 * Kamailio's, code 500 and its messages; a reload that fails says why.
 */
final class DispatcherCommands {

    /** How long a command waits for the registry; a reload reads a file or a table. */
    private static final Duration ASK_TIMEOUT = Duration.ofSeconds(30);
    private static final int FAULT = 500;

    private final DispatcherView view;
    private final ActorSystem<?> system;

    private DispatcherCommands(DispatcherView view, ActorSystem<?> system) {
        this.view = view;
        this.system = system;
    }

    /** Adds the commands; {@code view} is null when the dispatcher is off. */
    static void register(RpcCommands commands, DispatcherView view, ActorSystem<?> system) {
        DispatcherCommands c = new DispatcherCommands(view, system);
        commands.add(new RpcCommand("dispatcher.list", "Lists the groups and included destinations.",
                args -> c.list()));
        commands.add(new RpcCommand("dispatcher.set_state", "Sets the state of a destination (a, i, t or d, "
                + "a, i and t followed by p for probing) in a group; ADDRESS 'all' sets every destination of the group.",
                List.of(RpcParam.string("state"), RpcParam.integer("group"), RpcParam.string("address")),
                args -> c.setState(args.string("state"), args.integer("group"), args.string("address"))));
        commands.add(new RpcCommand("dispatcher.reload", "Reloads the groups and included destinations, keeping the "
                + "state of the destinations that stay.", args -> c.reload()));
        commands.add(new RpcCommand("dispatcher.ping_active", "Turns keepalive requests to destinations off (0) or "
                + "on (1); without a state, returns the current one.", List.of(RpcParam.integer("state").optional()),
                args -> c.pingActive(args.has("state") ? (int) args.integer("state") : -1)));
    }

    /** {@code NRSETS} and {@code RECORDS}, each {@code SET} with its {@code ID} and {@code TARGETS}. */
    private Object list() throws RpcException {
        DispatcherSnapshot snapshot = view == null ? DispatcherSnapshot.EMPTY : view.snapshot();
        if (snapshot.sets().isEmpty()) {
            throw new RpcException(FAULT, "No Destination Sets");
        }
        boolean callLoad = view.settings().countsCallLoad();
        List<Object> records = new ArrayList<>();
        for (DestinationSet set : snapshot.sets().all()) {
            List<Object> targets = new ArrayList<>();
            for (Destination d : set.destinations()) {
                targets.add(Map.of("DEST", dest(d, callLoad)));
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("ID", set.id());
            body.put("TARGETS", targets);
            records.add(Map.of("SET", body));
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("NRSETS", snapshot.sets().count());
        result.put("RECORDS", records);
        return result;
    }

    /**
     * The destinations as the live page shows them (issue 7), set by set: {@code set}, {@code uri},
     * {@code state} (the letters of {@code dispatcher.list}'s {@code FLAGS}), {@code priority};
     * empty when the dispatcher is off.
     */
    static List<Map<String, Object>> gateways(DispatcherView view) {
        List<Map<String, Object>> gateways = new ArrayList<>();
        if (view == null) {
            return gateways;
        }
        for (DestinationSet set : view.snapshot().sets().all()) {
            for (Destination d : set.destinations()) {
                Map<String, Object> gateway = new LinkedHashMap<>();
                gateway.put("set", set.id());
                gateway.put("uri", d.uri());
                gateway.put("state", DestinationFlags.letters(d.flags()));
                gateway.put("priority", d.priority());
                gateways.add(gateway);
            }
        }
        return gateways;
    }

    private static Map<String, Object> dest(Destination d, boolean callLoad) {
        Map<String, Object> dest = new LinkedHashMap<>();
        dest.put("URI", d.uri());
        dest.put("FLAGS", DestinationFlags.letters(d.flags()));
        dest.put("PRIORITY", d.priority());
        if (!d.attrs().body().isEmpty()) {
            Map<String, Object> attrs = new LinkedHashMap<>();
            attrs.put("BODY", d.attrs().body());
            attrs.put("DUID", d.attrs().duid());
            attrs.put("PROBING_COUNT", d.probingCount());
            attrs.put("MAXLOAD", d.attrs().maxload());
            attrs.put("WEIGHT", d.attrs().weight());
            attrs.put("RWEIGHT", d.attrs().rweight());
            attrs.put("SOCKET", d.attrs().socket());
            dest.put("ATTRS", attrs);
        }
        if (callLoad) {
            dest.put("RUNTIME", Map.of("DLGLOAD", d.load()));
        }
        return dest;
    }

    private Object setState(String state, long group, String address) throws RpcException {
        int flags;
        try {
            flags = DestinationFlags.ofSetState(state);
        } catch (IllegalArgumentException e) {
            throw new RpcException(FAULT, "Unknown State Value");
        }
        DispatcherRegistry.Outcome outcome = ask(r -> new DispatcherRegistry.SetState((int) group, address, flags, r));
        return settled(outcome, "State Update Failed");
    }

    private Object reload() throws RpcException {
        DispatcherRegistry.Outcome outcome = ask(DispatcherRegistry.Reload::new);
        return settled(outcome, "Reload Failed: " + outcome.message());
    }

    /** The outcome's message once this node has its snapshot, or the fault. */
    private Object settled(DispatcherRegistry.Outcome outcome, String fault) throws RpcException {
        if (!outcome.ok()) {
            throw new RpcException(FAULT, fault);
        }
        try {
            view.awaitVersion(outcome.version(), ASK_TIMEOUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return outcome.message();
    }

    private Object pingActive(int state) throws RpcException {
        DispatcherRegistry.PingState ping = ask(r -> new DispatcherRegistry.PingActive(state, r));
        Map<String, Object> result = new LinkedHashMap<>();
        if (state >= 0) {
            result.put("NewPingState", ping.current());
        }
        result.put("OldPingState", ping.old());
        return result;
    }

    private <T> T ask(Function<ActorRef<T>, DispatcherRegistry.Command> message) throws RpcException {
        if (view == null) {
            throw new RpcException(FAULT, "Dispatcher is off: no list-file or db-url is configured");
        }
        try {
            return AskPattern.ask(view.registry(), message::apply, ASK_TIMEOUT, system.scheduler())
                    .toCompletableFuture().get(ASK_TIMEOUT.toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RpcException(FAULT, "interrupted");
        } catch (ExecutionException | TimeoutException e) {
            throw new RpcException(FAULT, "the dispatcher registry did not answer: " + e.getMessage());
        }
    }
}
