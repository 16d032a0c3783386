package io.switchboard.actors.dialog;

import io.switchboard.persistence.CborSerializable;
import java.util.Objects;

/**
 * A dialog's place in a profile (seed manual 001, section 4 "Dialog profiling", 7.1): the profile's
 * name and, for a profile with values, the value it was set with; null for a profile without.
 */
public record ProfileMembership(String profile, String value) implements CborSerializable {

    public ProfileMembership {
        Objects.requireNonNull(profile, "profile");
    }

    /**
     * True if this membership answers {@code is_in_profile(profile[, value])}: the same profile,
     * and the same value unless {@code value} is null (any value).
     */
    public boolean matches(String profile, String value) {
        return this.profile.equals(profile) && (value == null || value.equals(this.value));
    }
}
