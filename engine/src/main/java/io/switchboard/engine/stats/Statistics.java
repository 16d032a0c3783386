package io.switchboard.engine.stats;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongSupplier;

/**
 * The statistics registry: Kamailio's counters framework ({@code kamcmd stats.get_statistics}),
 * statistics in groups such as {@code core}, {@code tm}, {@code sl} and, from later modules,
 * {@code dialog}. A module adds its statistics once at start-up:
 *
 * <pre>{@code
 * statistics.add("dialog", "active_dialogs", Statistic.Kind.GAUGE, tracker::activeCount);
 * statistics.add("dialog", "processed_dialogs", Statistic.Kind.COUNTER, counters::processed);
 * }</pre>
 *
 * Every statistic is also a Micrometer meter of the registry given here, named
 * {@code switchboard.<group>.<name>} (in Prometheus {@code switchboard_core_rcv_requests_total}),
 * so {@code GET /metrics} and {@code stats.get_statistics} read the same sources. Thread-safe.
 */
public final class Statistics {

    private static final String METER_PREFIX = "switchboard.";

    private final MeterRegistry meters;
    private final List<Statistic> all = new CopyOnWriteArrayList<>();
    private final Map<String, Statistic> byQualifiedName = new ConcurrentHashMap<>();

    public Statistics(MeterRegistry meters) {
        this.meters = meters;
    }

    /**
     * Adds a statistic read from {@code source} on every call.
     *
     * @throws IllegalArgumentException when {@code group:name} is taken or either part is not a
     *     plain name (letters, digits, underscores)
     */
    public Statistic add(String group, String name, Statistic.Kind kind, LongSupplier source) {
        requirePlainName(group);
        requirePlainName(name);
        Statistic statistic = new Statistic(group, name, kind, source);
        if (byQualifiedName.putIfAbsent(statistic.qualifiedName(), statistic) != null) {
            throw new IllegalArgumentException("statistic " + statistic.qualifiedName() + " is already registered");
        }
        all.add(statistic);
        String meter = METER_PREFIX + group + "." + name;
        if (kind == Statistic.Kind.GAUGE) {
            Gauge.builder(meter, statistic, Statistic::total).description(statistic.qualifiedName())
                    .strongReference(true).register(meters);
        } else {
            FunctionCounter.builder(meter, statistic, Statistic::total).description(statistic.qualifiedName())
                    .register(meters);
        }
        return statistic;
    }

    /** Every statistic, in the order they were added. */
    public List<Statistic> all() {
        return List.copyOf(all);
    }

    /**
     * The statistics a {@code stats.get_statistics} argument names: {@code all}, a group with its
     * colon ({@code core:}), or one statistic as {@code name} or {@code group:name}. Empty when it
     * names nothing.
     */
    public List<Statistic> select(String selector) {
        if (selector.equals("all")) {
            return all();
        }
        if (selector.endsWith(":")) {
            String group = selector.substring(0, selector.length() - 1);
            return all.stream().filter(s -> s.group().equals(group)).toList();
        }
        Statistic qualified = byQualifiedName.get(selector);
        if (qualified != null) {
            return List.of(qualified);
        }
        List<Statistic> named = new ArrayList<>();
        for (Statistic statistic : all) {
            if (statistic.name().equals(selector)) {
                named.add(statistic);
            }
        }
        return named;
    }

    private static void requirePlainName(String name) {
        if (name == null || name.isEmpty() || !name.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_')) {
            throw new IllegalArgumentException("a statistic's group and name are letters, digits and '_': '" + name + "'");
        }
    }
}
