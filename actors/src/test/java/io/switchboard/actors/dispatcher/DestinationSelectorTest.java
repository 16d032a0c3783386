package io.switchboard.actors.dispatcher;

import static io.switchboard.actors.dispatcher.DestinationSelector.CALL_LOAD;
import static io.switchboard.actors.dispatcher.DestinationSelector.HASH_AUTH_USERNAME;
import static io.switchboard.actors.dispatcher.DestinationSelector.HASH_CALL_ID;
import static io.switchboard.actors.dispatcher.DestinationSelector.HASH_FROM_URI;
import static io.switchboard.actors.dispatcher.DestinationSelector.HASH_PVAR;
import static io.switchboard.actors.dispatcher.DestinationSelector.HASH_REQUEST_URI;
import static io.switchboard.actors.dispatcher.DestinationSelector.HASH_TO_URI;
import static io.switchboard.actors.dispatcher.DestinationSelector.PRIORITY;
import static io.switchboard.actors.dispatcher.DestinationSelector.RANDOM;
import static io.switchboard.actors.dispatcher.DestinationSelector.RELATIVE_WEIGHT;
import static io.switchboard.actors.dispatcher.DestinationSelector.ROUND_ROBIN;
import static io.switchboard.actors.dispatcher.DestinationSelector.WEIGHT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every algorithm of {@code ds_select_dst} (seed manual 002, 4.1), alone, over many calls. */
class DestinationSelectorTest {

    private static final String A = "sip:127.0.0.1:7070";
    private static final String B = "sip:127.0.0.1:7072";
    private static final String C = "sip:127.0.0.1:7074";
    /** In selection order A, B, C: the list gives equal priorities later line first. */
    private static final DestinationSet THREE = TestSets.set("1 " + C, "1 " + B, "1 " + A);

    private static final DispatcherSettings PLAIN = TestSettings.selection(0, false);
    private static final DispatcherSettings FAILOVER = TestSettings.selection(DispatcherSettings.FAILOVER, false);

    private static Optional<Selection> select(DestinationSet set, int alg, Keys keys, SetCursor cursor,
            DispatcherSettings settings) {
        return DestinationSelector.select(set, alg, 0, keys, cursor, settings, Destination::load);
    }

    private static String first(DestinationSet set, int alg, Keys keys, SetCursor cursor) {
        return select(set, alg, keys, cursor, PLAIN).orElseThrow().first().uri();
    }

    private static Map<String, Integer> count(DestinationSet set, int alg, int calls, SetCursor cursor) {
        Map<String, Integer> counts = new TreeMap<>();
        for (int i = 0; i < calls; i++) {
            counts.merge(first(set, alg, Keys.invite("call-" + i), cursor), 1, Integer::sum);
        }
        return counts;
    }

    private static List<String> uris(Selection selection) {
        return selection.targets().stream().map(Destination::uri).toList();
    }

    @Test
    void theListOrdersEqualPrioritiesLaterLineFirst() {
        assertEquals(List.of(A, B, C), THREE.destinations().stream().map(Destination::uri).toList());
    }

    @Test
    void callIdHashPicksTheSameDestinationForTheSameCall() {
        Keys call = Keys.invite("a84b4c76e66710@pc33.atlanta.com");
        int expected = (int) (Integer.toUnsignedLong(DsHash.of(call.callId(), null)) % 3);
        for (int i = 0; i < 5; i++) {
            assertEquals(THREE.get(expected).uri(), first(THREE, HASH_CALL_ID, call, new SetCursor()));
        }
    }

    @Test
    void aHashOnAnInactiveDestinationMovesToTheNextActiveOne() {
        Keys call = Keys.invite("a84b4c76e66710@pc33.atlanta.com");
        int hashed = (int) (Integer.toUnsignedLong(DsHash.of(call.callId(), null)) % 3);
        DestinationSet set = TestSets.withState(THREE, THREE.get(hashed).uri(), DestinationFlags.INACTIVE);
        assertEquals(THREE.get((hashed + 1) % 3).uri(), first(set, HASH_CALL_ID, call, new SetCursor()));
    }

    @Test
    void fromToAndRequestUriHashTheirUri() {
        Keys call = Keys.invite("x").withFrom("sip:carol@chicago.com:5070").withTo("sip:dave@denver.com")
                .withRequestUri("sip:erin@example.org;transport=tcp");
        assertEquals(THREE.get(index(DsHash.of("carol", "chicago.com:5070"))).uri(),
                first(THREE, HASH_FROM_URI, call, new SetCursor()));
        assertEquals(THREE.get(index(DsHash.of("dave", "denver.com"))).uri(),
                first(THREE, HASH_TO_URI, call, new SetCursor()));
        assertEquals(THREE.get(index(DsHash.of("erin", "example.org"))).uri(),
                first(THREE, HASH_REQUEST_URI, call, new SetCursor()));
    }

    private static int index(int hash) {
        return (int) (Integer.toUnsignedLong(hash) % 3);
    }

    @Test
    void theUriHashLeavesOutTheDefaultPortAndHonoursUserOnly() {
        Keys plain = Keys.invite("x").withFrom("sip:carol@chicago.com");
        Keys withPort = Keys.invite("x").withFrom("sip:carol@chicago.com:5060");
        assertEquals(first(THREE, HASH_FROM_URI, plain, new SetCursor()),
                first(THREE, HASH_FROM_URI, withPort, new SetCursor()));
        DispatcherSettings userOnly = TestSettings.selection(DispatcherSettings.HASH_USER_ONLY, false);
        for (String host : List.of("a.example.com", "b.example.com:5090", "c.example.net")) {
            assertEquals(THREE.get(index(DsHash.of("carol", null))).uri(), select(THREE, HASH_FROM_URI,
                    Keys.invite("x").withFrom("sip:carol@" + host), new SetCursor(), userOnly).orElseThrow()
                    .first().uri());
        }
    }

    @Test
    void aRequestWithoutWhatIsHashedSelectsNothing() {
        assertTrue(select(THREE, HASH_TO_URI, Keys.invite("x").withTo("tel:+15551234"), new SetCursor(), PLAIN)
                .isEmpty());
        assertTrue(select(THREE, HASH_CALL_ID, Keys.invite(null), new SetCursor(), PLAIN).isEmpty());
        assertTrue(select(THREE, HASH_PVAR, Keys.invite("x"), new SetCursor(), PLAIN).isEmpty(),
                "algorithm 7 needs hash_pvar");
    }

    @Test
    void roundRobinIsExact() {
        SetCursor cursor = new SetCursor();
        List<String> order = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            order.add(first(THREE, ROUND_ROBIN, Keys.invite("c" + i), cursor));
        }
        assertEquals(List.of(A, B, C, A, B, C), order);
        assertEquals(Map.of(A, 1000, B, 1000, C, 1000), count(THREE, ROUND_ROBIN, 3000, new SetCursor()));
    }

    @Test
    void roundRobinSkipsAnInactiveDestinationWithoutDoublingTheNextOne() {
        DestinationSet set = TestSets.withState(THREE, B, DestinationFlags.INACTIVE);
        assertEquals(Map.of(A, 500, C, 500), count(set, ROUND_ROBIN, 1000, new SetCursor()));
        DestinationSet disabled = TestSets.withState(THREE, A, DestinationFlags.DISABLED);
        assertEquals(Map.of(B, 500, C, 500), count(disabled, ROUND_ROBIN, 1000, new SetCursor()));
    }

    @Test
    void aTryingDestinationIsStillSelected() {
        DestinationSet set = TestSets.withState(THREE, B, DestinationFlags.TRYING | DestinationFlags.PROBING);
        assertEquals(Map.of(A, 100, B, 100, C, 100), count(set, ROUND_ROBIN, 300, new SetCursor()));
    }

    @Test
    void nothingActiveSelectsNothing() {
        DestinationSet set = TestSets.withState(TestSets.withState(TestSets.withState(THREE, A,
                DestinationFlags.INACTIVE), B, DestinationFlags.DISABLED), C, DestinationFlags.INACTIVE);
        assertTrue(select(set, ROUND_ROBIN, Keys.invite("x"), new SetCursor(), PLAIN).isEmpty());
    }

    @Test
    void authUsernameHashesWhenPresentAndRoundRobinsWithout() {
        Keys authed = Keys.invite("x").withAuth("alice");
        String expected = THREE.get(index(DsHash.of("alice", null))).uri();
        SetCursor cursor = new SetCursor();
        for (int i = 0; i < 4; i++) {
            assertEquals(expected, first(THREE, HASH_AUTH_USERNAME, authed, cursor));
        }
        assertEquals(Map.of(A, 100, B, 100, C, 100), count(THREE, HASH_AUTH_USERNAME, 300, new SetCursor()));
    }

    @Test
    void randomSpreadsEvenlyWithinTenPercent() {
        Random random = new Random(42);
        Map<String, Integer> counts = count(THREE, RANDOM, 30_000, new SetCursor(() -> random.nextInt(Integer.MAX_VALUE)));
        counts.values().forEach(n -> assertTrue(Math.abs(n - 10_000) < 1_000, counts::toString));
    }

    /**
     * The hashing algorithms over 3,000 calls with random keys (UUIDs from a seeded {@link Random}):
     * each of three destinations gets 1,000 ± 100. A fair choice among three has a standard
     * deviation of 25.8 calls over 3,000; {@link DsHash} modulo 3 measured 26.0 over these keys
     * (2,000 seeds), so ± 100 is 3.9 standard deviations: a fair hash stays inside, one that favours
     * a destination by a tenth does not. A second call with the same key and every other part of
     * the request changed, on the same cursor, goes to the same destination.
     */
    @ParameterizedTest(name = "algorithm {0}")
    @ValueSource(ints = {HASH_CALL_ID, HASH_FROM_URI, HASH_TO_URI, HASH_REQUEST_URI, HASH_AUTH_USERNAME, HASH_PVAR})
    void aHashSpreadsCallsEvenlyAndKeepsAKeyOnItsDestination(int alg) {
        Random random = new Random(6);
        SetCursor cursor = new SetCursor();
        Map<String, Integer> counts = new TreeMap<>();
        for (int i = 0; i < 3000; i++) {
            String key = uuid(random);
            String chosen = first(THREE, alg, keyed(alg, key, uuid(random)), cursor);
            assertEquals(chosen, first(THREE, alg, keyed(alg, key, uuid(random)), cursor), "the same key " + key);
            counts.merge(chosen, 1, Integer::sum);
        }
        assertEquals(Set.of(A, B, C), counts.keySet());
        counts.values().forEach(n -> assertTrue(Math.abs(n - 1000) <= 100, counts::toString));
    }

    private static String uuid(Random random) {
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }

    /** A call whose part algorithm {@code alg} hashes is {@code key}, every other part made of {@code other}. */
    private static Keys keyed(int alg, String key, String other) {
        Keys call = Keys.invite(alg == HASH_CALL_ID ? key : other).withFrom(sip(other)).withTo(sip(other))
                .withRequestUri(sip(other)).withAuth(other).withPvar(other);
        return switch (alg) {
            case HASH_CALL_ID -> call;
            case HASH_FROM_URI -> call.withFrom(sip(key));
            case HASH_TO_URI -> call.withTo(sip(key));
            case HASH_REQUEST_URI -> call.withRequestUri(sip(key));
            case HASH_AUTH_USERNAME -> call.withAuth(key);
            case HASH_PVAR -> call.withPvar(key);
            default -> throw new IllegalArgumentException("not a hashing algorithm: " + alg);
        };
    }

    private static String sip(String user) {
        return "sip:" + user + "@example.com";
    }

    @Test
    void hashPvarHashesTheFilledString() {
        Keys keys = Keys.invite("x").withPvar("alice@a84b4c76e66710");
        assertEquals(THREE.get(index(DsHash.of("alice@a84b4c76e66710", null))).uri(),
                first(THREE, HASH_PVAR, keys, new SetCursor()));
    }

    @Test
    void priorityOrderUsesTheHighestPriorityFirstAndFailsOverDownwards() {
        DestinationSet set = TestSets.set("1 " + A + " 0 5", "1 " + B + " 0 10", "1 " + C + " 0 1");
        Selection selection = select(set, PRIORITY, Keys.invite("x"), new SetCursor(), FAILOVER).orElseThrow();
        assertEquals(List.of(B, A, C), uris(selection));
    }

    @Test
    void priorityOrderSendsEveryCallToTheHighestPriorityThenTheNextOnceItIsInactive() {
        DestinationSet set = TestSets.set("1 " + A + " 0 5", "1 " + B + " 0 10", "1 " + C + " 0 1");
        assertEquals(Map.of(B, 300), count(set, PRIORITY, 300, new SetCursor()));
        DestinationSet bDown = TestSets.withState(set, B, DestinationFlags.INACTIVE | DestinationFlags.PROBING);
        assertEquals(Map.of(A, 300), count(bDown, PRIORITY, 300, new SetCursor()));
        assertEquals(Map.of(C, 300), count(TestSets.withState(bDown, A, DestinationFlags.INACTIVE), PRIORITY, 300,
                new SetCursor()));
        assertEquals(Map.of(B, 300), count(TestSets.withState(bDown, B, 0), PRIORITY, 300, new SetCursor()),
                "back to the highest priority once it is active again");
    }

    @Test
    void weightDistributionIsExactOverEveryHundredCalls() {
        DestinationSet set = TestSets.set("1 " + C + " 0 0 weight=50", "1 " + B + " 0 0 weight=30",
                "1 " + A + " 0 0 weight=20");
        SetCursor cursor = new SetCursor();
        assertEquals(Map.of(A, 20, B, 30, C, 50), count(set, WEIGHT, 100, cursor));
        assertEquals(Map.of(A, 200, B, 300, C, 500), count(set, WEIGHT, 1000, cursor));
    }

    @Test
    void weightsBelowAHundredLeaveTheRestToTheLastDestination() {
        DestinationSet set = TestSets.set("1 " + C, "1 " + B + " 0 0 weight=10", "1 " + A + " 0 0 weight=20");
        assertEquals(Map.of(A, 20, B, 10, C, 70), count(set, WEIGHT, 100, new SetCursor()));
    }

    @Test
    void weightsAreIgnoredWhenTheFirstDestinationHasNone() {
        DestinationSet set = TestSets.set("1 " + C + " 0 0 weight=50", "1 " + B + " 0 0 weight=50", "1 " + A);
        assertEquals(Map.of(A, 100), count(set, WEIGHT, 100, new SetCursor()));
    }

    @Test
    void relativeWeightIsExactAndRedistributesWhenAHostGoesDown() {
        DestinationSet set = TestSets.set("1 " + C + " 0 0 rweight=1", "1 " + B + " 0 0 rweight=2",
                "1 " + A + " 0 0 rweight=1");
        assertEquals(Map.of(A, 25, B, 50, C, 25), count(set, RELATIVE_WEIGHT, 100, new SetCursor()));
        DestinationSet cDown = TestSets.withState(set, C, DestinationFlags.INACTIVE);
        assertEquals(Map.of(A, 33, B, 67), count(cDown, RELATIVE_WEIGHT, 100, new SetCursor()),
                "the manual's example: 1/2/1 becomes 33/67/0");
        DestinationSet cUp = TestSets.withState(cDown, C, 0);
        assertEquals(Map.of(A, 25, B, 50, C, 25), count(cUp, RELATIVE_WEIGHT, 100, new SetCursor()));
    }

    /** Selects an INVITE by call load, {@code load} holding the calls counted so far; counts it on the one chosen. */
    private static Optional<Selection> selectByLoad(DestinationSet set, Map<String, Integer> load, String callId) {
        Optional<Selection> selection = DestinationSelector.select(set, CALL_LOAD, 0, Keys.invite(callId),
                new SetCursor(), FAILOVER, d -> load.getOrDefault(d.uri(), 0));
        selection.ifPresent(s -> load.merge(s.first().uri(), 1, Integer::sum));
        return selection;
    }

    @Test
    void callLoadPicksTheLeastLoadedAndRespectsMaxload() {
        DestinationSet set = TestSets.set("1 " + B + " 0 0 duid=b;maxload=2", "1 " + A + " 0 0 duid=a;maxload=3");
        Map<String, Integer> load = new HashMap<>();
        List<String> chosen = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Selection s = selectByLoad(set, load, "c" + i).orElseThrow();
            assertEquals(CALL_LOAD, s.alg());
            chosen.add(s.first().uri());
        }
        assertEquals(List.of(A, B, A, B, A), chosen);
        assertTrue(selectByLoad(set, load, "c6").isEmpty(), "both at maxload: no destination");
        load.put(B, 1);
        assertEquals(List.of(B), uris(selectByLoad(set, load, "c7").orElseThrow()),
                "the failover list leaves out a destination at its maxload");
    }

    @Test
    void callLoadSpreads300CallsOverThreeGatewaysAndRefusesThe301st() {
        DestinationSet set = TestSets.set("1 " + C + " 0 0 duid=c;maxload=100", "1 " + B + " 0 0 duid=b;maxload=100",
                "1 " + A + " 0 0 duid=a;maxload=100");
        Map<String, Integer> load = new TreeMap<>();
        for (int i = 0; i < 300; i++) {
            assertTrue(selectByLoad(set, load, "call-" + i).isPresent(), "call " + i + " found a gateway");
            if (i == 149) {
                assertEquals(Map.of(A, 50, B, 50, C, 50), load, "each call went to the least loaded");
            }
        }
        assertEquals(Map.of(A, 100, B, 100, C, 100), load, "every gateway at its maxload, none above");
        assertTrue(selectByLoad(set, load, "call-300").isEmpty(), "the 301st call selects nothing");
    }

    @Test
    void callLoadOnlyCountsInvites() {
        DestinationSet set = TestSets.set("1 " + B + " 0 0 duid=b", "1 " + A + " 0 0 duid=a");
        Selection s = DestinationSelector.select(set, CALL_LOAD, 0, Keys.invite("x").notInvite(), new SetCursor(),
                PLAIN, d -> d.uri().equals(A) ? 9 : 0).orElseThrow();
        assertEquals(HASH_CALL_ID, s.alg());
        assertEquals(A, s.first().uri(), "the first entry, as Kamailio does");
    }

    @Test
    void anUnknownAlgorithmUsesTheFirstEntry() {
        assertEquals(Map.of(A, 50), count(THREE, 42, 50, new SetCursor()));
    }

    @Test
    void failoverKeepsTheOthersInOrderUpToTheLimit() {
        SetCursor cursor = new SetCursor();
        first(THREE, ROUND_ROBIN, Keys.invite("x"), cursor);
        Selection selection = select(THREE, ROUND_ROBIN, Keys.invite("y"), cursor, FAILOVER).orElseThrow();
        assertEquals(List.of(B, C, A), uris(selection));
        Selection limited = DestinationSelector.select(THREE, ROUND_ROBIN, 2, Keys.invite("z"), cursor, FAILOVER,
                Destination::load).orElseThrow();
        assertEquals(List.of(C, A), uris(limited));
        assertEquals(List.of(A), uris(select(THREE, ROUND_ROBIN, Keys.invite("w"), cursor, PLAIN).orElseThrow()),
                "without flags bit 2 there is no failover list");
    }

    @Test
    void failoverLeavesOutInactiveDestinations() {
        DestinationSet set = TestSets.withState(THREE, B, DestinationFlags.INACTIVE | DestinationFlags.PROBING);
        assertEquals(List.of(A, C), uris(select(set, PRIORITY, Keys.invite("x"), new SetCursor(), FAILOVER)
                .orElseThrow()));
    }

    @Test
    void useDefaultKeepsTheLastDestinationForLast() {
        DispatcherSettings useDefault = TestSettings.selection(DispatcherSettings.FAILOVER, true);
        assertEquals(Map.of(A, 50, B, 50), roundRobin(THREE, useDefault, 100));
        assertEquals(List.of(A, B, C), uris(select(THREE, ROUND_ROBIN, Keys.invite("x"), new SetCursor(), useDefault)
                .orElseThrow()), "the default destination ends the failover list");
        DestinationSet down = TestSets.withState(TestSets.withState(THREE, A, DestinationFlags.INACTIVE), B,
                DestinationFlags.INACTIVE);
        assertEquals(List.of(C), uris(select(down, ROUND_ROBIN, Keys.invite("x"), new SetCursor(), useDefault)
                .orElseThrow()), "with every other one down the default destination is used");
    }

    private static Map<String, Integer> roundRobin(DestinationSet set, DispatcherSettings settings, int calls) {
        SetCursor cursor = new SetCursor();
        Map<String, Integer> counts = new TreeMap<>();
        for (int i = 0; i < calls; i++) {
            counts.merge(select(set, ROUND_ROBIN, Keys.invite("c" + i), cursor, settings).orElseThrow().first().uri(),
                    1, Integer::sum);
        }
        return counts;
    }
}
