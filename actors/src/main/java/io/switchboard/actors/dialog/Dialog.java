package io.switchboard.actors.dialog;

import io.switchboard.actors.dialog.DialogEvent.Acked;
import io.switchboard.actors.dialog.DialogEvent.Answered;
import io.switchboard.actors.dialog.DialogEvent.AttributesChanged;
import io.switchboard.actors.dialog.DialogEvent.Created;
import io.switchboard.actors.dialog.DialogEvent.Failed;
import io.switchboard.actors.dialog.DialogEvent.ProfilesChanged;
import io.switchboard.actors.dialog.DialogEvent.PropertiesChanged;
import io.switchboard.actors.dialog.DialogEvent.ProvisionalReceived;
import io.switchboard.actors.dialog.DialogEvent.SequentialRequest;
import io.switchboard.actors.dialog.DialogEvent.Terminated;
import io.switchboard.actors.dialog.DialogEvent.TimeoutChanged;
import io.switchboard.persistence.CborSerializable;
import io.switchboard.persistence.history.CallRecord;
import io.switchboard.transport.message.SipMethod;
import io.switchboard.transport.message.SipStatus;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One dialog as the entity holds it: an immutable value changed only by {@link #apply(DialogEvent)},
 * which consults {@link DialogTransitions} and leaves the dialog as it is for an event that is not
 * valid in its state. The fields are those of Kamailio's dialog table (seed manual 6.19–6.37);
 * every deadline is absolute, in epoch milliseconds, 0 when not running.
 *
 * @param state           Kamailio's state
 * @param invite          the initial INVITE, null in {@link #EMPTY}
 * @param properties      the per-dialog switches
 * @param initMillis      when the INVITE was tracked ({@code init_ts})
 * @param lifetimeSeconds the lifetime, {@code default-timeout} or the one set with {@code dlg_set_timeout}
 * @param answer          the 2xx, null until answered
 * @param callerCseq      the highest CSeq seen from the caller
 * @param calleeCseq      the highest CSeq seen from the callee, 0 before its first request
 * @param deadlines       the timers' deadlines
 * @param ending          how the dialog ended, null until it did
 * @param profiles        the profiles it is in (seed manual section 4, 7.1), each membership once
 * @param ringingMillis   when the first provisional reply above 100 came, 0 if none (call history)
 * @param attributes      the variables, flags and timeout route routes keep with it (none in events before them)
 */
public record Dialog(DialogState state, InitialInvite invite, DialogProperties properties, long initMillis,
        long lifetimeSeconds, Answer answer, long callerCseq, long calleeCseq, Deadlines deadlines, Ending ending,
        List<ProfileMembership> profiles, long ringingMillis, DialogAttributes attributes) implements CborSerializable {

    /** No dialog: what an entity holds before its first INVITE. Takes a {@link Created} like a deleted dialog. */
    public static final Dialog EMPTY = new Dialog(DialogState.DELETED, null, DialogProperties.NONE, 0, 0, null, 0, 0,
            new Deadlines(0, 0, 0, 0), null, List.of(), 0, DialogAttributes.NONE);

    public Dialog {
        profiles = profiles == null ? List.of() : List.copyOf(profiles);
        attributes = attributes == null ? DialogAttributes.NONE : attributes;
    }

    /** After {@code noack-timeout} the lifetime is set to this much more (seed manual 6.8: "10 more seconds"). */
    public static final long NOACK_GRACE_MILLIS = 10_000;

    /** The 2xx that confirmed the dialog: the callee's tag, remote target, Record-Route (top first) and time ({@code start_ts}). */
    public record Answer(String toTag, String calleeContact, List<String> recordRoutes, long atMillis)
            implements CborSerializable {
    }

    /** The absolute deadlines of {@code early-timeout}, {@code noack-timeout}, the lifetime and {@code end-timeout}. */
    public record Deadlines(long early, long noack, long lifetime, long end) implements CborSerializable {
    }

    /** The end: the cause (null for a failed dialog), a reason text, the failure code (0 if none) and the time ({@code end_ts}). */
    public record Ending(EndCause cause, String reason, int code, long atMillis) implements CborSerializable {
    }

    /** False only for {@link #EMPTY}. */
    public boolean tracked() {
        return invite != null;
    }

    /** The dialog after {@code event}, or this dialog when the event is not valid in its state. */
    public Dialog apply(DialogEvent event) {
        Optional<DialogState> next = DialogTransitions.next(state, event);
        if (next.isEmpty()) {
            return this;
        }
        DialogState to = next.get();
        return switch (event.kind()) {
            case CREATED -> created((Created) event);
            case PROVISIONAL_RECEIVED -> ringing(to, ((ProvisionalReceived) event).atMillis());
            case ANSWERED -> answered((Answered) event);
            case ACKED -> acked((Acked) event);
            case FAILED -> failed((Failed) event);
            case TERMINATED -> terminated((Terminated) event);
            case TIMEOUT_CHANGED -> timeoutChanged((TimeoutChanged) event);
            case SEQUENTIAL_REQUEST -> sequentialRequest((SequentialRequest) event);
            case PROFILES_CHANGED -> new Dialog(state, invite, properties, initMillis, lifetimeSeconds, answer,
                    callerCseq, calleeCseq, deadlines, ending, ((ProfilesChanged) event).profiles(), ringingMillis, attributes);
            case ATTRIBUTES_CHANGED -> attributesChanged((AttributesChanged) event);
            case PROPERTIES_CHANGED -> new Dialog(state, invite, ((PropertiesChanged) event).properties(), initMillis,
                    lifetimeSeconds, answer, callerCseq, calleeCseq, deadlines, ending, profiles, ringingMillis, attributes);
        };
    }

    private static Dialog created(Created e) {
        return new Dialog(DialogState.UNCONFIRMED, e.invite(), e.properties(), e.atMillis(), e.lifetimeSeconds(), null,
                e.invite().cseq(), 0, new Deadlines(e.earlyDeadline(), 0, 0, 0), null, List.of(), 0, DialogAttributes.NONE);
    }

    private Dialog ringing(DialogState to, long atMillis) {
        return new Dialog(to, invite, properties, initMillis, lifetimeSeconds, answer, callerCseq, calleeCseq,
                deadlines, ending, profiles, ringingMillis > 0 ? ringingMillis : atMillis, attributes);
    }

    private Dialog answered(Answered e) {
        return new Dialog(DialogState.CONFIRMED_NA, invite, properties, initMillis, lifetimeSeconds,
                new Answer(e.toTag(), e.calleeContact(), e.recordRoutes(), e.atMillis()), callerCseq, calleeCseq,
                new Deadlines(0, e.noackDeadline(), e.lifetimeDeadline(), 0), ending, profiles,
                ringingMillis > 0 ? ringingMillis : e.ringingMillis(), attributes);
    }

    private Dialog acked(Acked e) {
        return new Dialog(DialogState.CONFIRMED, invite, properties, initMillis, lifetimeSeconds, answer,
                Math.max(callerCseq, e.cseq()), calleeCseq, withLifetime(e.lifetimeDeadline()), ending, profiles,
                ringingMillis, attributes);
    }

    private Dialog failed(Failed e) {
        return new Dialog(DialogState.DELETED, invite, properties, initMillis, lifetimeSeconds, answer, callerCseq,
                calleeCseq, new Deadlines(0, 0, 0, e.endDeadline()), new Ending(null, "failed", e.code(), e.atMillis()), profiles,
                ringingMillis, attributes);
    }

    private Dialog terminated(Terminated e) {
        return new Dialog(DialogState.DELETED, invite, properties, initMillis, lifetimeSeconds, answer, callerCseq,
                calleeCseq, new Deadlines(0, 0, 0, e.endDeadline()), new Ending(e.cause(), e.reason(), 0, e.atMillis()), profiles,
                ringingMillis, attributes);
    }

    private Dialog timeoutChanged(TimeoutChanged e) {
        Deadlines next = e.lifetimeDeadline() > 0 ? withLifetime(e.lifetimeDeadline()) : deadlines;
        return new Dialog(state, invite, properties, initMillis, e.lifetimeSeconds(), answer, callerCseq, calleeCseq,
                next, ending, profiles, ringingMillis, attributes);
    }

    private Dialog sequentialRequest(SequentialRequest e) {
        boolean fromCaller = e.from() == Side.CALLER;
        return new Dialog(state, invite, properties, initMillis, lifetimeSeconds, answer,
                fromCaller ? Math.max(callerCseq, e.cseq()) : callerCseq,
                fromCaller ? calleeCseq : Math.max(calleeCseq, e.cseq()), withLifetime(e.lifetimeDeadline()), ending,
                profiles, ringingMillis, attributes);
    }

    private Dialog attributesChanged(AttributesChanged e) {
        return new Dialog(state, invite, properties.withTimeoutBye(e.timeoutBye()), initMillis, lifetimeSeconds,
                answer, callerCseq, calleeCseq, deadlines, ending, profiles, ringingMillis, e.attributes());
    }

    private Deadlines withLifetime(long lifetime) {
        return new Deadlines(deadlines.early(), deadlines.noack(), lifetime, deadlines.end());
    }

    /**
     * The deadline the state waits for, 0 if none: {@code early-timeout} in states 1 and 2; in state
     * 3 the lifetime or {@code noack-timeout} plus {@link #NOACK_GRACE_MILLIS}, whichever comes
     * first; the lifetime in state 4; {@code end-timeout} in state 5.
     */
    public long deadline() {
        return switch (state) {
            case UNCONFIRMED, EARLY -> deadlines.early();
            case CONFIRMED_NA -> Math.min(deadlines.lifetime(), deadlines.noack() + NOACK_GRACE_MILLIS);
            case CONFIRMED -> deadlines.lifetime();
            case DELETED -> deadlines.end();
        };
    }

    /**
     * True if {@code invite} is this dialog's INVITE come back through the proxy (seed manual 6.12
     * {@code detect_spirals}): the dialog is still being set up, and From tag and CSeq are its own.
     */
    public boolean spiralOf(InitialInvite invite) {
        return state.isSetup() && tracks(invite);
    }

    /** Whether {@code invite} is the INVITE this dialog was made for (the same From tag and CSeq), whatever its state. */
    public boolean tracks(InitialInvite invite) {
        return tracked() && this.invite.fromTag().equals(invite.fromTag()) && this.invite.cseq() == invite.cseq();
    }

    /**
     * The event of a request within this confirmed dialog from {@code from}, BYE aside: the ACK of
     * the 2xx in state 3 is {@link Acked}, anything else a {@link SequentialRequest}. As in
     * Kamailio, the lifetime starts again with that ACK and with each request in state 4, unless
     * {@code noreset} (seed manual section 2, 6.54).
     */
    public DialogEvent request(Side from, String method, long cseq, long nowMillis, boolean noreset) {
        boolean firstAck = SipMethod.ACK.name().equals(method) && state == DialogState.CONFIRMED_NA
                && from == Side.CALLER && cseq == invite.cseq();
        boolean reset = !noreset && (firstAck || state == DialogState.CONFIRMED);
        long lifetime = reset ? nowMillis + lifetimeSeconds * 1000 : deadlines.lifetime();
        return firstAck ? new Acked(cseq, nowMillis, lifetime) : new SequentialRequest(from, method, cseq, lifetime);
    }

    /** True if {@code cseq} is above the last CSeq seen from {@code from}. */
    public boolean raisesCseq(Side from, long cseq) {
        return cseq > (from == Side.CALLER ? callerCseq : calleeCseq);
    }

    /** The {@link Created} event that rebuilds this dialog as it was set up, for the first write when it is answered. */
    public Created asCreated() {
        return new Created(invite, properties, initMillis, lifetimeSeconds, deadlines.early());
    }

    /**
     * The route set of requests this proxy sends to the callee (RFC 3261 §12.1.2): the
     * Record-Route entries of the 2xx above those the INVITE already carried when this proxy
     * forwarded it, nearest hop first. Empty before the answer.
     */
    public List<String> calleeRouteSet() {
        if (answer == null) {
            return List.of();
        }
        List<String> hops = new ArrayList<>();
        for (String entry : answer.recordRoutes()) {
            if (invite.recordRoutes().contains(entry)) {
                break;
            }
            hops.add(entry);
        }
        Collections.reverse(hops);
        return List.copyOf(hops);
    }

    /** The profiles after {@code membership} was set ({@code member}) or unset: every membership once. */
    public ProfilesChanged withProfile(ProfileMembership membership, boolean member) {
        List<ProfileMembership> next = new ArrayList<>(profiles);
        next.remove(membership);
        if (member) {
            next.add(membership);
        }
        return new ProfilesChanged(next);
    }

    /** The attributes and {@code timeout_bye} after {@code change}, as the event that makes them so. */
    public AttributesChanged with(DialogChange change) {
        return new AttributesChanged(change.applyTo(attributes), change.timeoutBye(properties.timeoutBye()));
    }

    /** The {@link AttributesChanged} that rebuilds this dialog's attributes, empty when it has none to write. */
    public Optional<AttributesChanged> attributesToWrite() {
        return attributes.isEmpty() ? Optional.empty() : Optional.of(new AttributesChanged(attributes, properties.timeoutBye()));
    }

    /** {@code is_in_profile(profile[, value])}: a live dialog in {@code profile}, with {@code value} unless null. */
    public boolean inProfile(String profile, String value) {
        return state != DialogState.DELETED && profiles.stream().anyMatch(m -> m.matches(profile, value));
    }

    /** This dialog, its INVITE relayed to {@code destination} by a later branch. */
    public Dialog relayedTo(String destination) {
        return new Dialog(state, invite.relayedTo(destination), properties, initMillis, lifetimeSeconds, answer,
                callerCseq, calleeCseq, deadlines, ending, profiles, ringingMillis, attributes);
    }

    /**
     * This dialog after the proxy sent {@code target} a request as its peer (a REFER of
     * {@code dlg_refer}, seed manual 7.9): the peer's CSeq one higher, so the next generated request
     * to that side counts on from it. Held in memory, not journaled.
     */
    public Dialog sentTo(Side target) {
        return new Dialog(state, invite, properties, initMillis, lifetimeSeconds, answer,
                target == Side.CALLEE ? callerCseq + 1 : callerCseq, target == Side.CALLER ? calleeCseq + 1 : calleeCseq,
                deadlines, ending, profiles, ringingMillis, attributes);
    }

    /**
     * What the call history keeps of this ended dialog: final code 200 when it was answered, the
     * failure code when it failed, 0 without a final reply; ended by the {@link EndCause} in lower
     * case, {@code failed} for a failure and {@code cancelled} for 487 (the answer to CANCEL).
     */
    public CallRecord callRecord() {
        int code = answer != null ? SipStatus.OK : ending.code();
        String endedBy = ending.cause() != null ? ending.cause().name().toLowerCase(Locale.ROOT)
                : code == CallRecord.REQUEST_TERMINATED ? "cancelled" : "failed";
        return new CallRecord(invite.callId(), invite.fromUri(), invite.toUri(), invite.requestUri(),
                invite.destination(), initMillis, ringingMillis, answer == null ? 0 : answer.atMillis(),
                ending.atMillis(), code, endedBy, ending.reason());
    }

    /** The To tag of the 2xx, or null before it. */
    public String toTag() {
        return answer == null ? null : answer.toTag();
    }

    /** What {@code dlg.list} shows of this dialog; not for {@link #EMPTY}. */
    public DialogSnapshot snapshot() {
        DialogKey key = DialogKey.of(invite.callId());
        return new DialogSnapshot(key.hEntry(), key.hId(), invite.callId(), state, invite.fromUri(), invite.fromTag(),
                invite.toUri(), toTag(), invite.requestUri(), invite.callerContact(),
                answer == null ? null : answer.calleeContact(), callerCseq, calleeCseq, invite.callerRouteSet(),
                calleeRouteSet(), invite.callerSocket(), invite.calleeSocket(), initMillis,
                answer == null ? 0 : answer.atMillis(), ending == null ? 0 : ending.atMillis(), deadline(),
                lifetimeSeconds, properties, ending == null ? null : ending.cause(), ending == null ? 0 : ending.code(),
                profiles, attributes);
    }
}
