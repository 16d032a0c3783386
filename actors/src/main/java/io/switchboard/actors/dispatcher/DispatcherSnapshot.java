package io.switchboard.actors.dispatcher;

import java.util.Map;

/**
 * What every node selects from (DESIGN, "Dispatcher and hash tables"): the registry's sets as
 * they were at {@code version}, published to each node after every change. Immutable; a node
 * reads the latest one it received and never asks the registry on the hot path.
 *
 * @param version grows with every change
 * @param sets the destination sets
 * @param appliedLoad per node, the sequence number of the last call load update the registry
 *     applied from it (see {@link DispatcherView})
 */
public record DispatcherSnapshot(long version, DestinationSets sets, Map<String, Long> appliedLoad) {

    /** Before the registry's first load. */
    public static final DispatcherSnapshot EMPTY = new DispatcherSnapshot(0, DestinationSets.EMPTY, Map.of());

    public DispatcherSnapshot {
        appliedLoad = Map.copyOf(appliedLoad);
    }

    /** The last call load update applied from {@code node}, 0 for none. */
    public long applied(String node) {
        return appliedLoad.getOrDefault(node, 0L);
    }
}
