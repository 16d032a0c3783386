package io.switchboard.engine.dispatcher;

import io.switchboard.actors.cluster.ClusterOfOne;
import io.switchboard.actors.dispatcher.Destination;
import io.switchboard.actors.dispatcher.DestinationFlags;
import io.switchboard.actors.dispatcher.DispatcherEvent;
import io.switchboard.actors.dispatcher.DispatcherListener;
import io.switchboard.actors.dispatcher.DispatcherRegistry;
import io.switchboard.actors.dispatcher.DispatcherSettings;
import io.switchboard.actors.dispatcher.DispatcherView;
import io.switchboard.actors.dispatcher.SourceMatch;
import io.switchboard.engine.management.Management;
import io.switchboard.engine.proxy.Lanes;
import io.switchboard.engine.proxy.LocalAddresses;
import io.switchboard.engine.route.Route;
import io.switchboard.transport.message.SipRequest;
import io.switchboard.transport.message.SipResponse;
import io.switchboard.transport.net.Transport;
import io.switchboard.transport.parse.SipParseException;
import io.switchboard.transport.transaction.TransactionLayer;
import io.switchboard.transport.uri.SipUri;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dispatcher in the engine (seed manual 002; DESIGN, "Dispatcher and hash tables"): starts
 * the registry singleton and this node's view of it, probes through the transaction layer, adds
 * the {@code dispatcher.*} commands and statistics, and gives the routing API its functions —
 * {@code ds_select_dst}, {@code ds_next_dst}, {@code ds_mark_dst}, {@code ds_is_from_list},
 * {@code ds_list_exist}, {@code ds_load_update}, {@code ds_load_unset} — all on the node's
 * snapshot or as messages to the registry, never waiting for it. When the singleton moves to this
 * node, the registry takes the destinations' states over from this node's view. Without a list
 * file or database the dispatcher is off: there are no sets and every selection fails.
 */
public final class Dispatcher {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);
    private static final Duration FIRST_SNAPSHOT = Duration.ofSeconds(30);

    private final DispatcherConfig config;
    private final DispatcherView view;

    private Dispatcher(DispatcherConfig config, DispatcherView view) {
        this.config = config;
        this.view = view;
    }

    /**
     * Starts the dispatcher: the registry (a cluster singleton) loads its source; selection works
     * once this node has the first snapshot ({@link #awaitSets()}). Probes go out through
     * {@code transactions}, so its sender must be ready before the first {@code ds-ping-interval}.
     */
    public static Dispatcher start(ActorSystem<?> system, DispatcherConfig config, TransactionLayer transactions,
            LocalAddresses local, Lanes lanes, Route route, Management management) {
        DispatcherView view = null;
        OptionsProbe probe = new OptionsProbe(transactions, local, lanes, config.settings());
        if (config.enabled()) {
            DispatcherListener listener = event -> lanes.lane(event.uri()).execute(() -> raise(route, event));
            Executor blocking = system.dispatchers().lookup(DispatcherSelector.blocking());
            view = DispatcherView.start(system, config.settings(), received -> ClusterOfOne.singleton(system,
                    DispatcherRegistry.create(config.settings(), config.source(), blocking, probe, listener,
                            System::currentTimeMillis, received), "dispatcher"));
        }
        Dispatcher dispatcher = new Dispatcher(config, view);
        DispatcherCommands.register(management.commands(), view, system);
        DispatcherView shown = view;
        management.live().section("gateways", () -> DispatcherCommands.gateways(shown));
        DispatcherStatistics.register(management.statistics(), view, probe);
        return dispatcher;
    }

    /** Waits until this node has the registry's first snapshot, at most 30 seconds; at once when off. */
    public void awaitSets() {
        if (view == null) {
            return;
        }
        try {
            if (!view.awaitVersion(1, FIRST_SNAPSHOT)) {
                log.warn("dispatcher: no destination sets from the registry after {}s; selection fails until they come",
                        FIRST_SNAPSHOT.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void raise(Route route, DispatcherEvent event) {
        log.info("{}: {} in set {} ({} {})", event.name(), event.uri(), event.setId(), event.code(), event.reason());
        try {
            route.onDispatcherEvent(event);
        } catch (RuntimeException e) {
            log.error("event_route[{}] failed", event.name(), e);
        }
    }

    public DispatcherSettings settings() {
        return config.settings();
    }

    /** {@code ds_select_dst}/{@code ds_select_domain} (4.1, 4.2): the chosen destinations, in order. */
    public Optional<DispatchList> select(SipRequest request, InetSocketAddress source, int set, int alg, int limit) {
        if (view == null) {
            return Optional.empty();
        }
        return view.select(set, alg, limit, new SipRequestKeys(request, source, config.hashPvar()))
                .map(DispatchList::new);
    }

    /**
     * {@code ds_next_dst}/{@code ds_next_domain} (4.3, 4.4): the next destination of the list, a
     * call counted by load moving with it; empty without failover ({@code flags} bit 2) or when
     * none is left.
     */
    public Optional<Destination> next(DispatchList list, SipRequest request) {
        if (list == null || !settings().failover()) {
            return Optional.empty();
        }
        Optional<Destination> next = list.next();
        if (next.isPresent() && list.countsLoad() && !next.get().attrs().duid().isEmpty()) {
            callId(request).ifPresent(callId -> view.moveLoad(callId, next.get()));
        }
        return next;
    }

    /**
     * {@code ds_mark_dst([state])} (4.5) on the destination in use; {@code state} null marks it
     * inactive (and probing in probing mode 1). False without failover, without a selection, or
     * for a state that is not made of {@code a i t d p}.
     */
    public boolean mark(DispatchList list, String state, int code, String reason) {
        if (list == null || !settings().failover()) {
            return false;
        }
        int flags;
        try {
            flags = state == null || state.isEmpty() ? settings().probingMode().markDefault()
                    : DestinationFlags.ofMark(state);
        } catch (IllegalArgumentException e) {
            log.warn("ds_mark_dst: {}", e.getMessage());
            return false;
        }
        view.mark(list.current(), flags, code, reason);
        return true;
    }

    /** {@code ds_load_update} in a request route (4.8): a BYE or CANCEL takes its call's load off. */
    public boolean loadUpdate(SipRequest request) {
        if (view != null && (request.isBye() || request.isCancel())) {
            callId(request).ifPresent(view::removeLoad);
        }
        return true;
    }

    /** {@code ds_load_update} in a reply route (4.8): a 2xx to the INVITE confirms its call. */
    public boolean loadUpdate(SipResponse response) {
        try {
            if (view != null && response.isSuccess() && response.cseq().method().isInvite()) {
                view.confirmLoad(response.callId().trim());
            }
            return true;
        } catch (SipParseException e) {
            return false;
        }
    }

    /**
     * {@code ds_load_unset} (4.9): the call's load is taken off its destination; for an INVITE
     * only when it was selected by call load.
     */
    public boolean loadUnset(String callId, boolean invite, DispatchList list) {
        if (view != null && callId != null && (!invite || list != null && list.countsLoad())) {
            view.removeLoad(callId.trim());
        }
        return true;
    }

    /**
     * {@code ds_is_from_list([groupid [, mode [, uri]]])} (4.7): the request's source, or
     * {@code uri}'s host, port and transport, is a destination of {@code group} (-1: any set).
     */
    public boolean isFromList(int group, int mode, String uri, InetSocketAddress source, Transport transport) {
        if (view == null) {
            return false;
        }
        if (uri == null || uri.isBlank()) {
            return SourceMatch.find(view.snapshot().sets(), group, mode, source.getAddress(), source.getPort(),
                    transport.name()).isPresent();
        }
        try {
            SipUri sip = SipUri.parse(uri.trim());
            String host = sip.host().startsWith("[") ? sip.host().substring(1, sip.host().length() - 1) : sip.host();
            return SourceMatch.find(view.snapshot().sets(), group, mode, InetAddress.getByName(host),
                    Math.max(0, sip.port()), sip.transport()).isPresent();
        } catch (SipParseException | UnknownHostException e) {
            log.debug("ds_is_from_list: {}", e.getMessage());
            return false;
        }
    }

    /** {@code ds_list_exist(groupid)} (4.6). */
    public boolean listExists(int group) {
        return view != null && view.snapshot().sets().set(group) != null;
    }

    /**
     * {@code ds_select_domain}'s rewrite (4.2): the Request-URI with the host, port and
     * parameters of {@code destination}, its scheme and user kept; empty for a Request-URI that is
     * not a SIP URI.
     */
    public static Optional<SipRequest> withDomain(SipRequest request, Destination destination) {
        try {
            if (!(request.requestUri() instanceof SipUri current)) {
                return Optional.empty();
            }
            String target = destination.uri();
            String hostPart = target.substring(target.indexOf(':') + 1);
            int at = hostPart.indexOf('@');
            hostPart = at >= 0 ? hostPart.substring(at + 1) : hostPart;
            String user = current.rawUser() == null ? "" : current.rawUser()
                    + (current.password() == null ? "" : ":" + current.password()) + "@";
            return Optional.of(request.toBuilder().requestUri(current.scheme() + ":" + user + hostPart).buildRequest());
        } catch (SipParseException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> callId(SipRequest request) {
        try {
            return Optional.of(request.callId().trim());
        } catch (SipParseException e) {
            return Optional.empty();
        }
    }
}
