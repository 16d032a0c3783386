package io.switchboard.actors.dialog;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The profiles a route may use (seed manual 001, 6.44 {@code profiles_with_value}, 6.45
 * {@code profiles_no_value}): settings {@code profiles-with-value} and {@code profiles-no-value}.
 * A name is in one list at most. As in Kamailio, a value given for a profile without values is
 * discarded, and a profile with values needs one to set or unset a dialog's membership; a name in
 * neither list is an {@link IllegalArgumentException} (Kamailio refuses such a script at start-up).
 */
public record ProfileDefinitions(Set<String> withValue, Set<String> noValue) {

    /** No profiles. */
    public static final ProfileDefinitions NONE = new ProfileDefinitions(Set.of(), Set.of());

    public ProfileDefinitions {
        withValue = Set.copyOf(withValue);
        noValue = Set.copyOf(noValue);
    }

    /** The definitions of these two lists; a name twice, or blank, is an {@link IllegalArgumentException}. */
    public static ProfileDefinitions of(List<String> withValue, List<String> noValue) {
        for (String name : withValue) {
            if (noValue.contains(name)) {
                throw new IllegalArgumentException("profile \"" + name + "\" is both with and without value");
            }
        }
        for (List<String> names : List.of(withValue, noValue)) {
            for (String name : names) {
                if (name.isBlank() || !name.equals(name.strip())) {
                    throw new IllegalArgumentException("a profile name must be a word, not \"" + name + "\"");
                }
                if (names.indexOf(name) != names.lastIndexOf(name)) {
                    throw new IllegalArgumentException("profile \"" + name + "\" is listed twice");
                }
            }
        }
        return new ProfileDefinitions(Set.copyOf(withValue), Set.copyOf(noValue));
    }

    /** True if {@code profile} is a profile with values; an {@link IllegalArgumentException} if it is none. */
    public boolean hasValue(String profile) {
        if (withValue.contains(profile)) {
            return true;
        }
        if (noValue.contains(profile)) {
            return false;
        }
        throw new IllegalArgumentException("no dialog profile \"" + profile + "\": the profiles are "
                + "dialog.profiles-with-value " + withValue + " and dialog.profiles-no-value " + noValue);
    }

    /**
     * The membership {@code set_dlg_profile}/{@code unset_dlg_profile} mean: the value dropped for
     * a profile without values; empty for a profile with values and no (or an empty) value, which
     * Kamailio refuses at run time.
     */
    public Optional<ProfileMembership> membership(String profile, String value) {
        if (!hasValue(profile)) {
            return Optional.of(new ProfileMembership(profile, null));
        }
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(new ProfileMembership(profile, value));
    }

    /**
     * The value to match for {@code is_in_profile}, {@code get_profile_size} and the commands: the
     * value for a profile with values (null: any), always null for one without.
     */
    public String matchValue(String profile, String value) {
        return hasValue(profile) && value != null && !value.isEmpty() ? value : null;
    }
}
