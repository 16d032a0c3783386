package io.switchboard.actors.dispatcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Call load across {@code dispatcher.reload} (seed manual 002, 5.3, 6.3;
 * {@link DestinationSets#keepingStateOf}): the registry keeps counting the calls that are up, by
 * set and {@code duid}, so after a reload each destination's load is the number of calls the
 * registry still counts on it — what {@code maxload} is held against and a BYE takes off.
 */
class ReloadCallLoadTest {

    private static final String A = "sip:127.0.0.1:7070";
    private static final String B = "sip:127.0.0.1:7072";
    private static final String C = "sip:127.0.0.1:7074";
    private static final String D = "sip:127.0.0.1:7076";

    private final CallLoad calls = new CallLoad(Duration.ofHours(1), Duration.ofHours(1));

    /** {@code sets} with a call counted on the destination of each {@code duid} in set 1, as the registry counts. */
    private DestinationSets counting(DestinationSets sets, String... duids) {
        DestinationSet set = sets.set(1);
        for (String duid : duids) {
            calls.add("call-" + calls.size(), 1, duid, 0);
            int i = set.indexOfDuid(duid);
            set = set.with(i, set.get(i).withLoad(set.get(i).load() + 1), new Random(7));
        }
        return sets.with(set);
    }

    private static Map<String, Integer> loads(DestinationSets sets) {
        Map<String, Integer> loads = new TreeMap<>();
        sets.destinations().forEach(d -> loads.put(d.uri(), d.load()));
        return loads;
    }

    @Test
    void aDestinationThatStaysKeepsItsCalls() {
        DestinationSets before = counting(TestSets.sets("1 " + A + " 0 0 duid=a;maxload=2", "1 " + B + " 0 0 duid=b"),
                "a", "a", "b");
        DestinationSets after = TestSets.sets("1 " + A + " 0 0 duid=a;maxload=2", "1 " + B + " 0 0 duid=b",
                "1 " + C + " 0 0 duid=c").keepingStateOf(before, new Random(7));
        calls.retainAll(after);
        assertEquals(Map.of(A, 2, B, 1, C, 0), loads(after), "A is still at its maxload");
        assertEquals(3, calls.size(), "and each of those calls' BYE takes its load off again");
    }

    @Test
    void loadFollowsTheDuidTheCallsAreCountedBy() {
        DestinationSets before = counting(TestSets.sets("1 " + A + " 0 0 duid=a", "1 " + B + " 0 0 duid=b",
                "1 " + C + " 0 0 duid=c"), "a", "a", "b", "c");
        DestinationSets after = TestSets.sets("1 " + A + " 8 0 duid=a", "1 " + D + " 0 0 duid=b",
                "1 " + C + " 0 0 duid=c2").keepingStateOf(before, new Random(7));
        calls.retainAll(after);
        assertEquals(Map.of(A, 2, C, 0, D, 1), loads(after),
                "A's flags come from the list again but its calls still count; b moved to D with its call; "
                        + "C's call was counted on c, which left, and is forgotten");
        assertEquals(3, calls.size());
    }
}
