package io.switchboard.actors.dispatcher;

import static io.switchboard.actors.dispatcher.DestinationFlags.DISABLED;
import static io.switchboard.actors.dispatcher.DestinationFlags.INACTIVE;
import static io.switchboard.actors.dispatcher.DestinationFlags.PROBING;
import static io.switchboard.actors.dispatcher.DestinationFlags.TRYING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** The destination state machine of seed manual 002, 4.5, 3.23 and 3.24. */
class StateChangeTest {

    private static final Destination ACTIVE = TestSets.set("1 sip:127.0.0.1:7070").get(0);

    private static Destination in(int flags, int count) {
        return ACTIVE.withState(flags, count);
    }

    @Test
    void tryingCountsFailuresUntilTheProbingThreshold() {
        StateChange first = StateChange.of(ACTIVE, TRYING | PROBING, 3, 1);
        assertEquals(new StateChange(TRYING | PROBING, 1, null), first);
        StateChange second = StateChange.of(first.applyTo(ACTIVE), TRYING | PROBING, 3, 1);
        assertEquals(new StateChange(TRYING | PROBING, 2, null), second);
        StateChange third = StateChange.of(second.applyTo(ACTIVE), TRYING | PROBING, 3, 1);
        assertEquals(new StateChange(INACTIVE | PROBING, 0, DispatcherEvent.Kind.DST_DOWN), third);
    }

    @Test
    void theDefaultThresholdMakesTheFirstFailureInactive() {
        assertEquals(new StateChange(INACTIVE | PROBING, 0, DispatcherEvent.Kind.DST_DOWN),
                StateChange.of(ACTIVE, TRYING | PROBING, 1, 1));
    }

    @Test
    void anInactiveDestinationAskedToTryStaysInactive() {
        assertEquals(new StateChange(INACTIVE | PROBING, 0, null), StateChange.of(in(INACTIVE | PROBING, 0),
                TRYING | PROBING, 1, 1));
    }

    @Test
    void anInactiveDestinationComesBackAfterTheInactiveThreshold() {
        StateChange first = StateChange.of(in(INACTIVE | PROBING, 0), PROBING, 1, 2);
        assertEquals(new StateChange(INACTIVE | PROBING, 1, null), first);
        StateChange second = StateChange.of(in(first.flags(), first.probingCount()), PROBING, 1, 2);
        assertEquals(new StateChange(PROBING, 0, DispatcherEvent.Kind.DST_UP), second);
    }

    @Test
    void probingIsKeptWhileWaitingForTheInactiveThreshold() {
        assertEquals(new StateChange(INACTIVE | PROBING, 1, null), StateChange.of(in(INACTIVE | PROBING, 0), 0, 1, 3));
    }

    @Test
    void markActiveResetsTheCount() {
        assertEquals(new StateChange(0, 0, null), StateChange.of(in(TRYING, 2), 0, 3, 1));
    }

    @Test
    void disabledReplacesTheOtherStates() {
        assertEquals(new StateChange(DISABLED, 0, DispatcherEvent.Kind.DST_DOWN),
                StateChange.of(in(TRYING | PROBING, 1), DISABLED | PROBING, 3, 1));
    }

    @Test
    void otherFlagBitsAreKept() {
        assertEquals(16 | INACTIVE, StateChange.of(in(16, 0), INACTIVE, 1, 1).flags());
    }

    @Test
    void setStateSetsWhatIsGivenWithoutAnEvent() {
        StateChange change = StateChange.set(in(TRYING, 2), INACTIVE | PROBING);
        assertEquals(INACTIVE | PROBING, change.flags());
        assertEquals(2, change.probingCount());
        assertNull(change.event());
    }
}
