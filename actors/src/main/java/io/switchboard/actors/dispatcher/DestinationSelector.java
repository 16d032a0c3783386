package io.switchboard.actors.dispatcher;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.ToIntFunction;

/**
 * The selection algorithms of {@code ds_select_dst(set, alg[, limit])} (seed manual 002, 4.1),
 * as pure functions of a set, the request's parts and the node's {@link SetCursor}.
 *
 * <p>An algorithm yields a number; modulo the set's size (less the default destination when
 * {@code use_default} is set) it points at a destination, and from there the first one that is not
 * inactive or disabled is chosen. With nothing left the default destination is chosen if
 * {@code use_default} is set, else the selection fails. With failover on ({@code flags} bit 2) the
 * destinations after the chosen one, then those before it, follow in order (skipping inactive and
 * disabled ones, the default one, and for algorithm 10 those at their {@code maxload}), up to
 * {@code limit} entries, the default destination last. An unknown algorithm uses the first entry.
 */
public final class DestinationSelector {

    public static final int HASH_CALL_ID = 0;
    public static final int HASH_FROM_URI = 1;
    public static final int HASH_TO_URI = 2;
    public static final int HASH_REQUEST_URI = 3;
    public static final int ROUND_ROBIN = 4;
    public static final int HASH_AUTH_USERNAME = 5;
    public static final int RANDOM = 6;
    public static final int HASH_PVAR = 7;
    public static final int PRIORITY = 8;
    public static final int WEIGHT = 9;
    public static final int CALL_LOAD = 10;
    public static final int RELATIVE_WEIGHT = 11;

    private DestinationSelector() {
    }

    /**
     * Selects from {@code set}.
     *
     * @param limit how many destinations the selection keeps at most (0: all)
     * @param load the call load of a destination as this node sees it (algorithm 10)
     * @return empty when the request lacks what the algorithm hashes or no destination is usable
     */
    public static Optional<Selection> select(DestinationSet set, int alg, int limit, RequestKeys keys,
            SetCursor cursor, DispatcherSettings settings, ToIntFunction<Destination> load) {
        int size = set.size();
        if (size == 0) {
            return Optional.empty();
        }
        int span = settings.useDefault() && size != 1 ? size - 1 : size;
        int ran = alg;
        int roundRobinStart = -1;
        OptionalInt hash;
        switch (alg) {
            case HASH_CALL_ID -> hash = keys.callId() == null ? OptionalInt.empty()
                    : OptionalInt.of(DsHash.of(keys.callId().trim(), null));
            case HASH_FROM_URI -> hash = DsHash.ofUri(keys.fromUri(), settings.hashUserOnly());
            case HASH_TO_URI -> hash = DsHash.ofUri(keys.toUri(), settings.hashUserOnly());
            case HASH_REQUEST_URI -> hash = DsHash.ofUri(keys.requestUri(), settings.hashUserOnly());
            case HASH_AUTH_USERNAME -> {
                String user = keys.authUsername();
                if (user == null || user.isBlank()) {
                    roundRobinStart = cursor.startRoundRobin(size);
                    hash = OptionalInt.of(roundRobinStart);
                } else {
                    hash = OptionalInt.of(DsHash.of(user.trim(), null));
                }
            }
            case ROUND_ROBIN -> {
                roundRobinStart = cursor.startRoundRobin(size);
                hash = OptionalInt.of(roundRobinStart);
            }
            case RANDOM -> hash = OptionalInt.of(cursor.random());
            case HASH_PVAR -> hash = keys.hashPvar() == null || keys.hashPvar().isBlank() ? OptionalInt.empty()
                    : OptionalInt.of(DsHash.of(keys.hashPvar().trim(), null));
            case WEIGHT -> hash = OptionalInt.of(set.weightSlot(cursor.nextWeightSlot()));
            case RELATIVE_WEIGHT -> hash = OptionalInt.of(set.relativeWeightSlot(cursor.nextRelativeWeightSlot()));
            case CALL_LOAD -> {
                if (keys.isInvite() && settings.countsCallLoad()) {
                    int least = leastLoaded(set, span, load);
                    hash = least < 0 ? OptionalInt.empty() : OptionalInt.of(least);
                } else {
                    ran = HASH_CALL_ID;
                    hash = OptionalInt.of(0);
                }
            }
            default -> hash = OptionalInt.of(0);
        }
        if (hash.isEmpty()) {
            return Optional.empty();
        }
        int chosen = firstUsable(set, Integer.remainderUnsigned(hash.getAsInt(), span), span, settings.useDefault());
        if (chosen < 0) {
            return Optional.empty();
        }
        if (roundRobinStart >= 0) {
            cursor.settleRoundRobin(roundRobinStart, chosen, size);
        }
        List<Destination> targets = new ArrayList<>();
        targets.add(set.get(chosen));
        if (settings.failover()) {
            addFailover(set, chosen, ran, limit <= 0 ? Integer.MAX_VALUE : limit, settings.useDefault(), load, targets);
        }
        return Optional.of(new Selection(set.id(), ran, targets));
    }

    private static int leastLoaded(DestinationSet set, int span, ToIntFunction<Destination> load) {
        int best = -1;
        int bestLoad = Integer.MAX_VALUE;
        for (int j = 0; j < span; j++) {
            Destination d = set.get(j);
            int current = load.applyAsInt(d);
            if (!d.isSkipped() && !atMaxLoad(d, current) && current < bestLoad) {
                best = j;
                bestLoad = current;
            }
        }
        return best;
    }

    private static boolean atMaxLoad(Destination d, int load) {
        return d.attrs().maxload() != 0 && load >= d.attrs().maxload();
    }

    private static int firstUsable(DestinationSet set, int start, int span, boolean useDefault) {
        int i = start;
        while (set.get(i).isSkipped()) {
            i = (i + 1) % span;
            if (i == start) {
                int last = set.size() - 1;
                return useDefault && !set.get(last).isSkipped() ? last : -1;
            }
        }
        return i;
    }

    private static void addFailover(DestinationSet set, int chosen, int alg, int limit, boolean useDefault,
            ToIntFunction<Destination> load, List<Destination> targets) {
        int size = set.size();
        for (int k = 1; k < size && targets.size() < limit; k++) {
            int i = (chosen + k) % size;
            Destination d = set.get(i);
            boolean isDefault = useDefault && i == size - 1;
            if (!d.isSkipped() && !isDefault && !(alg == CALL_LOAD && atMaxLoad(d, load.applyAsInt(d)))) {
                targets.add(d);
            }
        }
        if (useDefault && chosen != size - 1 && targets.size() < limit) {
            targets.add(set.get(size - 1));
        }
    }
}
