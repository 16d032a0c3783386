package io.switchboard.actors.dispatcher;

/**
 * Which destinations the keep-alive timer probes, {@code ds_probing_mode} (seed manual 002,
 * 3.26), and the state a probe's answer asks for. A disabled destination is never probed.
 */
public enum ProbingMode {
    /** 0: only destinations in probing state; a probe's answer clears the probing state. */
    PROBING_ONLY,
    /** 1: every destination; an active one that fails goes to trying. */
    ALL,
    /** 2: only inactive destinations in probing state. */
    INACTIVE_ONLY,
    /** 3: destinations in probing state, probed on without the state ever being cleared. */
    FLAGGED;

    /** Mode 0 to 3. */
    public static ProbingMode of(int mode) {
        if (mode < 0 || mode >= values().length) {
            throw new IllegalArgumentException("ds_probing_mode must be 0, 1, 2 or 3, not " + mode);
        }
        return values()[mode];
    }

    /** True when a destination in state {@code flags} gets a probe on this tick. */
    public boolean probes(int flags) {
        if ((flags & DestinationFlags.DISABLED) != 0) {
            return false;
        }
        boolean probing = (flags & DestinationFlags.PROBING) != 0;
        return switch (this) {
            case ALL -> true;
            case PROBING_ONLY, FLAGGED -> probing;
            case INACTIVE_ONLY -> probing && (flags & DestinationFlags.INACTIVE) != 0;
        };
    }

    /**
     * False when the answer of a probe must be ignored: the destination was disabled meanwhile,
     * or (mode 3) someone took its probing state away.
     */
    public boolean takesAnswer(int flags) {
        return (flags & DestinationFlags.DISABLED) == 0
                && (this != FLAGGED || (flags & DestinationFlags.PROBING) != 0);
    }

    /** The state an accepted answer asks for: active, probing still in modes 1 and 3. */
    public int afterSuccess(int flags) {
        boolean keepProbing = this == ALL || this == FLAGGED && (flags & DestinationFlags.PROBING) != 0;
        return keepProbing ? DestinationFlags.PROBING : 0;
    }

    /** The state a failed probe (an answer not accepted, a timeout, a send error) asks for. */
    public int afterFailure() {
        return DestinationFlags.TRYING | (this == PROBING_ONLY ? 0 : DestinationFlags.PROBING);
    }

    /** The state {@code ds_mark_dst()} without a state asks for (4.5): inactive, probing in mode 1. */
    public int markDefault() {
        return DestinationFlags.INACTIVE | (this == ALL ? DestinationFlags.PROBING : 0);
    }
}
