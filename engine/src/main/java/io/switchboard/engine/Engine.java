package io.switchboard.engine;

import com.typesafe.config.Config;
import io.switchboard.actors.dlgs.DlgsSettings;
import io.switchboard.actors.dlgs.DlgsSweeper;
import io.switchboard.actors.dlgs.DlgsTable;
import io.switchboard.actors.htable.HashTables;
import io.switchboard.actors.htable.HtableSettings;
import io.switchboard.engine.capture.Capture;
import io.switchboard.engine.capture.CaptureSettings;
import io.switchboard.engine.cluster.ClusterCommands;
import io.switchboard.engine.config.EngineSettings;
import io.switchboard.engine.dialog.DialogConfig;
import io.switchboard.engine.dialog.DialogModule;
import io.switchboard.engine.config.SettingsException;
import io.switchboard.engine.dispatcher.Dispatcher;
import io.switchboard.engine.dispatcher.DispatcherConfig;
import io.switchboard.engine.dlgs.DlgsCommands;
import io.switchboard.engine.dlgs.DlgsConfig;
import io.switchboard.engine.dlgs.DlgsReplies;
import io.switchboard.engine.htable.HtableCommands;
import io.switchboard.engine.htable.HtableConfig;
import io.switchboard.engine.management.Management;
import io.switchboard.engine.proxy.Lanes;
import io.switchboard.engine.proxy.LocalAddresses;
import io.switchboard.engine.proxy.MaxForwards;
import io.switchboard.engine.proxy.ProxyCore;
import io.switchboard.engine.proxy.ProxyCounters;
import io.switchboard.engine.proxy.StatelessReplies;
import io.switchboard.engine.route.RouteModules;
import io.switchboard.engine.route.RouteSettings;
import io.switchboard.engine.stats.CoreStatistics;
import io.switchboard.transport.message.SipRequest;
import io.switchboard.transport.message.SipStatus;
import io.switchboard.transport.message.HeaderName;
import io.switchboard.transport.net.InboundMessage;
import io.switchboard.transport.net.ListenAddress;
import io.switchboard.transport.net.OutboundMessage;
import io.switchboard.transport.net.SipEgress;
import io.switchboard.transport.net.SipTransport;
import io.switchboard.transport.net.TransportSettings;
import io.switchboard.transport.stream.SipIngress;
import io.switchboard.transport.transaction.TransactionLayer;
import io.switchboard.transport.transaction.WheelTimerScheduler;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.stream.javadsl.Flow;
import org.apache.pekko.stream.javadsl.Sink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running Switchboard: the listeners, the bounded ingress stream, the lanes that run the proxy
 * core, the transaction layer and the egress, and the dialog module, on one Pekko actor
 * system that is a cluster node with the configured journal.
 */
public final class Engine {

    private static final Logger log = LoggerFactory.getLogger(Engine.class);
    private static final int IN_FLIGHT_PER_LANE = 256;
    /** How long start-up waits for the hash tables' first snapshot (a cluster of one forms in about a second). */
    private static final Duration HTABLE_READY = Duration.ofSeconds(20);
    private static final Duration HTABLE_SAVE = Duration.ofSeconds(30);

    private final EngineSettings settings;
    private final ActorSystem<Void> system;
    private final WheelTimerScheduler timers;
    private final Lanes lanes;
    private final SipIngress ingress;
    private final SipTransport transport;
    private final TransactionLayer transactions;
    private final ProxyCore core;
    private final Management management;
    private final HashTables htable;
    private final DialogModule dialogs;
    private final Capture capture;

    private CompletionStage<Void> stopping;

    private Engine(EngineSettings settings, ActorSystem<Void> system, WheelTimerScheduler timers, Lanes lanes,
            SipIngress ingress, SipTransport transport, TransactionLayer transactions, ProxyCore core,
            Management management, HashTables htable, DialogModule dialogs, Capture capture) {
        this.settings = settings;
        this.system = system;
        this.timers = timers;
        this.lanes = lanes;
        this.ingress = ingress;
        this.transport = transport;
        this.transactions = transactions;
        this.core = core;
        this.management = management;
        this.htable = htable;
        this.dialogs = dialogs;
        this.capture = capture;
    }

    /** Starts an engine on {@code root} (the whole configuration, defaults included). */
    public static Engine start(Config root) {
        EngineSettings settings = EngineSettings.from(root);
        DialogConfig dialog = DialogConfig.read(settings.config());
        HtableSettings htable = HtableConfig.read(settings.config());
        DlgsSettings dlgs = DlgsConfig.read(settings.config());
        DispatcherConfig dispatcher = DispatcherConfig.read(settings.config());
        dispatcher.checkSource();
        var route = RouteFactory.create(settings.route(), new RouteSettings(settings.config()));
        ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "switchboard", dialog.overlay(root));
        Management management = null;
        try {
            management = Management.start(settings.rpc(), system.dispatchers().lookup(DispatcherSelector.blocking()))
                    .toCompletableFuture().join();
            return start(settings, dialog, route, system, management, htable, dlgs, dispatcher);
        } catch (RuntimeException e) {
            if (management != null) {
                management.stop();
            }
            system.terminate();
            throw e;
        }
    }

    private static Engine start(EngineSettings settings, DialogConfig dialogConfig,
            io.switchboard.engine.route.Route route, ActorSystem<Void> system, Management management,
            HtableSettings htableSettings, DlgsSettings dlgsSettings, DispatcherConfig dispatcherConfig) {
        CaptureSettings captureSettings = CaptureSettings.from(settings.config());
        HashTables htable = startHashTables(system, htableSettings);
        DlgsTable dlgs = new DlgsTable(dlgsSettings, Clock.systemUTC());
        system.systemActorOf(DlgsSweeper.create(dlgs), "dlgs-sweeper", Props.empty());
        StatelessReplies sl = new StatelessReplies("Switchboard");
        SipEgress[] egress = new SipEgress[1];
        ProxyCore[] core = new ProxyCore[1];
        SipIngress ingress = SipIngress.create(system, settings.ingressBufferSize(),
                shed -> shedLoad(shed, sl, egress[0], settings));
        SipTransport transport = SipTransport.bind(settings.listen(), ingress,
                TransportSettings.DEFAULT.withLimits(settings.limits()).withUdpReceiveBuffer(settings.udpReceiveBuffer()))
                .toCompletableFuture().join();
        egress[0] = new SipEgress(transport, settings.ingressBufferSize());
        WheelTimerScheduler timers = new WheelTimerScheduler();
        Lanes lanes = new Lanes(settings.lanes());
        TransactionLayer transactions = new TransactionLayer(settings.timers(), timers,
                (message, hop) -> core[0].sendForTransaction(message, hop));
        LocalAddresses local;
        try {
            local = new LocalAddresses(transport.listeners(), settings.aliases());
        } catch (IllegalArgumentException e) {
            transport.shutdown();
            throw new io.switchboard.engine.config.SettingsException("setting switchboard.aliases: " + e.getMessage(), e);
        }
        Dispatcher dispatcher = Dispatcher.start(system, dispatcherConfig, transactions, local, lanes, route, management);
        DialogModule dialogs;
        try {
            dialogs = DialogModule.start(system, dialogConfig, transactions, local, lanes, route, management);
        } catch (RuntimeException e) {
            transport.shutdown();
            throw e;
        }
        core[0] = new ProxyCore(new DlgsReplies(route, dlgs), transactions, local, sl,
                new MaxForwards(settings.maxForwardsLimit()), lanes, message -> {
                    if (!egress[0].offer(message)) {
                        log.debug("egress full, dropped a message to {}", message.destination());
                        return false;
                    }
                    return true;
                }, new RouteModules(htable, dlgs, dialogs), dispatcher);
        dispatcher.awaitSets();
        ingress.runWith(Flow.<InboundMessage>create()
                .mapAsync(settings.lanes() * IN_FLIGHT_PER_LANE, in -> CompletableFuture.runAsync(
                        () -> core[0].onMessage(in), lanes.lane(in.message().header(HeaderName.CALL_ID))))
                .to(Sink.ignore()));
        CoreStatistics.register(management.statistics(), core[0].counters(), transactions.statistics(), transport,
                ingress::shedCount);
        HtableCommands.register(management.commands(), htable);
        DlgsCommands.register(management, dlgs);
        ClusterCommands.register(management.commands(), system);
        Capture capture = Capture.install(captureSettings, transport, management);
        return new Engine(settings, system, timers, lanes, ingress, transport, transactions, core[0], management, htable,
                dialogs, capture);
    }

    /** The htable module: tables loaded, owner and this node's replica started, the first snapshot in. */
    private static HashTables startHashTables(ActorSystem<Void> system, HtableSettings settings) {
        HashTables htable;
        try {
            htable = HashTables.start(system, settings, Clock.systemUTC());
        } catch (IllegalStateException e) {
            throw new SettingsException("setting switchboard.htable.tables: " + e.getMessage(), e);
        }
        try {
            htable.ready().toCompletableFuture().get(HTABLE_READY.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException e) {
            log.warn("hash tables: no snapshot from their owner within {}s; routes read empty tables until it comes",
                    HTABLE_READY.toSeconds());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return htable;
    }

    /** DESIGN "The hot path", step 2: an INVITE that finds the ingress full gets 503 with Retry-After. */
    private static void shedLoad(InboundMessage shed, StatelessReplies sl, SipEgress egress, EngineSettings settings) {
        if (egress != null && shed.message() instanceof SipRequest request && request.isInvite()) {
            egress.offer(OutboundMessage.replyTo(shed, sl.reply(request, SipStatus.SERVICE_UNAVAILABLE, null)
                    .toBuilder().add(HeaderName.RETRY_AFTER, Long.toString(settings.retryAfter().toSeconds()))
                    .buildResponse()));
        }
    }

    /** The addresses the engine listens on, with the ports actually bound. */
    public List<ListenAddress> listeners() {
        return transport.listeners();
    }

    public ProxyCounters counters() {
        return core.counters();
    }

    public TransactionLayer transactions() {
        return transactions;
    }

    public SipTransport transport() {
        return transport;
    }

    public long shedCount() {
        return ingress.shedCount();
    }

    /** The dialog module: the sharded dialogs of this node (seed manual 001). */
    public DialogModule dialogs() {
        return dialogs;
    }

    /** The management plane: RPC commands, statistics and the listener serving them. */
    public Management management() {
        return management;
    }

    /** Kamailio writes tables with {@code dbmode=1} back when it stops; a failure is logged, not fatal. */
    private CompletionStage<Void> saveTables() {
        if (htable.definitions().stream().noneMatch(t -> t.dbmode() == 1 && !t.dbtable().isEmpty())) {
            return CompletableFuture.completedFuture(null);
        }
        return htable.save(HTABLE_SAVE).handle((result, failure) -> {
            if (failure != null || !result.ok()) {
                log.error("hash tables: not written back: {}", failure != null ? failure.toString() : result.error());
            }
            return null;
        });
    }

    /**
     * Stops cleanly: new calls are answered 503 while requests within the calls it has are still
     * relayed ({@link TransactionLayer#shutdown()}), transactions in flight, and the BYEs they
     * handed to dialogs ({@link io.switchboard.actors.dialog.Dialogs#delivered()}), get up to
     * {@code shutdown-timeout} to complete, then the listeners close and the actor system ends —
     * its coordinated shutdown hands the dialogs off, each finishing the journal write it has under
     * way, and its termination closes the journal's database (the H2 file); then the call history
     * writes what it has pending.
     * Calling it again (a second SIGTERM) returns the same stage.
     */
    public synchronized CompletionStage<Void> stop() {
        if (stopping == null) {
            stopping = shutDown();
        }
        return stopping;
    }

    private CompletionStage<Void> shutDown() {
        transactions.shutdown();
        return transactions.whenIdle().thenCompose(idle -> dialogs.dialogs().delivered()).toCompletableFuture()
                .completeOnTimeout(null, settings.shutdownTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .thenCompose(idle -> {
                    ingress.complete();
                    return transport.shutdown();
                })
                .thenCompose(closed -> management.stop())
                .thenCompose(stopped -> saveTables())
                .thenRun(() -> {
                    capture.stop();
                    timers.close();
                    lanes.close();
                    system.terminate();
                })
                .thenCompose(done -> system.getWhenTerminated().thenApply(terminated -> {
                    dialogs.closeHistory();
                    return (Void) null;
                }));
    }
}
