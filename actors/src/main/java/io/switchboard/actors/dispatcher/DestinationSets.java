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
     * These sets, reloaded ({@code dispatcher.reload}), with what the registry learnt in
     * {@code previous}: a destination keeps its state and probing count when it was in the same
     * set at the same URI, unless the source changed its flags, when the source's flags win; and
     * it keeps the call load counted on its {@code duid} in the same set (the first destination
     * with that {@code duid}, the one the registry counts on), whatever else changed.
     *
     * <p>Call load is kept on purpose, where Kamailio's {@code ds_reload} starts counting again
     * from 0 (seed manual 002, 5.3) and its {@code dispatcher.reload} refuses to run for algorithm
     * 10 (6.3): both because Kamailio's list of active calls points into the previous list of
     * gateways. Here a call is counted by set id and {@code duid}, and the registry forgets the
     * calls whose destination left ({@code CallLoad.retainAll}), so no reference breaks; starting
     * from 0 would let every gateway take {@code maxload} new calls on top of those still up, and
     * their BYEs would then take off load that new calls put on. So after a reload a
     * destination's load is the number of calls the registry still counts on it.
     */
    public DestinationSets keepingStateOf(DestinationSets previous, RandomGenerator random) {
        SortedMap<Integer, DestinationSet> kept = new TreeMap<>();
        sets.forEach((id, set) -> {
            DestinationSet old = previous.set(id);
            List<Destination> list = new ArrayList<>(set.size());
            for (int i = 0; i < set.size(); i++) {
                Destination d = set.get(i);
                boolean countsLoad = set.indexOfDuid(d.attrs().duid()) == i;
                list.add(withStateOf(d, old).withLoad(countsLoad ? loadOf(d.attrs().duid(), old) : 0));
            }
            kept.put(id, DestinationSet.of(id, list, random));
        });
        return new DestinationSets(Collections.unmodifiableSortedMap(kept));
    }

    /** {@code d} with the state it had in {@code old} at its URI, unless it is new there or its flags changed. */
    private static Destination withStateOf(Destination d, DestinationSet old) {
        int i = old == null ? -1 : old.indexOf(d.uri());
        Destination before = i < 0 ? null : old.get(i);
        return before == null || before.configuredFlags() != d.configuredFlags() ? d
                : d.withState(before.flags(), before.probingCount());
    }

    /** The call load counted on {@code duid} in {@code old}; 0 when it has none there. */
    private static int loadOf(String duid, DestinationSet old) {
        int i = old == null ? -1 : old.indexOfDuid(duid);
        return i < 0 ? 0 : old.get(i).load();
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
