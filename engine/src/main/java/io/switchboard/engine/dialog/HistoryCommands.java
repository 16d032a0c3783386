package io.switchboard.engine.dialog;

import io.switchboard.engine.management.RpcArguments;
import io.switchboard.engine.management.RpcCommand;
import io.switchboard.engine.management.RpcCommands;
import io.switchboard.engine.management.RpcException;
import io.switchboard.engine.management.RpcParam;
import io.switchboard.persistence.history.CallHistoryWriter;
import io.switchboard.persistence.history.CallRecord;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code dlg.history [count]}: the latest ended calls of the call history (DESIGN "Dialogs"),
 * newest first, {@value #DEFAULT_COUNT} unless asked, at most {@value #MAX_COUNT}. Times are epoch
 * milliseconds ({@code _ms}), 0 when the call never got there; the members are the columns of the
 * {@code call_history} table.
 */
final class HistoryCommands {

    static final int DEFAULT_COUNT = 20;
    static final int MAX_COUNT = 1000;

    private final CallHistoryWriter history;

    private HistoryCommands(CallHistoryWriter history) {
        this.history = history;
    }

    /** Registers {@code dlg.history}; with the history off ({@code history} null) it answers an error saying so. */
    static void register(RpcCommands commands, CallHistoryWriter history) {
        HistoryCommands dlg = new HistoryCommands(history);
        commands.add(new RpcCommand("dlg.history", "Lists the latest ended calls, newest first: count of them "
                + "(default " + DEFAULT_COUNT + ", at most " + MAX_COUNT + ").",
                List.of(RpcParam.integer("count").optional()), dlg::latest));
    }

    private Object latest(RpcArguments args) throws RpcException {
        long count = args.has("count") ? args.integer("count") : DEFAULT_COUNT;
        if (count < 1 || count > MAX_COUNT) {
            throw RpcException.invalidParams("parameter 'count' must be from 1 to " + MAX_COUNT + ", not " + count);
        }
        if (history == null) {
            throw new RpcException(RpcException.INTERNAL_ERROR,
                    "the call history is off (switchboard.dialog.history.enable)");
        }
        try {
            return history.latest((int) count).stream().map(HistoryCommands::call).toList();
        } catch (SQLException e) {
            throw new RpcException(RpcException.INTERNAL_ERROR, "the call history cannot be read: " + e.getMessage());
        }
    }

    /** One record as {@code dlg.history} shows it. */
    static Map<String, Object> call(CallRecord call) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("call-id", call.callId());
        row.put("caller", call.caller());
        row.put("callee", call.callee());
        row.put("request_uri", call.requestUri());
        row.put("destination", call.destination());
        row.put("start_ms", call.startMillis());
        row.put("ringing_ms", call.ringingMillis());
        row.put("answer_ms", call.answerMillis());
        row.put("end_ms", call.endMillis());
        row.put("duration_ms", call.durationMillis());
        row.put("pdd_ms", call.postDialDelayMillis());
        row.put("final_code", call.finalCode());
        row.put("ended_by", call.endedBy());
        row.put("reason", call.reason());
        return row;
    }
}
