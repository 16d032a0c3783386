package io.switchboard.engine.dlgs;

import io.switchboard.actors.dlgs.DlgsFilter;
import io.switchboard.actors.dlgs.DlgsRecord;
import io.switchboard.actors.dlgs.DlgsState;
import io.switchboard.actors.dlgs.DlgsTable;
import io.switchboard.engine.management.Management;
import io.switchboard.engine.management.RpcArguments;
import io.switchboard.engine.management.RpcCommand;
import io.switchboard.engine.management.RpcException;
import io.switchboard.engine.management.RpcParam;
import io.switchboard.engine.stats.Statistic;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import java.util.stream.IntStream;

/**
 * The dlgs module's management commands and statistics, with Kamailio's names and answer shapes
 * (dlgs README §5; {@code dlgs_records.c}): {@code dlgs.list}, {@code dlgs.briefing},
 * {@code dlgs.get}, {@code dlgs.getall}, {@code dlgs.stats}; and the {@code dlgs:} statistics
 * {@code active_<state>} (records in a state now) and {@code final_<state>} (records removed by the
 * timer in that state). Times are seconds since the epoch, states Kamailio's numbers.
 */
public final class DlgsCommands {

    private DlgsCommands() {
    }

    public static void register(Management management, DlgsTable table) {
        var commands = management.commands();
        commands.add(new RpcCommand("dlgs.list", "Lists the dlgs records.", args -> list(table.records(), true)));
        commands.add(new RpcCommand("dlgs.briefing", "Lists the dlgs records with fewer attributes.",
                args -> list(table.records(), false)));
        List<RpcParam> filter = List.of(RpcParam.string("field"), RpcParam.string("op"), RpcParam.string("data"));
        commands.add(new RpcCommand("dlgs.get", "Gets the first dlgs record matching the filter (field: src, dst, "
                + "data or any; op: eq, ne, re, sw or fm).", filter, args -> list(table.find(filter(args), 1), true)));
        commands.add(new RpcCommand("dlgs.getall", "Gets every dlgs record matching the filter.", filter,
                args -> list(table.find(filter(args), 0), true)));
        commands.add(new RpcCommand("dlgs.stats", "Returns the dlgs statistics: records removed by the timer "
                + "(final) and records now (active), all and by state.", args -> {
                    Map<String, Object> stats = new LinkedHashMap<>();
                    stats.put("final", byState(table::removed));
                    stats.put("active", byState(table::active));
                    return stats;
                }));
        for (DlgsState state : DlgsState.values()) {
            management.statistics().add("dlgs", "active_" + state.statName(), Statistic.Kind.GAUGE,
                    () -> table.active(state));
            management.statistics().add("dlgs", "final_" + state.statName(), Statistic.Kind.FUNCTION,
                    () -> table.removed(state));
        }
    }

    private static DlgsFilter filter(RpcArguments args) throws RpcException {
        try {
            return DlgsFilter.of(args.string("field"), args.string("op"), args.string("data"));
        } catch (IllegalArgumentException e) {
            throw RpcException.invalidParams(e.getMessage());
        }
    }

    /** {@code all}, then the count of each state. */
    private static Map<String, Long> byState(ToLongFunction<DlgsState> count) {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("all", 0L);
        long all = 0;
        for (DlgsState state : DlgsState.values()) {
            long inState = count.applyAsLong(state);
            counts.put(state.statName(), inState);
            all += inState;
        }
        counts.put("all", all);
        return counts;
    }

    /**
     * The records as Kamailio lists them, {@code count} numbering them from 1; each item is made as
     * the endpoint writes it, so a long list is streamed, not built whole.
     */
    private static Iterator<Map<String, Object>> list(List<DlgsRecord> records, boolean full) {
        return IntStream.range(0, records.size()).mapToObj(i -> item(i + 1, records.get(i), full)).iterator();
    }

    private static Map<String, Object> item(int count, DlgsRecord record, boolean full) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("count", count);
        item.put("src", record.src());
        item.put("dst", record.dst());
        if (full) {
            item.put("data", record.data());
            item.put("ruid", record.ruid());
        }
        item.put("callid", record.callId());
        if (full) {
            item.put("ftag", record.ftag());
            item.put("ttag", record.ttag());
            item.put("ts_init", record.tsInit() / 1000);
            item.put("ts_answer", record.tsAnswer() / 1000);
        }
        item.put("state", record.state().code());
        return item;
    }
}
