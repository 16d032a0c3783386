package io.switchboard.engine.dialog;

import io.switchboard.actors.dialog.DialogEntity;
import io.switchboard.actors.dialog.DialogAttributes;
import io.switchboard.actors.dialog.DialogCommand;
import io.switchboard.actors.dialog.DialogChange;
import io.switchboard.actors.dialog.DialogProperties;
import io.switchboard.actors.dialog.DialogRequests;
import io.switchboard.actors.dialog.DialogSnapshot;
import io.switchboard.actors.dialog.Dialogs;
import io.switchboard.actors.dialog.InitialInvite;
import io.switchboard.actors.dialog.ProfileMembership;
import io.switchboard.actors.dialog.Side;
import io.switchboard.transport.header.ListValue;
import io.switchboard.transport.header.NameAddress;
import io.switchboard.transport.message.HeaderField;
import io.switchboard.transport.message.HeaderName;
import io.switchboard.transport.message.SipMessage;
import io.switchboard.transport.message.SipRequest;
import io.switchboard.transport.message.SipResponse;
import io.switchboard.transport.net.InboundMessage;
import io.switchboard.transport.net.ListenAddress;
import io.switchboard.transport.net.Transport;
import io.switchboard.transport.parse.SipParseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dialog module's side of one request (seed manual 001, sections 2, 7.1–7.10, 7.12–7.16, 7.18, 7.21, 10):
 * the route's dialog functions, and what the proxy tells the dialog as the request goes on. An
 * initial INVITE the route manages is tracked when it is relayed — the Record-Route carries the
 * cookie ({@link #recordRouteParameter()}) and what the route set on the dialog goes with it,
 * then its replies move the dialog; a request within a dialog is handed to it, with the cookie of
 * this proxy's Route entry, once. Nothing told waits: what makes or ends the call is sent again
 * until its dialog has it ({@link Dialogs}); only the route's questions are asks, with
 * {@code dialog.ask-timeout}. Runs on the call's lane.
 */
public final class RequestDialog {

    private static final Logger log = LoggerFactory.getLogger(RequestDialog.class);

    /** How long {@link #refer} waits: the REFER's transaction (Timer F, 32 s) and a margin. */
    private static final Duration REFER_WAIT = DialogEntity.BYE_ANSWER_WAIT.plusSeconds(3);

    private final DialogModule module;
    private final Dialogs dialogs;
    private final InboundMessage in;
    private final SipRequest received;
    private final String callId;
    private final boolean initialInvite;
    private boolean managed;
    private boolean handedOver;
    private boolean tracked;
    private Duration timeout;
    private DialogProperties properties = DialogProperties.NONE;
    private final List<ProfileMembership> profiles = new ArrayList<>();
    private final List<DialogChange> changes = new ArrayList<>();
    private CompletionStage<Optional<DialogSnapshot>> dialog;

    RequestDialog(DialogModule module, InboundMessage in) {
        this.module = module;
        this.dialogs = module.dialogs();
        this.in = in;
        this.received = (SipRequest) in.message();
        this.callId = received.header(HeaderName.CALL_ID);
        this.initialInvite = received.isInvite() && toTag() == null;
    }

    /** {@code dlg_manage()}: track an initial INVITE when relayed; hand a sequential request to its dialog. */
    public void manage() {
        if (initialInvite) {
            managed = true;
        } else if (toTag() != null) {
            handOver(module.cookie().find(received, module.local()));
        }
    }

    /** {@code loose_route()} ran: a sequential request with the cookie in this proxy's Route entry goes to its dialog. */
    public void looseRouted() {
        String did = toTag() == null ? null : module.cookie().find(received, module.local());
        if (did != null) {
            handOver(did);
        }
    }

    private void handOver(String did) {
        if (handedOver || !module.cookie().canMatch(did)) {
            return;
        }
        handedOver = true;
        try {
            dialogs.inDialogRequest(callId, received.method().name(), received.cseq().number(), fromTag(), toTag(), did);
        } catch (SipParseException e) {
            log.debug("{} of {} not handed to its dialog: {}", received.method(), callId, e.getMessage());
        }
    }

    /**
     * {@code $DLG_status}, and {@code is_known_dlg()} when present: the state of the dialog this
     * request belongs to. Completes within {@code dialog.ask-timeout}, empty past it.
     */
    public CompletionStage<OptionalInt> status() {
        return dialogs.isKnown(callId, fromTag(), toTag(), module.cookie().find(received, module.local()),
                        module.askTimeout())
                .thenApply(state -> state.map(known -> OptionalInt.of(known.code())).orElse(OptionalInt.empty()))
                .exceptionally(failure -> OptionalInt.empty());
    }

    /**
     * {@code $DLG_lifetime}: seconds from the answer to now, or to the end. Completes within
     * {@code dialog.ask-timeout}, empty past it.
     */
    public CompletionStage<OptionalLong> lifetime() {
        return dialogs.get(callId, module.askTimeout()).thenApply(found -> {
            if (found.isEmpty() || found.get().startMillis() == 0) {
                return OptionalLong.empty();
            }
            DialogSnapshot dialog = found.get();
            long until = dialog.endMillis() > 0 ? dialog.endMillis() : System.currentTimeMillis();
            return OptionalLong.of(Math.max(0, until - dialog.startMillis()) / 1000);
        }).exceptionally(failure -> OptionalLong.empty());
    }

    /** {@code $DLG_count}. */
    public long count() {
        return dialogs.directory().size();
    }

    /**
     * {@code dlg_set_timeout(seconds)}: for a managed INVITE, applied once it is tracked; for a
     * sequential request, told to its dialog. False for an initial request not managed.
     */
    public boolean setTimeout(int seconds) {
        if (seconds <= 0 || initialInvite && !managed || !initialInvite && toTag() == null) {
            return false;
        }
        timeout = Duration.ofSeconds(seconds);
        if (tracked || !initialInvite) {
            dialogs.setTimeout(callId, timeout);
        }
        return true;
    }

    /**
     * {@code dlg_set_timeout(seconds, h_entry, h_id)}: told to the dialog of that identifier if this
     * node holds it, as {@code dlg.end_dlg} finds it. False when it does not, or for a lifetime that
     * is not positive.
     */
    public boolean setTimeout(int seconds, int hEntry, long hId) {
        if (seconds <= 0) {
            return false;
        }
        Optional<DialogSnapshot> found = dialogs.directory().find(hEntry, hId);
        found.ifPresent(dialog -> dialogs.setTimeout(dialog.callId(), Duration.ofSeconds(seconds)));
        return found.isPresent();
    }

    /**
     * {@code set_dlg_profile} ({@code member}) or {@code unset_dlg_profile}: for an initial INVITE,
     * kept until it is tracked (and told then); for a sequential request, told to its dialog. False
     * for a profile with values and no value, or a request without a dialog.
     */
    public boolean setProfile(String profile, String value, boolean member) {
        Optional<ProfileMembership> membership = module.profiles().membership(profile, value);
        if (membership.isEmpty()) {
            log.error("{} {}: profile {} has values, and no value was given", member ? "set_dlg_profile"
                    : "unset_dlg_profile", callId, profile);
            return false;
        }
        if (!initialInvite && toTag() == null) {
            return false;
        }
        if (!initialInvite || tracked) {
            dialogs.setProfile(callId, membership.get(), member);
        }
        if (initialInvite) {
            profiles.remove(membership.get());
            if (member) {
                profiles.add(membership.get());
            }
        }
        return true;
    }

    /**
     * {@code is_in_profile}: an initial INVITE answers from the profiles its route set; a sequential
     * request asks its dialog, within {@code dialog.ask-timeout} (false past it).
     */
    public CompletionStage<Boolean> inProfile(String profile, String value) {
        String match = module.profiles().matchValue(profile, value);
        if (initialInvite || toTag() == null) {
            return CompletableFuture.completedFuture(profiles.stream().anyMatch(m -> m.matches(profile, match)));
        }
        return dialogs.inProfile(callId, profile, match, module.askTimeout()).exceptionally(failure -> false);
    }

    /** {@code get_profile_size}: cluster-wide, read locally. */
    public long profileSize(String profile, String value) {
        return dialogs.profiles().size(profile, module.profiles().matchValue(profile, value));
    }

    /** {@code dlg_set_timeout_by_profile}: told to every node; false for a lifetime that is not positive. */
    public boolean setTimeoutByProfile(String profile, String value, int seconds) {
        String match = module.profiles().matchValue(profile, value);
        if (seconds <= 0) {
            return false;
        }
        dialogs.profiles().setTimeout(profile, match, Duration.ofSeconds(seconds), module.askTimeout())
                .whenComplete((done, failure) -> {
                    if (failure != null) {
                        log.warn("dlg_set_timeout_by_profile {}: {}", profile, failure.toString());
                    }
                });
        return true;
    }

    /**
     * {@code dlg_set_property(name)} ({@code on}) or {@code dlg_reset_property(name)} (seed manual
     * 7.16, 7.21): for an initial INVITE not tracked yet, the dialog starts with it; for a request
     * within a dialog (with a To tag), its dialog changes and writes it. False for any other
     * request. A name other than {@code ka-src}, {@code ka-dst} and {@code timeout-noreset} is an
     * {@link IllegalArgumentException} naming it.
     */
    public boolean setProperty(String name, boolean on) {
        DialogProperties next = properties.with(name, on);
        if (initialInvite && !tracked) {
            properties = next;
            return true;
        }
        if (toTag() == null) {
            return false;
        }
        dialogs.setProperty(callId, name, on);
        return true;
    }

    /**
     * {@code dlg_bye(side)} (seed manual 7.8): BYE to {@code "caller"}, {@code "callee"} or
     * {@code "all"} of this request's dialog, which ends when they are answered. Completes within
     * {@code dialog.ask-timeout} with true when the dialog is confirmed (false past it, or for a
     * request without a To tag). Any other side is an {@link IllegalArgumentException}.
     */
    public CompletionStage<Boolean> bye(String side) {
        Set<Side> targets = "all".equals(side) ? EnumSet.allOf(Side.class) : EnumSet.of(side(side, "dlg_bye"));
        if (toTag() == null) {
            return CompletableFuture.completedFuture(false);
        }
        return dialogs.terminate(callId, targets, "dlg_bye", module.askTimeout()).exceptionally(failure -> false);
    }

    /**
     * {@code dlg_refer(side, address)} (7.9): a REFER to {@code "caller"} or {@code "callee"} of
     * this request's dialog with {@code Refer-To: address}; accepted (2xx), a BYE to that side
     * follows and ends the dialog. Completes with true when the REFER was answered 2xx, false
     * otherwise — no confirmed dialog, a refusal, or no answer within the REFER's transaction.
     */
    public CompletionStage<Boolean> refer(String side, String address) {
        Side target = side(side, "dlg_refer");
        if (toTag() == null) {
            return CompletableFuture.completedFuture(false);
        }
        return dialogs.refer(callId, target, DialogRequests.referTo(address), REFER_WAIT)
                .thenApply(code -> code >= 200 && code < 300)
                .exceptionally(failure -> false);
    }

    /**
     * {@code dlg_bridge(from, to, op)} (7.11): a {@link DialogBridge} of {@code from} to {@code to}
     * through the outbound proxy {@code op} (none when null or empty) with the on-hold offer.
     * Completes with true when {@code from} answered and accepted the REFER, false otherwise — and
     * for a {@code from}, {@code to} or {@code op} that is no SIP URI, which is logged.
     */
    public CompletionStage<Boolean> bridge(String from, String to, String op) {
        try {
            return module.bridge().bridge(from, to, op == null || op.isEmpty() ? null : op, null)
                    .thenApply(DialogBridge.Outcome::bridged);
        } catch (IllegalArgumentException e) {
            log.warn("dlg_bridge of {}: {}", callId, e.getMessage());
            return CompletableFuture.completedFuture(false);
        }
    }

    private static Side side(String side, String function) {
        return switch (side) {
            case "caller" -> Side.CALLER;
            case "callee" -> Side.CALLEE;
            default -> throw new IllegalArgumentException(function + ": side must be caller or callee"
                    + (function.equals("dlg_bye") ? " or all" : "") + ", not " + side);
        };
    }

    /**
     * {@code $dlg_var(name) = value}, {@code dlg_setflag} / {@code dlg_resetflag}, {@code $dlg_ctx(key) = value}
     * (7.5–7.7, 10.5, 10.6): for an initial INVITE, kept until it is tracked (and told then); for a
     * sequential request, told to its dialog, which writes it. False for a request without a dialog
     * that is no initial INVITE.
     */
    public boolean change(DialogChange change) {
        if (!initialInvite && toTag() == null) {
            return false;
        }
        changes.add(change);
        if (!initialInvite || tracked) {
            dialogs.change(callId, change);
        }
        return true;
    }

    /**
     * The variables, flags and timeout route of this request's dialog with this request's changes
     * applied: an initial INVITE's are its route's own; a sequential request asks its dialog once,
     * within {@code dialog.ask-timeout} (as none past it). Empty for a request without a dialog.
     */
    public CompletionStage<Optional<DialogAttributes>> attributes() {
        CompletionStage<Optional<DialogAttributes>> kept = initialInvite
                ? CompletableFuture.completedFuture(Optional.of(DialogAttributes.NONE))
                : view().thenApply(found -> found.map(DialogSnapshot::attributes));
        return kept.thenApply(found -> found.map(attributes -> {
            for (DialogChange change : changes) {
                attributes = change.applyTo(attributes);
            }
            return attributes;
        }));
    }

    /** {@code $dlg_ctx(timeout_bye)} of this request's dialog with this request's changes applied; false without one. */
    public CompletionStage<Boolean> timeoutBye() {
        CompletionStage<Boolean> kept = initialInvite ? CompletableFuture.completedFuture(properties.timeoutBye())
                : view().thenApply(found -> found.map(d -> d.properties().timeoutBye()).orElse(false));
        return kept.thenApply(on -> {
            for (DialogChange change : changes) {
                on = change.timeoutBye(on);
            }
            return on;
        });
    }

    /**
     * {@code dlg_set_ruri()} (7.18): the remote target of the other party of this sequential request's
     * dialog — the callee's Contact for a request from the caller, the caller's for one from the
     * callee. Empty without a confirmed dialog or for an initial request.
     */
    public CompletionStage<Optional<String>> remoteTarget() {
        String fromTag = fromTag();
        return view().thenApply(found -> found.filter(d -> d.toTag() != null)
                .map(d -> d.fromTag().equals(fromTag) ? d.calleeContact() : d.callerContact()));
    }

    /**
     * {@code dlg_get(callid, ftag, ttag)} (7.12): the dialog of {@code callId} whose tags are these,
     * either way round (a request from the callee has them swapped), in whatever state it is, within
     * {@code dialog.ask-timeout}; empty when there is none.
     */
    public CompletionStage<Optional<DialogSnapshot>> find(String callId, String fromTag, String toTag) {
        return dialogs.get(callId, module.askTimeout())
                .thenApply(found -> found.filter(d -> tags(d, fromTag, toTag) || tags(d, toTag, fromTag)))
                .exceptionally(failure -> Optional.empty());
    }

    private static boolean tags(DialogSnapshot dialog, String fromTag, String toTag) {
        return dialog.fromTag().equals(fromTag) && toTag != null && toTag.equals(dialog.toTag());
    }

    /** The dialog of this sequential request as it was when first asked for; empty for an initial one. */
    private CompletionStage<Optional<DialogSnapshot>> view() {
        if (dialog == null) {
            dialog = initialInvite || toTag() == null ? CompletableFuture.completedFuture(Optional.empty())
                    : dialogs.get(callId, module.askTimeout()).exceptionally(failure -> Optional.empty());
        }
        return dialog;
    }

    /** True when the proxy has to track this INVITE as it relays it. */
    public boolean tracks() {
        return managed;
    }

    /** The cookie parameter for this proxy's Record-Route of a tracked INVITE, null for none. */
    public String recordRouteParameter() {
        return managed ? module.cookie().recordRouteParameter(callId) : null;
    }

    /**
     * A branch of the managed INVITE left: {@code routed} as the route passed it on, {@code branch}
     * as sent over {@code transport} to {@code destination} (null: by the Request-URI). The first
     * one creates the dialog; a later one (failover) tells it the destination.
     */
    public void relayed(SipRequest routed, SipRequest branch, Transport transport, String destination) {
        if (!managed) {
            return;
        }
        if (tracked) {
            dialogs.relayed(callId, destination);
            return;
        }
        try {
            List<String> recordRoutes = recordRoutes(branch);
            InitialInvite invite = new InitialInvite(callId, received.from().uri().toString(), fromTag(),
                    received.to().uri().toString(), received.requestUriText(), contact(received),
                    received.cseq().number(), recordRoutes, recordRoutes.size() - recordRoutes(routed).size(),
                    ListenAddress.of(in.transport(), in.local()).toString(),
                    module.local().listener(transport).toString(), destination);
            dialogs.track(invite, properties,
                    new DialogCommand.RouteSetup(timeout == null ? 0 : timeout.toSeconds(), profiles, changes));
            tracked = true;
        } catch (SipParseException | RuntimeException e) {
            log.debug("INVITE of {} not tracked: {}", callId, e.getMessage());
        }
    }

    /** A provisional reply or a 2xx to the tracked INVITE, before it goes upstream. */
    public void replied(SipResponse response) {
        if (!tracked) {
            return;
        }
        int code = response.statusCode();
        try {
            if (response.isProvisional()) {
                dialogs.provisional(callId, code);
            } else if (response.isSuccess() && response.to().tag() != null) {
                dialogs.answered(callId, response.to().tag(), contact(response), recordRoutes(response));
            }
        } catch (SipParseException e) {
            log.debug("{} reply of {} not given to its dialog: {}", code, callId, e.getMessage());
        }
    }

    /** The final reply of 300 or more that goes upstream for the tracked INVITE. */
    public void failed(int code) {
        if (tracked) {
            dialogs.failed(callId, code);
        }
    }

    private String fromTag() {
        try {
            return received.from().tag();
        } catch (SipParseException e) {
            return null;
        }
    }

    private String toTag() {
        try {
            return received.to().tag();
        } catch (SipParseException e) {
            return null;
        }
    }

    /** The URI of the first Contact of {@code message}, null without one. */
    static String contact(SipMessage message) throws SipParseException {
        List<NameAddress> contacts = message.contacts();
        return contacts.isEmpty() ? null : contacts.get(0).uri().toString();
    }

    /** The Record-Route values, one element each, top first. */
    static List<String> recordRoutes(SipMessage message) throws SipParseException {
        List<String> values = new ArrayList<>();
        for (HeaderField field : message.fields(HeaderName.RECORD_ROUTE)) {
            values.addAll(ListValue.elements(field.value(), HeaderName.RECORD_ROUTE.name()));
        }
        return values;
    }
}
