package io.switchboard.actors.dispatcher;

import static io.switchboard.actors.dispatcher.DestinationFlags.DISABLED;
import static io.switchboard.actors.dispatcher.DestinationFlags.INACTIVE;
import static io.switchboard.actors.dispatcher.DestinationFlags.PROBING;
import static io.switchboard.actors.dispatcher.DestinationFlags.STATES;
import static io.switchboard.actors.dispatcher.DestinationFlags.TRYING;

/**
 * A destination's state machine (seed manual 002, 4.5 {@code ds_mark_dst}, 3.23
 * {@code ds_probing_threshold}, 3.24 {@code ds_inactive_threshold}), as a pure function from the
 * state it is in and the state asked for to the state it goes to.
 *
 * <ul>
 * <li>Trying counts a failure; at the probing threshold the destination becomes inactive (and the
 *     count starts again). An inactive destination asked to be trying stays inactive: it has to
 *     come back to active first.</li>
 * <li>An inactive destination asked to be active (or anything but trying) counts a success and
 *     stays inactive, probing kept, until the inactive threshold is reached.</li>
 * <li>Disabled replaces every other state bit.</li>
 * </ul>
 * Going from usable to inactive or disabled raises {@code dispatcher:dst-down}, and back
 * {@code dispatcher:dst-up} (section 8).
 *
 * @param flags the new state bits, other bits kept
 * @param probingCount the new failure or success count
 * @param event the event raised, or null
 */
public record StateChange(int flags, int probingCount, DispatcherEvent.Kind event) {

    /** {@code ds_mark_dst}, a probe's answer: {@code requested} state bits applied to {@code current}. */
    public static StateChange of(Destination current, int requested, int probingThreshold, int inactiveThreshold) {
        int old = current.flags();
        int state = requested & STATES;
        int flags = old & ~STATES;
        if ((state & TRYING) != 0 && (old & INACTIVE) != 0) {
            state = (state & ~TRYING) | INACTIVE;
        }
        flags |= (state & DISABLED) != 0 ? DISABLED : state;
        int count = current.probingCount();
        if ((state & TRYING) != 0) {
            count++;
            if (count >= probingThreshold) {
                flags = (flags & ~TRYING) | INACTIVE;
                count = 0;
            }
        } else if ((requested & TRYING) == 0 && (old & INACTIVE) != 0) {
            count++;
            if (count < inactiveThreshold) {
                flags |= INACTIVE | (old & PROBING);
            } else {
                count = 0;
            }
        } else {
            count = 0;
        }
        return new StateChange(flags, count, event(old, flags));
    }

    /**
     * {@code dispatcher.set_state} (6.1): the state bits set as given, the count kept, no event —
     * an operator's word is not a detection.
     */
    public static StateChange set(Destination current, int state) {
        return new StateChange((current.flags() & ~STATES) | (state & STATES), current.probingCount(), null);
    }

    private static DispatcherEvent.Kind event(int old, int now) {
        boolean wasSkipped = DestinationFlags.isSkipped(old);
        boolean isSkipped = DestinationFlags.isSkipped(now);
        if (wasSkipped == isSkipped) {
            return null;
        }
        return isSkipped ? DispatcherEvent.Kind.DST_DOWN : DispatcherEvent.Kind.DST_UP;
    }

    /** The destination in its new state. */
    public Destination applyTo(Destination destination) {
        return destination.withState(flags, probingCount);
    }
}
