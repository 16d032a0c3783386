package io.switchboard.actors.dispatcher;

import io.switchboard.transport.uri.SipUri;
import java.net.InetAddress;

/**
 * One destination of a set as the registry holds it (seed manual 002, 7.1): its URI, state bits,
 * priority and attributes, with what the registry learns at run time — the failure or success
 * count of the probing and inactive thresholds (3.23, 3.24) and the call load (4.8, algorithm 10).
 * Immutable; a change is a new instance in a new snapshot.
 *
 * @param setId the set it belongs to
 * @param uri the URI as loaded; destinations are found by it, ignoring case, as Kamailio does
 * @param sipUri the URI parsed
 * @param address the host's address for {@code ds_is_from_list} (4.7), or null when the name did
 *     not resolve at load time
 * @param flags the state bits now ({@link DestinationFlags})
 * @param configuredFlags the flags the source gave
 * @param priority the priority the source gave
 * @param attrs the attributes
 * @param probingCount failed probes towards {@code ds_probing_threshold} while trying, or
 *     successful ones towards {@code ds_inactive_threshold} while inactive
 * @param load the calls counted on it (algorithm 10)
 */
public record Destination(int setId, String uri, SipUri sipUri, InetAddress address, int flags, int configuredFlags,
        int priority, DestinationAttributes attrs, int probingCount, int load) {

    /** True when inactive or disabled: selection passes over it. */
    public boolean isSkipped() {
        return DestinationFlags.isSkipped(flags);
    }

    /** True when this is the destination at {@code uri}, compared ignoring case. */
    public boolean hasUri(String other) {
        return uri.equalsIgnoreCase(other);
    }

    public Destination withState(int newFlags, int newProbingCount) {
        return new Destination(setId, uri, sipUri, address, newFlags, configuredFlags, priority, attrs, newProbingCount,
                load);
    }

    public Destination withLoad(int newLoad) {
        return new Destination(setId, uri, sipUri, address, flags, configuredFlags, priority, attrs, probingCount,
                newLoad);
    }
}
