package io.switchboard.actors.dispatcher;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.switchboard.persistence.CborSerializable;
import io.switchboard.transport.parse.SipParseException;
import io.switchboard.transport.uri.SipUri;
import java.net.InetAddress;

/**
 * One destination of a set as the registry holds it (seed manual 002, 7.1): its URI, state bits,
 * priority and attributes, with what the registry learns at run time — the failure or success
 * count of the probing and inactive thresholds (3.23, 3.24) and the call load (4.8, algorithm 10).
 * Immutable; a change is a new instance in a new snapshot.
 *
 * <p>In CBOR the parsed URI is left out (the receiving node parses {@code uri} again) and the
 * address is written as its literal, so that no node looks a host name up to read a snapshot.
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
public record Destination(int setId, String uri, @JsonIgnore SipUri sipUri,
        @JsonFormat(shape = JsonFormat.Shape.NUMBER) InetAddress address, int flags, int configuredFlags, int priority,
        DestinationAttributes attrs, int probingCount, int load) implements CborSerializable {

    /** A destination as another node wrote it. */
    @JsonCreator
    static Destination read(@JsonProperty("setId") int setId, @JsonProperty("uri") String uri,
            @JsonProperty("address") InetAddress address, @JsonProperty("flags") int flags,
            @JsonProperty("configuredFlags") int configuredFlags, @JsonProperty("priority") int priority,
            @JsonProperty("attrs") DestinationAttributes attrs, @JsonProperty("probingCount") int probingCount,
            @JsonProperty("load") int load) {
        try {
            return new Destination(setId, uri, SipUri.parse(uri), address, flags, configuredFlags, priority, attrs,
                    probingCount, load);
        } catch (SipParseException e) {
            throw new IllegalArgumentException("destination " + uri + ": " + e.getMessage(), e);
        }
    }

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
