package io.switchboard.actors.dispatcher;

import java.util.List;

/**
 * What {@code ds_select_dst} chose (seed manual 002, 4.1): the destination to use first and,
 * with failover on ({@code flags} bit 2), the others to try next in order, the default
 * destination last when {@code use_default} is set.
 *
 * @param setId the set selected from
 * @param alg the algorithm that ran: 10 falls back to 0 for a request that is not an INVITE and
 *     when call load is not counted, and then no load is added
 * @param targets the selected destination first, then the failover ones
 */
public record Selection(int setId, int alg, List<Destination> targets) {

    public Selection {
        targets = List.copyOf(targets);
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("a selection has at least one destination");
        }
    }

    /** The selected destination. */
    public Destination first() {
        return targets.get(0);
    }

    /** True when the selection counts a call on its destinations (algorithm 10). */
    public boolean countsLoad() {
        return alg == DestinationSelector.CALL_LOAD;
    }
}
