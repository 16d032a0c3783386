package io.switchboard.actors.dialog;

import io.switchboard.persistence.CborSerializable;
import java.util.HashMap;
import java.util.Map;

/**
 * How many live dialogs are in each profile, by value: profile name, then value ("" for a profile
 * without values), then the count. One node publishes its own in {@link ProfileSizes}; immutable.
 */
public record ProfileCounts(Map<String, Map<String, Long>> counts) implements CborSerializable {

    /** Counts nothing. */
    public static final ProfileCounts EMPTY = new ProfileCounts(Map.of());

    public ProfileCounts {
        Map<String, Map<String, Long>> copy = new HashMap<>();
        counts.forEach((profile, values) -> copy.put(profile, Map.copyOf(values)));
        counts = Map.copyOf(copy);
    }

    /** The counts of these memberships. */
    public static ProfileCounts of(Map<ProfileMembership, Long> memberships) {
        Map<String, Map<String, Long>> counts = new HashMap<>();
        memberships.forEach((m, count) -> {
            if (count > 0) {
                counts.computeIfAbsent(m.profile(), p -> new HashMap<>()).put(key(m.value()), count);
            }
        });
        return new ProfileCounts(counts);
    }

    /** The dialogs in {@code profile} with {@code value}, or with any value when {@code value} is null. */
    public long size(String profile, String value) {
        Map<String, Long> values = counts.getOrDefault(profile, Map.of());
        if (value == null) {
            return values.values().stream().mapToLong(Long::longValue).sum();
        }
        return values.getOrDefault(value, 0L);
    }

    /** These counts and {@code other}'s added up. */
    public ProfileCounts plus(ProfileCounts other) {
        Map<String, Map<String, Long>> sum = new HashMap<>();
        for (ProfileCounts part : new ProfileCounts[] {this, other}) {
            part.counts.forEach((profile, values) -> values.forEach((value, count) ->
                    sum.computeIfAbsent(profile, p -> new HashMap<>()).merge(value, count, Long::sum)));
        }
        return new ProfileCounts(sum);
    }

    private static String key(String value) {
        return value == null ? "" : value;
    }
}
