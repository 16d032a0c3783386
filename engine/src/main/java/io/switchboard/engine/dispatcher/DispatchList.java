package io.switchboard.engine.dispatcher;

import io.switchboard.actors.dispatcher.Destination;
import io.switchboard.actors.dispatcher.Selection;
import java.util.Optional;

/**
 * What Kamailio keeps in the {@code dst_avp}, {@code grp_avp} and {@code dstid_avp} AVPs of a
 * request (seed manual 002, 3.11–3.14): the destinations {@code ds_select_dst} chose, in order,
 * and which one is in use. {@code ds_next_dst} moves on to the next one; {@code ds_mark_dst}
 * marks the one in use. It lives with the request, from the request route to its failure routes.
 * Not thread-safe: all routes of one request run on its lane.
 */
public final class DispatchList {

    private final Selection selection;
    private int position;

    DispatchList(Selection selection) {
        this.selection = selection;
    }

    /** The destination in use. */
    public Destination current() {
        return selection.targets().get(position);
    }

    public int setId() {
        return selection.setId();
    }

    /** True when the call counts on its destination (algorithm 10, a {@code duid} present). */
    public boolean countsLoad() {
        return selection.countsLoad();
    }

    /** Moves on to the next destination; empty when none is left. */
    Optional<Destination> next() {
        if (position + 1 >= selection.targets().size()) {
            return Optional.empty();
        }
        position++;
        return Optional.of(current());
    }
}
