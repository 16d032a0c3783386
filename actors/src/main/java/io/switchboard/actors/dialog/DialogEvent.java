package io.switchboard.actors.dialog;

import io.switchboard.persistence.CborSerializable;
import java.util.List;

/**
 * What happens to a dialog. Every event carries the absolute times it sets (epoch milliseconds),
 * so applying it is pure and a replay after a restart ends up with the same deadlines.
 *
 * <p>Which are journaled ({@link DialogEntity} decides; Kamailio writes neither the early nor the
 * deleted state, seed manual section 3): a dialog is written first when it is confirmed, as
 * {@link Created} and {@link Answered} in one atomic write; then {@link Acked}, {@link Terminated},
 * {@link TimeoutChanged}, {@link ProfilesChanged}, {@link AttributesChanged} and the {@link SequentialRequest}s that raise a
 * CSeq; profiles, variables, flags and context set before the answer are written with it, between the two. {@link Created},
 * {@link ProvisionalReceived}, {@link Failed}, a {@link TimeoutChanged} before the answer and a
 * {@link Terminated} of an unanswered dialog only change the dialog in memory: a node that dies
 * during call setup loses the setup, as Kamailio does, and the caller's UA finishes it anyway.
 * Versions: see {@link CborSerializable}.
 */
public sealed interface DialogEvent extends CborSerializable {

    /** The kinds of event, for the transition table. */
    enum Kind { CREATED, PROVISIONAL_RECEIVED, ANSWERED, ACKED, FAILED, TERMINATED, TIMEOUT_CHANGED, SEQUENTIAL_REQUEST,
        PROFILES_CHANGED, ATTRIBUTES_CHANGED, PROPERTIES_CHANGED }

    Kind kind();

    /** The initial INVITE was tracked ({@code dlg_manage()}); {@code earlyDeadline} is its {@code early-timeout}. */
    record Created(InitialInvite invite, DialogProperties properties, long atMillis, long lifetimeSeconds,
            long earlyDeadline) implements DialogEvent {
        public Kind kind() {
            return Kind.CREATED;
        }
    }

    /** A provisional reply (101–199) to the INVITE. */
    record ProvisionalReceived(int code, long atMillis) implements DialogEvent {
        public Kind kind() {
            return Kind.PROVISIONAL_RECEIVED;
        }
    }

    /**
     * A 2xx answered the INVITE: the callee's To tag, Contact and the Record-Route of the 2xx as
     * received (top first); the lifetime and {@code noack-timeout} start. {@code ringingMillis} is
     * when the first provisional reply came, 0 if none (the call history; 0 in events written before it).
     */
    record Answered(String toTag, String calleeContact, List<String> recordRoutes, long atMillis,
            long lifetimeDeadline, long noackDeadline, long ringingMillis) implements DialogEvent {
        public Answered {
            recordRoutes = List.copyOf(recordRoutes);
        }

        /** Without a provisional reply before it. */
        public Answered(String toTag, String calleeContact, List<String> recordRoutes, long atMillis,
                long lifetimeDeadline, long noackDeadline) {
            this(toTag, calleeContact, recordRoutes, atMillis, lifetimeDeadline, noackDeadline, 0);
        }

        public Kind kind() {
            return Kind.ANSWERED;
        }
    }

    /** The ACK of the 2xx; {@code lifetimeDeadline} is reset by it unless timeout-noreset. */
    record Acked(long cseq, long atMillis, long lifetimeDeadline) implements DialogEvent {
        public Kind kind() {
            return Kind.ACKED;
        }
    }

    /** A final reply of 300 or more to the INVITE ({@code event_route[dialog:failed]}). */
    record Failed(int code, long atMillis, long endDeadline) implements DialogEvent {
        public Kind kind() {
            return Kind.FAILED;
        }
    }

    /** The dialog ended; it is kept until {@code endDeadline} ({@code end-timeout}) for late messages. */
    record Terminated(EndCause cause, String reason, long atMillis, long endDeadline) implements DialogEvent {
        public Kind kind() {
            return Kind.TERMINATED;
        }
    }

    /**
     * A new lifetime ({@code dlg_set_timeout}, seed manual 7.14); {@code lifetimeDeadline} is 0
     * before the dialog is answered, when the lifetime has not started yet.
     */
    record TimeoutChanged(long lifetimeSeconds, long lifetimeDeadline) implements DialogEvent {
        public Kind kind() {
            return Kind.TIMEOUT_CHANGED;
        }
    }

    /**
     * A request within the confirmed dialog other than BYE and the first ACK, from {@code from}
     * with CSeq {@code cseq}; {@code lifetimeDeadline} is the reset lifetime, or the old one under
     * timeout-noreset (seed manual section 2, 6.54).
     */
    record SequentialRequest(Side from, String method, long cseq, long lifetimeDeadline) implements DialogEvent {
        public Kind kind() {
            return Kind.SEQUENTIAL_REQUEST;
        }
    }

    /**
     * The dialog's switches now ({@code dlg_set_property}, {@code dlg_reset_property} on a request
     * within the dialog, seed manual 7.16, 7.21): the whole set, so applying it again changes nothing.
     */
    record PropertiesChanged(DialogProperties properties) implements DialogEvent {
        public Kind kind() {
            return Kind.PROPERTIES_CHANGED;
        }
    }

    /**
     * The profiles the dialog is in now ({@code set_dlg_profile}, {@code unset_dlg_profile}, seed
     * manual 7.1, 7.2): the whole set, so applying it again changes nothing.
     */
    record ProfilesChanged(List<ProfileMembership> profiles) implements DialogEvent {
        public ProfilesChanged {
            profiles = List.copyOf(profiles);
        }

        public Kind kind() {
            return Kind.PROFILES_CHANGED;
        }
    }

    /**
     * The variables, flags and timeout route the dialog keeps now, and its {@code timeout_bye}
     * ({@code $dlg_var}, {@code dlg_setflag}, {@code dlg_resetflag}, {@code $dlg_ctx}; seed manual
     * 7.5–7.7, 10.5, 10.6): the whole set, so applying it again changes nothing.
     */
    record AttributesChanged(DialogAttributes attributes, boolean timeoutBye) implements DialogEvent {
        public Kind kind() {
            return Kind.ATTRIBUTES_CHANGED;
        }
    }
}
