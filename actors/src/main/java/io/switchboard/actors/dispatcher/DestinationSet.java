package io.switchboard.actors.dispatcher;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.switchboard.persistence.CborSerializable;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * One destination set (group) of seed manual 002, 7.1: its destinations in selection order —
 * highest priority first and, among equal priorities, the later entry first, as Kamailio orders
 * them — with the 100 slots of the weight distribution (algorithm 9) and of the relative weight
 * distribution (algorithm 11). Immutable.
 *
 * <p>Weight slots follow {@code weight}: a destination gets as many of the 100 slots as its
 * weight, the slots past the sum go to the last destination, and none are used at all when the
 * first destination has no weight. Relative weight slots are shared among the destinations that
 * are not skipped, in proportion to their {@code rweight}, and are dealt again whenever one goes
 * down or comes up (4.1, "11"). Both are shuffled so that every 100 consecutive calls follow the
 * proportions without sending the first calls all to one destination.
 *
 * <p>Written to CBOR with its slots, so that every node selects from the same distributions.
 */
public final class DestinationSet implements CborSerializable {

    /** The number of slots of the weight distributions. */
    public static final int SLOTS = 100;

    @JsonProperty("id")
    private final int id;
    @JsonProperty("destinations")
    private final List<Destination> destinations;
    @JsonProperty("weightSlots")
    private final int[] weightSlots;
    @JsonProperty("relativeWeightSlots")
    private final int[] relativeWeightSlots;

    @JsonCreator
    private DestinationSet(@JsonProperty("id") int id, @JsonProperty("destinations") List<Destination> destinations,
            @JsonProperty("weightSlots") int[] weightSlots,
            @JsonProperty("relativeWeightSlots") int[] relativeWeightSlots) {
        this.id = id;
        this.destinations = List.copyOf(destinations);
        this.weightSlots = weightSlots;
        this.relativeWeightSlots = relativeWeightSlots;
    }

    /** A set of {@code destinations}, already in selection order. */
    public static DestinationSet of(int id, List<Destination> destinations, RandomGenerator random) {
        return new DestinationSet(id, destinations, weightSlots(destinations, random),
                relativeWeightSlots(destinations, random));
    }

    public int id() {
        return id;
    }

    public List<Destination> destinations() {
        return destinations;
    }

    public int size() {
        return destinations.size();
    }

    public Destination get(int index) {
        return destinations.get(index);
    }

    /** The index of the destination at {@code uri} (ignoring case), or -1. */
    public int indexOf(String uri) {
        for (int i = 0; i < destinations.size(); i++) {
            if (destinations.get(i).hasUri(uri)) {
                return i;
            }
        }
        return -1;
    }

    /** The index of the destination whose {@code duid} is {@code duid} (ignoring case), or -1. */
    public int indexOfDuid(String duid) {
        for (int i = 0; i < destinations.size(); i++) {
            if (destinations.get(i).attrs().duid().equalsIgnoreCase(duid)) {
                return i;
            }
        }
        return -1;
    }

    /** The destination index in weight slot {@code slot} (0 to 99). */
    public int weightSlot(int slot) {
        return weightSlots[slot];
    }

    /** The destination index in relative weight slot {@code slot} (0 to 99). */
    public int relativeWeightSlot(int slot) {
        return relativeWeightSlots[slot];
    }

    /**
     * This set with the destination at {@code index} replaced; the relative weight slots are
     * dealt again when it went down or came up.
     */
    public DestinationSet with(int index, Destination destination, RandomGenerator random) {
        List<Destination> list = new ArrayList<>(destinations);
        boolean upOrDown = list.get(index).isSkipped() != destination.isSkipped();
        list.set(index, destination);
        return new DestinationSet(id, list, weightSlots,
                upOrDown ? relativeWeightSlots(list, random) : relativeWeightSlots);
    }

    /** This set with no call load on its destinations; the slots stay. */
    public DestinationSet withoutLoad() {
        return new DestinationSet(id, destinations.stream().map(d -> d.withLoad(0)).toList(), weightSlots,
                relativeWeightSlots);
    }

    private static int[] weightSlots(List<Destination> list, RandomGenerator random) {
        int[] slots = new int[SLOTS];
        if (list.isEmpty() || list.get(0).attrs().weight() == 0) {
            return slots;
        }
        int filled = 0;
        for (int j = 0; j < list.size() && filled < SLOTS; j++) {
            for (int k = 0; k < list.get(j).attrs().weight() && filled < SLOTS; k++) {
                slots[filled++] = j;
            }
        }
        for (; filled < SLOTS; filled++) {
            slots[filled] = list.size() - 1;
        }
        shuffle(slots, random);
        return slots;
    }

    private static int[] relativeWeightSlots(List<Destination> list, RandomGenerator random) {
        int[] slots = new int[SLOTS];
        if (list.size() < 2) {
            return slots;
        }
        int sum = 0;
        for (Destination d : list) {
            sum += d.isSkipped() ? 0 : d.attrs().rweight();
        }
        if (sum == 0) {
            return slots;
        }
        int filled = 0;
        for (int j = 0; j < list.size(); j++) {
            Destination d = list.get(j);
            int share = d.isSkipped() ? 0 : d.attrs().rweight() * SLOTS / sum;
            for (int k = 0; k < share; k++) {
                slots[filled++] = j;
            }
        }
        int last = filled > 0 ? slots[filled - 1] : list.size() - 1;
        for (; filled < SLOTS; filled++) {
            slots[filled] = last;
        }
        shuffle(slots, random);
        return slots;
    }

    private static void shuffle(int[] slots, RandomGenerator random) {
        for (int j = 0; j < slots.length; j++) {
            int k = j + random.nextInt(slots.length - j);
            int t = slots[j];
            slots[j] = slots[k];
            slots[k] = t;
        }
    }

    @Override
    public String toString() {
        return "set " + id + " " + destinations.stream().map(Destination::uri).toList();
    }
}
