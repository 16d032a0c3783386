package io.switchboard.engine.dispatcher;

import io.switchboard.actors.dispatcher.Destination;
import io.switchboard.actors.dispatcher.DispatcherSnapshot;
import io.switchboard.actors.dispatcher.DispatcherView;
import io.switchboard.engine.stats.Statistic.Kind;
import io.switchboard.engine.stats.Statistics;
import java.util.function.ToLongFunction;

/**
 * The {@code dispatcher:} statistics (Kamailio's dispatcher module keeps none; these are
 * Switchboard's, from this node's snapshot and its probes): {@code sets}, {@code destinations},
 * {@code active_destinations} (selectable: active or trying), {@code inactive_destinations}
 * (inactive or disabled), {@code call_load} (calls counted for algorithm 10), {@code probes_sent}
 * and {@code probes_unanswered} (timed out or not sent).
 */
final class DispatcherStatistics {

    private DispatcherStatistics() {
    }

    static void register(Statistics statistics, DispatcherView view, OptionsProbe probe) {
        gauge(statistics, view, "sets", s -> s.sets().count());
        gauge(statistics, view, "destinations", s -> s.sets().destinations().size());
        gauge(statistics, view, "active_destinations",
                s -> s.sets().destinations().stream().filter(d -> !d.isSkipped()).count());
        gauge(statistics, view, "inactive_destinations",
                s -> s.sets().destinations().stream().filter(Destination::isSkipped).count());
        gauge(statistics, view, "call_load", s -> s.sets().destinations().stream().mapToLong(Destination::load).sum());
        statistics.add("dispatcher", "probes_sent", Kind.FUNCTION, probe::sent);
        statistics.add("dispatcher", "probes_unanswered", Kind.FUNCTION, probe::unanswered);
    }

    private static void gauge(Statistics statistics, DispatcherView view, String name,
            ToLongFunction<DispatcherSnapshot> figure) {
        statistics.add("dispatcher", name, Kind.GAUGE,
                () -> figure.applyAsLong(view == null ? DispatcherSnapshot.EMPTY : view.snapshot()));
    }
}
