package io.switchboard.engine.dialog;

import io.switchboard.actors.dialog.DialogDirectory;
import io.switchboard.actors.dialog.DialogEnvironment;
import io.switchboard.actors.dialog.DialogStatistics;
import io.switchboard.actors.dialog.Dialogs;
import io.switchboard.actors.dialog.ProfileDefinitions;
import io.switchboard.engine.management.Management;
import io.switchboard.engine.proxy.Lanes;
import io.switchboard.engine.proxy.LocalAddresses;
import io.switchboard.engine.route.Route;
import io.switchboard.engine.stats.Statistic;
import io.switchboard.engine.stats.Statistics;
import io.switchboard.persistence.history.CallHistory;
import io.switchboard.persistence.history.CallHistoryStore;
import io.switchboard.persistence.history.CallHistoryWriter;
import io.switchboard.transport.net.InboundMessage;
import io.switchboard.transport.transaction.TransactionLayer;
import java.time.Clock;
import java.sql.SQLException;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.actor.typed.ActorSystem;

/**
 * Kamailio's dialog module in the engine (seed manual 001): the sharded dialogs started on this
 * node's actor system, their journal's schema, generated requests sent through the transaction
 * layer ({@link ClientTransactionSender}), bridges ({@link DialogBridge}), event routes
 * ({@link DialogEventRoutes}), the {@code dialog:*} statistics (section 8) and the {@code dlg.*}
 * commands (section 9, {@link DialogCommands}), the call history ({@code dlg.history}, {@link HistoryCommands}) and the
 * calls of the live page ({@link DialogListing#live}). Requests reach it through {@link #request}.
 */
public final class DialogModule {

    /** How long start-up waits for the journal's tables to be there. */
    private static final Duration SCHEMA_WAIT = Duration.ofSeconds(30);

    private final Dialogs dialogs;
    private final DialogConfig config;
    private final DidCookie cookie;
    private final LocalAddresses local;
    private final CallHistoryWriter history;
    private final DialogBridge bridge;

    private DialogModule(Dialogs dialogs, DialogConfig config, LocalAddresses local, CallHistoryWriter history,
            DialogBridge bridge) {
        this.dialogs = dialogs;
        this.bridge = bridge;
        this.history = history;
        this.config = config;
        this.cookie = new DidCookie(config.dialog().rrParam(), config.dialog().matchMode());
        this.local = local;
    }

    /**
     * Creates the journal's schema if it is not there and starts the dialogs on {@code system}
     * (created with {@link DialogConfig#overlay}); with a durable journal, the dialogs of the
     * last run are running again, their timers armed, once this returns.
     */
    public static DialogModule start(ActorSystem<?> system, DialogConfig config, TransactionLayer transactions,
            LocalAddresses local, Lanes lanes, Route route, Management management) {
        try {
            config.journal().createSchema(system).toCompletableFuture().get(SCHEMA_WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the journal's schema could not be created in "
                    + config.journal().location() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating the journal's schema", e);
        }
        CallHistoryWriter history = history(config);
        ClientTransactionSender sender = new ClientTransactionSender(transactions, local, lanes);
        DialogEnvironment environment = new DialogEnvironment(config.dialog(), sender, new DialogStatistics(),
                new DialogDirectory(), new DialogEventRoutes(route, lanes), Clock.systemUTC(),
                history == null ? CallHistory.NONE : history);
        DialogModule module = new DialogModule(Dialogs.init(system, environment), config, local, history,
                new DialogBridge(config.dialog(), sender));
        register(management.statistics(), module.dialogs.statistics());
        DialogCommands.register(management.commands(), module.dialogs, module.bridge);
        HistoryCommands.register(management.commands(), history);
        if (history != null) {
            management.statistics().add("dialog", "history_written", Statistic.Kind.COUNTER, history::written);
            management.statistics().add("dialog", "history_write_errors", Statistic.Kind.COUNTER,
                    history::writeErrors);
        }
        DialogDirectory directory = module.dialogs.directory();
        management.live().section("calls", () -> DialogListing.live(directory.list()));
        return module;
    }

    /** The writer of {@code dialog.history}, its table created if missing; null when it is off. */
    private static CallHistoryWriter history(DialogConfig config) {
        if (!config.history().enabled()) {
            return null;
        }
        try {
            return new CallHistoryWriter(CallHistoryStore.of(config.journal(), config.history()), config.history());
        } catch (SQLException e) {
            throw new IllegalStateException("the call history table could not be created in "
                    + config.journal().location() + ": " + e.getMessage(), e);
        }
    }

    /** Writes the call history still pending and closes it; at the engine's stop, once the dialogs stopped. */
    public void closeHistory() {
        if (history != null) {
            history.close();
        }
    }

    /** Section 8: {@code dialog:active_dialogs} and {@code early_dialogs} are levels, the others counters. */
    private static void register(Statistics statistics, DialogStatistics dialog) {
        statistics.add("dialog", "active_dialogs", Statistic.Kind.GAUGE, dialog::activeDialogs);
        statistics.add("dialog", "early_dialogs", Statistic.Kind.GAUGE, dialog::earlyDialogs);
        statistics.add("dialog", "processed_dialogs", Statistic.Kind.COUNTER, dialog::processedDialogs);
        statistics.add("dialog", "expired_dialogs", Statistic.Kind.COUNTER, dialog::expiredDialogs);
        statistics.add("dialog", "failed_dialogs", Statistic.Kind.COUNTER, dialog::failedDialogs);
    }

    /** The dialog functions for one request, {@code in} as received. */
    public RequestDialog request(InboundMessage in) {
        return new RequestDialog(this, in);
    }

    /** The sharded dialogs. */
    public Dialogs dialogs() {
        return dialogs;
    }

    /** {@code dlg_bridge} and {@code dlg.bridge_dlg}. */
    public DialogBridge bridge() {
        return bridge;
    }

    DidCookie cookie() {
        return cookie;
    }

    LocalAddresses local() {
        return local;
    }

    /** {@code switchboard.dialog.dlg-flag}: the request flag that has an initial INVITE tracked, if any. */
    public OptionalInt dlgFlag() {
        return config.dlgFlag();
    }

    /** {@code switchboard.dialog.profiles-with-value} and {@code profiles-no-value}. */
    ProfileDefinitions profiles() {
        return config.dialog().profiles();
    }

    /** {@code switchboard.dialog.ask-timeout}. */
    Duration askTimeout() {
        return config.askTimeout();
    }
}
