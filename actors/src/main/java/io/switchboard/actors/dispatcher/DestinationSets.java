package io.switchboard.actors.dispatcher;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.switchboard.persistence.CborSerializable;
import io.switchboard.persistence.dispatcher.DestinationRecord;
import io.switchboard.transport.parse.SipParseException;
import io.switchboard.transport.uri.SipUri;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every destination set, by id (seed manual 002, 7.1): built from the entries of a list file or
 * table, and rebuilt on {@code dispatcher.reload} keeping what the registry learnt about the
 * destinations that stay. Immutable. Written to CBOR as the list of its sets.
 */
public final class DestinationSets implements CborSerializable {

    private static final Logger log = LoggerFactory.getLogger(DestinationSets.class);

    public static final DestinationSets EMPTY = new DestinationSets(Collections.emptySortedMap());

    private final SortedMap<Integer, DestinationSet> sets;

    private DestinationSets(SortedMap<Integer, DestinationSet> sets) {
        this.sets = sets;
    }

    /**
     * The sets of {@code records}. A host name is looked up here, once, for
     * {@code ds_is_from_list}; this blocks, so call it off the hot path.
     */
    public static DestinationSets of(List<DestinationRecord> records, RandomGenerator random) {
        Map<Integer, List<Destination>> bySet = new TreeMap<>();
        for (DestinationRecord r : records) {
            bySet.computeIfAbsent(r.setId(), id -> new ArrayList<>()).add(destination(r));
        }
        SortedMap<Integer, DestinationSet> sets = new TreeMap<>();
        bySet.forEach((id, list) -> {
            List<Destination> ordered = new ArrayList<>(list);
            Collections.reverse(ordered);
            ordered.sort(Comparator.comparingInt(Destination::priority).reversed());
            sets.put(id, DestinationSet.of(id, ordered, random));
        });
        return new DestinationSets(Collections.unmodifiableSortedMap(sets));
    }

    private static Destination destination(DestinationRecord r) {
        SipUri uri;
        try {
            uri = SipUri.parse(r.uri());
        } catch (SipParseException e) {
            throw new IllegalArgumentException(r.origin() + ": " + e.getMessage(), e);
        }
        return new Destination(r.setId(), r.uri(), uri, address(uri), r.flags(), r.flags(), r.priority(),
                DestinationAttributes.parse(r.attrs()), 0, 0);
    }

    private static InetAddress address(SipUri uri) {
        String host = uri.host().startsWith("[") ? uri.host().substring(1, uri.host().length() - 1) : uri.host();
        try {
            return InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            log.warn("dispatcher: cannot resolve {}; ds_is_from_list will not match it", host);
            return null;
        }
    }

    /** The sets of a snapshot that crossed nodes, as {@link #all()} wrote them. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static DestinationSets read(List<DestinationSet> sets) {
        SortedMap<Integer, DestinationSet> byId = new TreeMap<>();
        sets.forEach(set -> byId.put(set.id(), set));
        return new DestinationSets(Collections.unmodifiableSortedMap(byId));
    }

    /**
     * These sets with the state, counts and load of every destination that was in
     * {@code previous} (same set, same URI) carried over — unless the source changed its flags,
     * when the source's flags win.
     */
    public DestinationSets keepingStateOf(DestinationSets previous, RandomGenerator random) {
        SortedMap<Integer, DestinationSet> kept = new TreeMap<>();
        sets.forEach((id, set) -> {
            DestinationSet old = previous.set(id);
            List<Destination> list = new ArrayList<>(set.size());
            for (Destination d : set.destinations()) {
                int i = old == null ? -1 : old.indexOf(d.uri());
                Destination before = i < 0 ? null : old.get(i);
                list.add(before == null || before.configuredFlags() != d.configuredFlags() ? d
                        : d.withState(before.flags(), before.probingCount()).withLoad(before.load()));
            }
            kept.put(id, DestinationSet.of(id, list, random));
        });
        return new DestinationSets(Collections.unmodifiableSortedMap(kept));
    }

    /** These sets with no call load on any destination (a new registry has counted no calls). */
    public DestinationSets withoutLoad() {
        SortedMap<Integer, DestinationSet> copy = new TreeMap<>();
        sets.forEach((id, set) -> copy.put(id, set.withoutLoad()));
        return new DestinationSets(Collections.unmodifiableSortedMap(copy));
    }

    /** These sets with {@code set} in place of the one with its id. */
    public DestinationSets with(DestinationSet set) {
        SortedMap<Integer, DestinationSet> copy = new TreeMap<>(sets);
        copy.put(set.id(), set);
        return new DestinationSets(Collections.unmodifiableSortedMap(copy));
    }

    /** The set with {@code id}, or null. */
    public DestinationSet set(int id) {
        return sets.get(id);
    }

    /** Every set, by increasing id. */
    @JsonValue
    public Collection<DestinationSet> all() {
        return sets.values();
    }

    /** Every destination of every set, sets by increasing id. */
    public List<Destination> destinations() {
        return sets.values().stream().flatMap(s -> s.destinations().stream()).toList();
    }

    public int count() {
        return sets.size();
    }

    public boolean isEmpty() {
        return sets.isEmpty();
    }
}
