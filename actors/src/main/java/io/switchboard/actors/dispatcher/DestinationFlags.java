package io.switchboard.actors.dispatcher;

import java.util.Locale;

/**
 * The state bits of a destination (seed manual 002, 7.1 "Destination List File": bit 0 inactive,
 * bit 1 trying, bit 2 admin disabled, bit 3 probing) and the state letters of {@code ds_mark_dst}
 * (4.5) and {@code dispatcher.set_state} (6.1): {@code a}, {@code i}, {@code t}, {@code d},
 * optionally followed by {@code p}.
 */
public final class DestinationFlags {

    public static final int INACTIVE = 1;
    public static final int TRYING = 2;
    public static final int DISABLED = 4;
    public static final int PROBING = 8;
    /** Every state bit. */
    public static final int STATES = INACTIVE | TRYING | DISABLED | PROBING;

    private DestinationFlags() {
    }

    /** True for an inactive or disabled destination: selection passes over it. */
    public static boolean isSkipped(int flags) {
        return (flags & (INACTIVE | DISABLED)) != 0;
    }

    /**
     * The two letters {@code dispatcher.list} shows: the state ({@code A}ctive, {@code I}nactive,
     * {@code D}isabled, {@code T}rying) and {@code P} when probing, else {@code X}.
     */
    public static String letters(int flags) {
        char state = (flags & INACTIVE) != 0 ? 'I' : (flags & DISABLED) != 0 ? 'D' : (flags & TRYING) != 0 ? 'T' : 'A';
        return state + ((flags & PROBING) != 0 ? "P" : "X");
    }

    /**
     * The state {@code ds_mark_dst(state)} asks for (4.5): each letter in turn, {@code a}
     * clearing the state bits, {@code i}, {@code t}, {@code d} and {@code p} adding theirs.
     *
     * @throws IllegalArgumentException for any other letter
     */
    public static int ofMark(String state) {
        int flags = 0;
        for (char c : state.toLowerCase(Locale.ROOT).toCharArray()) {
            flags = switch (c) {
                case 'a' -> flags & ~STATES;
                case 'i' -> flags | INACTIVE;
                case 't' -> flags | TRYING;
                case 'd' -> flags | DISABLED;
                case 'p' -> flags | PROBING;
                default -> throw new IllegalArgumentException("state '" + state + "' is not made of a, i, t, d and p");
            };
        }
        return flags;
    }

    /**
     * The state {@code dispatcher.set_state STATE GROUP ADDRESS} sets (6.1): {@code a}, {@code i},
     * {@code t} (or Kamailio's digits 1, 0, 3), optionally followed by {@code p}, or {@code d} (2).
     *
     * @throws IllegalArgumentException for any other value
     */
    public static int ofSetState(String state) {
        if (state == null || state.isEmpty()) {
            throw new IllegalArgumentException("no state given");
        }
        boolean probing = state.length() > 1 && Character.toLowerCase(state.charAt(1)) == 'p';
        int flags = switch (Character.toLowerCase(state.charAt(0))) {
            case 'a', '1' -> 0;
            case 'i', '0' -> INACTIVE;
            case 't', '3' -> TRYING;
            case 'd', '2' -> DISABLED;
            default -> throw new IllegalArgumentException("unknown state '" + state + "' (a, i, t or d, then p)");
        };
        return flags == DISABLED || !probing ? flags : flags | PROBING;
    }
}
