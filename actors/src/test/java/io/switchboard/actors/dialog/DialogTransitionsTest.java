package io.switchboard.actors.dialog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.switchboard.actors.dialog.DialogEvent.Kind;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Every state against every kind of event, and {@link Dialog#apply} following the table. */
class DialogTransitionsTest {

    /**
     * Rows: states 1–5. Columns: created, provisional, answered, acked, failed, terminated,
     * timeout changed, sequential request, profiles changed, attributes changed, properties changed.
     * A digit is the next state, "-" an ignored event.
     */
    private static final String[] TABLE = {
        /* 1 */ "- 2 3 - 5 5 1 - 1 1 1",
        /* 2 */ "- 2 3 - 5 5 2 - 2 2 2",
        /* 3 */ "- - - 4 - 5 3 3 3 3 3",
        /* 4 */ "- - - - - 5 4 4 4 4 4",
        /* 5 */ "1 - - - - - - - - - -",
    };

    private static final long T = 1_000_000;

    /** One event of each kind. */
    private static final Map<Kind, DialogEvent> SAMPLES = new EnumMap<>(Map.<Kind, DialogEvent>ofEntries(
            Map.entry(Kind.CREATED, new DialogEvent.Created(SampleCall.invite("c"), DialogProperties.NONE, T, 60, T + 300_000)),
            Map.entry(Kind.PROVISIONAL_RECEIVED, new DialogEvent.ProvisionalReceived(180, T)),
            Map.entry(Kind.ANSWERED, new DialogEvent.Answered("tt", "sip:b@h", List.of(), T, T + 60_000, T + 6_000)),
            Map.entry(Kind.ACKED, new DialogEvent.Acked(SampleCall.INVITE_CSEQ, T, T + 60_000)),
            Map.entry(Kind.FAILED, new DialogEvent.Failed(486, T, T + 300_000)),
            Map.entry(Kind.TERMINATED, new DialogEvent.Terminated(EndCause.CALLER_BYE, "BYE", T, T + 300_000)),
            Map.entry(Kind.TIMEOUT_CHANGED, new DialogEvent.TimeoutChanged(90, T + 90_000)),
            Map.entry(Kind.SEQUENTIAL_REQUEST, new DialogEvent.SequentialRequest(Side.CALLEE, "INFO", 7, T + 60_000)),
            Map.entry(Kind.PROFILES_CHANGED, new DialogEvent.ProfilesChanged(List.of(new ProfileMembership("p", null)))),
            Map.entry(Kind.ATTRIBUTES_CHANGED, new DialogEvent.AttributesChanged(DialogAttributes.NONE, true)),
            Map.entry(Kind.PROPERTIES_CHANGED, new DialogEvent.PropertiesChanged(DialogProperties.NONE))));

    static Stream<Arguments> everyStateAndKind() {
        List<Arguments> cases = new ArrayList<>();
        for (DialogState state : DialogState.values()) {
            String[] row = TABLE[state.code() - 1].split(" ");
            for (Kind kind : Kind.values()) {
                String cell = row[kind.ordinal()];
                cases.add(Arguments.of(state, kind,
                        cell.equals("-") ? Optional.empty() : Optional.of(DialogState.of(Integer.parseInt(cell)))));
            }
        }
        return cases.stream();
    }

    @Test
    void theTableCoversEveryStateAndKind() {
        assertEquals(DialogState.values().length * Kind.values().length, everyStateAndKind().count());
        assertEquals(Kind.values().length, SAMPLES.size());
    }

    @ParameterizedTest(name = "{0} + {1} -> {2}")
    @MethodSource("everyStateAndKind")
    void nextState(DialogState from, Kind kind, Optional<DialogState> expected) {
        assertEquals(expected, DialogTransitions.next(from, kind));
        assertEquals(expected, DialogTransitions.next(from, SAMPLES.get(kind)));
    }

    @ParameterizedTest(name = "{0} + {1} -> {2}")
    @MethodSource("everyStateAndKind")
    void applyFollowsTheTableAndIgnoresTheRest(DialogState from, Kind kind, Optional<DialogState> expected) {
        Dialog dialog = dialogIn(from);
        Dialog after = dialog.apply(SAMPLES.get(kind));
        if (expected.isEmpty()) {
            assertSame(dialog, after);
        } else {
            assertEquals(expected.get(), after.state());
        }
    }

    /** A dialog brought to {@code state} through valid events. */
    static Dialog dialogIn(DialogState state) {
        Dialog dialog = Dialog.EMPTY.apply(SAMPLES.get(Kind.CREATED));
        switch (state) {
            case UNCONFIRMED -> {
            }
            case EARLY -> dialog = dialog.apply(SAMPLES.get(Kind.PROVISIONAL_RECEIVED));
            case CONFIRMED_NA -> dialog = dialog.apply(SAMPLES.get(Kind.ANSWERED));
            case CONFIRMED -> dialog = dialog.apply(SAMPLES.get(Kind.ANSWERED)).apply(SAMPLES.get(Kind.ACKED));
            case DELETED -> dialog = dialog.apply(SAMPLES.get(Kind.FAILED));
        }
        assertEquals(state, dialog.state());
        return dialog;
    }
}
