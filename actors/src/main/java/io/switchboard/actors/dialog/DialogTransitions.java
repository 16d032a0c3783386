package io.switchboard.actors.dialog;

import static io.switchboard.actors.dialog.DialogState.CONFIRMED;
import static io.switchboard.actors.dialog.DialogState.CONFIRMED_NA;
import static io.switchboard.actors.dialog.DialogState.DELETED;
import static io.switchboard.actors.dialog.DialogState.EARLY;
import static io.switchboard.actors.dialog.DialogState.UNCONFIRMED;

import java.util.Optional;

/**
 * The dialog state machine (seed manual section 3 "Dialog states", 6.7–6.9, 11): the state an
 * event leads to, or empty when the event is not valid in the state and must be ignored.
 *
 * <pre>
 *   deleted (or none) --created--> 1 unconfirmed
 *   1 --1xx--> 2 early --1xx--> 2
 *   1, 2 --2xx--> 3 confirmed_na --ACK--> 4 confirmed
 *   1, 2 --failure (&gt;= 300)--> 5 deleted
 *   1, 2, 3, 4 --terminated (BYE, timeout, management)--> 5
 *   1, 2, 3, 4 --timeout, profiles, attributes, properties changed--> same state
 *   3, 4 --sequential request--> same state
 * </pre>
 * A deleted dialog takes a new {@code created}: the Call-ID used again for a new INVITE (an
 * INVITE repeated with credentials after a 407, for example).
 */
public final class DialogTransitions {

    private DialogTransitions() {
    }

    /** The state after {@code event} in {@code from}, or empty if the event is not valid there. */
    public static Optional<DialogState> next(DialogState from, DialogEvent event) {
        return next(from, event.kind());
    }

    /** The state after an event of {@code kind} in {@code from}, or empty if such an event is not valid there. */
    public static Optional<DialogState> next(DialogState from, DialogEvent.Kind kind) {
        DialogState to = switch (kind) {
            case CREATED -> from == DELETED ? UNCONFIRMED : null;
            case PROVISIONAL_RECEIVED -> from.isSetup() ? EARLY : null;
            case ANSWERED -> from.isSetup() ? CONFIRMED_NA : null;
            case ACKED -> from == CONFIRMED_NA ? CONFIRMED : null;
            case FAILED -> from.isSetup() ? DELETED : null;
            case TERMINATED -> from != DELETED ? DELETED : null;
            case TIMEOUT_CHANGED, PROFILES_CHANGED, ATTRIBUTES_CHANGED, PROPERTIES_CHANGED -> from != DELETED ? from : null;
            case SEQUENTIAL_REQUEST -> from.isConfirmed() ? from : null;
        };
        return Optional.ofNullable(to);
    }
}
