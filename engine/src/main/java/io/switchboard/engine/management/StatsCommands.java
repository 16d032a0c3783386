package io.switchboard.engine.management;

import io.switchboard.engine.stats.Statistic;
import io.switchboard.engine.stats.Statistics;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Kamailio's statistics commands over the {@link Statistics} registry (issue 4; Kamailio's kex
 * module): each takes one or more of {@code all}, a group ({@code core:}) or a statistic's name.
 */
final class StatsCommands {

    private static final List<RpcParam> SELECTORS = List.of(RpcParam.string("statistic").repeated());

    private StatsCommands() {
    }

    static void register(RpcCommands commands, Statistics statistics) {
        commands.add(new RpcCommand("stats.get_statistics", "Returns statistics as \"group:name = value\" lines: "
                + "'all', a group such as 'core:', or names.", SELECTORS,
                args -> select(statistics, args).stream().map(Statistic::toString).toList()));
        commands.add(new RpcCommand("stats.fetch", "Returns statistics as an object of \"group.name\": \"value\".",
                SELECTORS, args -> {
                    Map<String, String> fetched = new LinkedHashMap<>();
                    select(statistics, args).forEach(s -> fetched.put(s.group() + "." + s.name(), Long.toString(s.value())));
                    return fetched;
                }));
        commands.add(new RpcCommand("stats.reset_statistics", "Resets counters to zero; levels (gauges) and the "
                + "tm and sl figures are not reset, as in Kamailio.", SELECTORS, args -> {
                    select(statistics, args).forEach(Statistic::reset);
                    return null;
                }));
    }

    private static Set<Statistic> select(Statistics statistics, RpcArguments args) throws RpcException {
        Set<Statistic> selected = new LinkedHashSet<>();
        for (String selector : args.strings("statistic")) {
            List<Statistic> matched = statistics.select(selector);
            if (matched.isEmpty()) {
                throw RpcException.invalidParams("parameter 'statistic': no statistic or group '" + selector
                        + "' (stats.get_statistics all lists them)");
            }
            selected.addAll(matched);
        }
        return selected;
    }
}
