package io.switchboard.actors.dialog;

import io.switchboard.transport.message.SipStatus;
import java.util.EnumSet;
import java.util.Set;

/**
 * The keep-alives of one dialog (seed manual 6.51 {@code ka_timer}, 6.52 {@code ka_interval}, 6.53
 * {@code ka_failed_limit}, 7.16 {@code dlg_set_property("ka-src"/"ka-dst")}): when the next round
 * is due and how many keep-alives to each side failed in a row. Only a confirmed dialog (state 4)
 * sends them, as in Kamailio. Rounds come every {@code ka-interval} from the answer, rounded up to
 * whole {@code ka-timer} steps, so the next one follows from the journaled answer time and a
 * recovered dialog keeps its rhythm without a write. The failure counts are not journaled: a
 * dialog recovered after a restart counts from 0 again.
 */
final class KeepAlives {

    private final DialogSettings settings;
    private final int[] failures = new int[Side.values().length];
    private long due;

    KeepAlives(DialogSettings settings) {
        this.settings = settings;
    }

    /** The sides {@code dialog} sends keep-alives to now: none unless keep-alives are on and it is in state 4. */
    Set<Side> targets(Dialog dialog) {
        Set<Side> sides = EnumSet.noneOf(Side.class);
        if (settings.keepAlives() && dialog.state() == DialogState.CONFIRMED) {
            for (Side side : Side.values()) {
                if (dialog.properties().keepAliveTo(side)) {
                    sides.add(side);
                }
            }
        }
        return sides;
    }

    /** When the next round is due (epoch milliseconds), 0 for none; a round that is due stays due until {@link #take}n. */
    long due(Dialog dialog, long nowMillis) {
        if (targets(dialog).isEmpty()) {
            due = 0;
            return 0;
        }
        if (due == 0) {
            due = after(dialog, nowMillis);
        }
        return due;
    }

    /** True if a round is due at {@code nowMillis}; the next one is then the first after it. */
    boolean take(Dialog dialog, long nowMillis) {
        long at = due(dialog, nowMillis);
        if (at == 0 || nowMillis < at) {
            return false;
        }
        due = after(dialog, nowMillis);
        return true;
    }

    /**
     * Counts the final answer {@code code} of a keep-alive to {@code side}: 408 (a timeout) and 481
     * are failures, anything else clears the count. True when the failures reached {@code ka-failed-limit}.
     */
    boolean failedOut(Side side, int code) {
        if (code != SipStatus.REQUEST_TIMEOUT && code != SipStatus.CALL_DOES_NOT_EXIST) {
            failures[side.ordinal()] = 0;
            return false;
        }
        return ++failures[side.ordinal()] >= settings.kaFailedLimit();
    }

    private long after(Dialog dialog, long nowMillis) {
        long timer = settings.kaTimer().toMillis();
        long step = (settings.kaInterval().toMillis() + timer - 1) / timer * timer;
        long start = dialog.answer().atMillis();
        return start + (Math.max(0, nowMillis - start) / step + 1) * step;
    }
}
