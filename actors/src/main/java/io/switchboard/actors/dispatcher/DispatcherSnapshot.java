package io.switchboard.actors.dispatcher;

import io.switchboard.persistence.CborSerializable;
import java.util.Map;

/**
 * What every node selects from (DESIGN, "Dispatcher and hash tables"): the registry's sets as
 * they were at {@code version}, published to each node after every change. Immutable; a node
 * reads the latest one it received and never asks the registry on the hot path. Sent to the
 * nodes whole, as one CBOR message ({@link CborSerializable}) of about 250 bytes a destination:
 * Artery's default {@code maximum-frame-size} (256 KiB) carries about a thousand destinations;
 * a longer list needs a larger frame.
 *
 * @param version grows with every change
 * @param sets the destination sets
 * @param appliedLoad per node, the sequence number of the last call load update the registry
 *     applied from it (see {@link DispatcherView})
 */
public record DispatcherSnapshot(long version, DestinationSets sets, Map<String, Long> appliedLoad)
        implements CborSerializable {

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
