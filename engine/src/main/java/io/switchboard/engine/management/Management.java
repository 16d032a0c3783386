package io.switchboard.engine.management;

import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.switchboard.engine.stats.Statistics;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * The engine's management plane (issue 4; DESIGN "Management and observability"): the command
 * registry with the {@code system.*}, {@code core.*} and {@code stats.*} commands, the statistics
 * registry, the Prometheus registry with the JVM's metrics, the live page's feed, and the
 * listener serving them. The engine's modules add their commands to {@link #commands()},
 * statistics to {@link #statistics()} and sections of the live page to {@link #live()}.
 */
public final class Management {

    private final RpcCommands commands;
    private final Statistics statistics;
    private final PrometheusMeterRegistry metrics;
    private final JvmGcMetrics gcMetrics;
    private final LiveFeed live;
    private final RpcServer server;

    private Management(RpcCommands commands, Statistics statistics, PrometheusMeterRegistry metrics,
            JvmGcMetrics gcMetrics, LiveFeed live, RpcServer server) {
        this.commands = commands;
        this.statistics = statistics;
        this.metrics = metrics;
        this.gcMetrics = gcMetrics;
        this.live = live;
        this.server = server;
    }

    /**
     * Builds the registries and binds the listener.
     *
     * @param worker where commands run; not a Netty event loop (the engine gives Pekko's blocking
     *     I/O dispatcher)
     */
    public static CompletionStage<Management> start(RpcSettings settings, Executor worker) {
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(metrics);
        new JvmThreadMetrics().bindTo(metrics);
        new ProcessorMetrics().bindTo(metrics);
        new UptimeMetrics().bindTo(metrics);
        JvmGcMetrics gcMetrics = new JvmGcMetrics();
        gcMetrics.bindTo(metrics);
        Statistics statistics = new Statistics(metrics);
        RpcCommands commands = new RpcCommands();
        CoreCommands.register(commands, Instant.now());
        StatsCommands.register(commands, statistics);
        LiveFeed live = new LiveFeed(System::currentTimeMillis);
        return RpcServer.bind(settings, commands, metrics, live, worker)
                .thenApply(server -> new Management(commands, statistics, metrics, gcMetrics, live, server))
                .whenComplete((management, failure) -> {
                    if (failure != null) {
                        live.stop();
                        gcMetrics.close();
                        metrics.close();
                    }
                });
    }

    public RpcCommands commands() {
        return commands;
    }

    public Statistics statistics() {
        return statistics;
    }

    /** The live page's data: the engine's modules add their sections. */
    public LiveFeed live() {
        return live;
    }

    /** Where the listener is bound, with the actual port where 0 was asked. */
    public InetSocketAddress address() {
        return server.localAddress();
    }

    /** The listener's base URL, {@code http://127.0.0.1:8060}; the endpoints are {@code /RPC}, {@code /metrics} and {@code /live}. */
    public String url() {
        InetSocketAddress address = address();
        String host = address.getAddress().getHostAddress();
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort();
    }

    /** Closes the listener and releases the JVM metrics. */
    public CompletionStage<Void> stop() {
        live.stop();
        return server.close().thenRun(() -> {
            gcMetrics.close();
            metrics.close();
        });
    }
}
