package io.switchboard.actors.dialog;

import io.switchboard.persistence.CborSerializable;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorRef;

/**
 * What a {@link DialogEntity} understands (the messages {@link Dialogs} sends it, sharded by
 * Call-ID), and its replies {@link Found} and {@link Known}.
 */
public interface DialogCommand extends CborSerializable {

    /**
     * Track an initial INVITE ({@code dlg_manage()}) with what the route set on its dialog before
     * relaying it; {@code replyTo} may be null. The same INVITE tracked again (a copy sent because
     * the first outcome was not heard) changes nothing.
     */
    record Track(InitialInvite invite, DialogProperties properties, RouteSetup setup, ActorRef<TrackOutcome> replyTo)
            implements DialogCommand {

        /** With nothing set by the route. */
        public Track(InitialInvite invite, DialogProperties properties, ActorRef<TrackOutcome> replyTo) {
            this(invite, properties, RouteSetup.NONE, replyTo);
        }
    }

    /**
     * What a route set on a dialog before its INVITE was relayed ({@code dlg_set_timeout},
     * {@code set_dlg_profile}, {@code $dlg_var}, {@code dlg_setflag}, {@code $dlg_ctx}), carried
     * with the {@link Track} so that it arrives with it or not at all; {@code timeoutSeconds} 0
     * keeps {@code default-timeout}.
     */
    record RouteSetup(long timeoutSeconds, List<ProfileMembership> profiles, List<DialogChange> changes)
            implements CborSerializable {

        /** Nothing set. */
        public static final RouteSetup NONE = new RouteSetup(0, List.of(), List.of());

        public RouteSetup {
            profiles = List.copyOf(profiles);
            changes = List.copyOf(changes);
        }
    }

    /** A provisional reply to the INVITE; 100 Trying is hop-by-hop and ignored. */
    record Provisional(int code) implements DialogCommand {
    }

    /** A later branch of the INVITE (failover) was relayed to {@code destination}. */
    record Relayed(String destination) implements DialogCommand {
    }

    /**
     * The 2xx to the INVITE: To tag, Contact URI and Record-Route values (top first) as received;
     * {@code receivedBy}, when not null, hears {@link Done} once the answer is in the journal or
     * the dialog is past it.
     */
    record Answer(String toTag, String calleeContact, List<String> recordRoutes, ActorRef<Done> receivedBy)
            implements DialogCommand {

        /** Told, not asked. */
        public Answer(String toTag, String calleeContact, List<String> recordRoutes) {
            this(toTag, calleeContact, recordRoutes, null);
        }
    }

    /**
     * The final reply of 300 or more that this proxy sent upstream for the INVITE; {@code receivedBy},
     * when not null, hears {@link Done} once the dialog has taken it or is past it.
     */
    record Failure(int code, ActorRef<Done> receivedBy) implements DialogCommand {

        /** Told, not asked. */
        public Failure(int code) {
            this(code, null);
        }
    }

    /**
     * A request with a To tag for this Call-ID (ACK and BYE included), with the DID found in the
     * Route entry of this proxy ({@code rr-param}), null when none; {@code receivedBy}, when not
     * null, hears {@link Done} once the dialog has taken the request into account or cannot any more
     * ({@link Dialogs#inDialogRequest}).
     */
    record InDialogRequest(String method, long cseq, String fromTag, String toTag, String did,
            ActorRef<Done> receivedBy) implements DialogCommand {

        /** Told, not asked: nobody waits to hear that the dialog has it. */
        public InDialogRequest(String method, long cseq, String fromTag, String toTag, String did) {
            this(method, cseq, fromTag, toTag, did, null);
        }
    }

    /**
     * End a confirmed dialog ({@code dlg.terminate_dlg}, {@code dlg.end_dlg}, {@code dlg_bye}), sending
     * BYE to the parties in {@code byeTo} first; replies true when the dialog was confirmed. With
     * no party to send BYE to it is {@code dlg.set_state} to 5: the dialog ends silently
     * ({@link EndCause#STATE_SET}).
     */
    record Terminate(Set<Side> byeTo, String reason, List<String> extraHeaders, ActorRef<Boolean> replyTo)
            implements DialogCommand {

        /** Without extra header lines of its own ({@code dlg.end_dlg}'s {@code extra_hdrs}, 9.9). */
        public Terminate(Set<Side> byeTo, String reason, ActorRef<Boolean> replyTo) {
            this(byeTo, reason, List.of(), replyTo);
        }
    }

    /**
     * {@code dlg_refer(side, address)} (7.9): a REFER to {@code target} with
     * {@code Refer-To: referTo}; once it is answered 2xx, a BYE to {@code target} ends the dialog.
     * Replies the REFER's status ({@code replyTo} may be null), 481 without a confirmed dialog.
     */
    record Refer(Side target, String referTo, ActorRef<Integer> replyTo) implements DialogCommand {
    }

    /** {@code dlg_set_timeout}: a new lifetime from now; replies false when the dialog is gone ({@code replyTo} may be null). */
    record SetTimeout(long seconds, ActorRef<Boolean> replyTo) implements DialogCommand {
    }

    /**
     * {@code set_dlg_profile} ({@code member}) or {@code unset_dlg_profile} (seed manual 7.1, 7.2);
     * replies false when the dialog is gone ({@code replyTo} may be null).
     */
    record SetProfile(ProfileMembership membership, boolean member, ActorRef<Boolean> replyTo)
            implements DialogCommand {
    }

    /**
     * {@code $dlg_var(name) = value}, {@code dlg_setflag} / {@code dlg_resetflag} or
     * {@code $dlg_ctx(key) = value} (seed manual 7.5–7.7, 10.5, 10.6); replies false when the
     * dialog is gone ({@code replyTo} may be null).
     */
    record Change(DialogChange change, ActorRef<Boolean> replyTo) implements DialogCommand {
    }

    /**
     * {@code dlg_set_property(name)} ({@code on}) or {@code dlg_reset_property(name)} on a
     * request within the dialog (seed manual 7.16, 7.21); an unknown {@code name} is an
     * {@link IllegalArgumentException} naming it, thrown by the sender.
     */
    record SetProperty(String name, boolean on) implements DialogCommand {
        public SetProperty {
            DialogProperties.NONE.with(name, on);
        }
    }

    /** {@code is_in_profile(profile[, value])} (7.3): a null {@code value} matches any. */
    record InProfile(String profile, String value, ActorRef<Boolean> replyTo) implements DialogCommand {
    }

    /** The dialog as {@code dlg.list} shows it. */
    record Get(ActorRef<Found> replyTo) implements DialogCommand {
    }

    /**
     * {@code is_known_dlg()}: the state of the dialog a message with these tags and DID belongs to.
     * A null {@code toTag} matches the caller's From tag alone.
     */
    record IsKnown(String fromTag, String toTag, String did, ActorRef<Known> replyTo)
            implements DialogCommand {
    }

    /** The stop message of passivation, sent by the shard. */
    enum Stop implements DialogCommand {
        INSTANCE
    }

    /** The reply to {@link DialogCommand.Get}: the dialog, empty when the entity has none. */
    record Found(Optional<DialogSnapshot> dialog) implements CborSerializable {
    }

    /**
     * The reply to {@link DialogCommand.IsKnown}: the state of the dialog the message belongs to (5 for one
     * that ended within {@code end-timeout}), empty when it belongs to none.
     */
    record Known(Optional<DialogState> state) implements CborSerializable {
    }
}
