package io.switchboard.engine.route;

import io.switchboard.actors.dialog.DialogSnapshot;
import io.switchboard.actors.dlgs.DlgsFunctions;
import io.switchboard.actors.htable.HashTables;
import io.switchboard.transport.message.SipRequest;
import io.switchboard.transport.net.Transport;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * What a request route can do with a request (Kamailio's core, maxfwd, sl, rr and tm functions).
 * Functions that change the request ({@link #maxfwdProcess}, {@link #looseRoute}) change what
 * {@link #request()} returns and what is relayed.
 */
public interface RequestContext {

    /** The request as it stands now. */
    SipRequest request();

    /** The transport it arrived on. */
    Transport transport();

    /** The address it came from. */
    InetSocketAddress source();

    /** {@code is_method("INVITE|SUBSCRIBE")}: true if the method is one of the names. */
    boolean isMethod(String methods);

    /** {@code has_totag()}: true for a request inside a dialog. */
    boolean hasToTag();

    /**
     * {@code maxfwd_process(max_value)}: 2 when Max-Forwards was added, 1 when decremented, -1 when
     * it is 0, -2 on error (seed manual 003, MAXFWD).
     */
    int maxfwdProcess(int maxValue);

    /** {@code loose_route()}: true when the request carried a Route set, now processed (RFC 3261 §16.4). */
    boolean looseRoute();

    /** {@code record_route()}: insert Record-Route when the request is relayed (RFC 3261 §16.6 step 4). */
    void recordRoute();

    /** {@code t_relay()}: relay statefully to the Route set or the Request-URI. False if that failed. */
    boolean tRelay();

    /** {@code $du = uri; t_relay()}: relay statefully to {@code destination}, keeping the Request-URI. */
    boolean tRelay(String destination);

    /** {@code forward()}: relay statelessly (RFC 3261 §16.11) to the Route set or the Request-URI. */
    boolean forward();

    /** {@code sl_send_reply(code, reason)}: answer statelessly (seed manual 003, SL). */
    void slSendReply(int code, String reason);

    /** {@code t_reply(code, reason)}: answer through the server transaction (or statelessly if none). */
    void tReply(int code, String reason);

    /** {@code drop()}: do nothing more with the request. */
    void drop();

    /**
     * {@code setflag(flag)}: sets one of the request's flags, 0 to 31 ({@link MessageFlags}); an
     * {@link IllegalArgumentException} for another number. With {@code flag} as
     * {@code dialog.dlg-flag}, an initial INVITE is tracked as a dialog when {@link #tRelay()}
     * relays it, as after {@link #dlgManage()} (seed manual 001, 6.4).
     */
    void setFlag(int flag);

    /** {@code resetflag(flag)}: clears one of the request's flags, 0 to 31. */
    void resetFlag(int flag);

    /** {@code isflagset(flag)}: true when the request's flag, 0 to 31, is set. */
    boolean isFlagSet(int flag);

    /**
     * Kamailio's htable module ({@code $sht(...)}, {@code KSR.htable.*}; seed manual 003 HTABLE):
     * the named hash tables, read from this node's view and written through their owner.
     */
    default HashTables htable() {
        throw new UnsupportedOperationException("this context has no hash tables");
    }

    /**
     * Kamailio's dlgs module ({@code dlgs_init}, {@code dlgs_update}, {@code dlgs_count}, ...; seed
     * manual 000) for this request.
     */
    default DlgsFunctions dlgs() {
        throw new UnsupportedOperationException("this context has no dlgs tracking");
    }

    /**
     * {@code $du}: the destination URI {@link #tRelay()} sends to, set by {@link #dsSelectDst} and
     * {@link #dsNextDst}; null when none is set.
     */
    String dstUri();

    /** {@code ds_select_dst(set, alg)}: as {@link #dsSelectDst(int, int, int)} without a limit. */
    default boolean dsSelectDst(int set, int alg) {
        return dsSelectDst(set, alg, 0);
    }

    /**
     * {@code ds_select_dst(set, alg, limit)} (seed manual 002, 4.1): selects a destination of
     * {@code set} with algorithm {@code alg} and makes it the destination URI; with failover on
     * ({@code dispatcher.flags} bit 2) keeps the others, up to {@code limit} in all (0: no limit),
     * for {@link FailureContext#dsNextDst()}. False when no destination can be selected, or one is
     * set already and {@code force-dst} is 0.
     */
    boolean dsSelectDst(int set, int alg, int limit);

    /** {@code ds_select_domain(set, alg)}: as {@link #dsSelectDomain(int, int, int)} without a limit. */
    default boolean dsSelectDomain(int set, int alg) {
        return dsSelectDomain(set, alg, 0);
    }

    /**
     * {@code ds_select_domain(set, alg, limit)} (4.2): as {@link #dsSelectDst(int, int, int)}, but
     * writes the destination's host and port into the Request-URI instead.
     */
    boolean dsSelectDomain(int set, int alg, int limit);

    /** {@code ds_next_dst()} (4.3): the next destination of the selection becomes the destination URI. */
    boolean dsNextDst();

    /** {@code ds_next_domain()} (4.4): the next destination's host and port go into the Request-URI. */
    boolean dsNextDomain();

    /** {@code ds_mark_dst()} (4.5): the destination in use becomes inactive (and probing in probing mode 1). */
    default boolean dsMarkDst() {
        return dsMarkDst(null);
    }

    /**
     * {@code ds_mark_dst(state)} (4.5): marks the destination in use {@code a}ctive, {@code i}nactive,
     * {@code t}rying or {@code d}isabled, with {@code p} for probing. Needs failover on.
     */
    boolean dsMarkDst(String state);

    /** {@code ds_list_exist(groupid)} (4.6): true when the set exists. */
    boolean dsListExist(int group);

    /** {@code ds_is_from_list()} (4.7): the request came from a destination of any set (port and address). */
    default boolean dsIsFromList() {
        return dsIsFromList(-1);
    }

    /** {@code ds_is_from_list(groupid)}: from a destination of {@code group} (-1: any). */
    default boolean dsIsFromList(int group) {
        return dsIsFromList(group, 2, null);
    }

    /** {@code ds_is_from_list(groupid, mode)}: mode bit 1 ignores the port, bit 2 the protocol. */
    default boolean dsIsFromList(int group, int mode) {
        return dsIsFromList(group, mode, null);
    }

    /** {@code ds_is_from_list(groupid, mode, uri)}: {@code uri}'s address is a destination; null or empty: the source's. */
    boolean dsIsFromList(int group, int mode, String uri);

    /** {@code ds_load_update()} (4.8): a BYE or CANCEL takes its call's load off its destination. */
    boolean dsLoadUpdate();

    /** {@code ds_load_unset()} (4.9): takes this call's load off its destination. */
    boolean dsLoadUnset();

    /**
     * {@code dlg_manage()} (seed manual 001, 7.10): an initial INVITE is tracked as a dialog once
     * {@link #tRelay()} relays it (its Record-Route carries the dialog cookie, its replies move the
     * dialog); a request within a dialog is handed to its dialog. Nothing waits for the dialog.
     */
    default void dlgManage() {
        throw new UnsupportedOperationException("this context has no dialog module");
    }

    /**
     * {@code is_known_dlg()} (7.13): true if the request belongs to a dialog being tracked. Asks
     * the dialog and holds the call's lane for the answer, {@code switchboard.dialog.ask-timeout}
     * at most (then false): under load the lane's other calls wait that long. The forms taking a
     * continuation do not hold it.
     */
    default boolean isKnownDlg() {
        throw new UnsupportedOperationException("this context has no dialog module");
    }

    /**
     * {@code is_known_dlg()} without holding the lane: the request route ends here and
     * {@code then} runs later on the call's lane with the answer (false past the deadline), to go
     * on with the request; a request {@code then} leaves unhandled is dropped. The same holds for
     * the other forms taking a continuation.
     */
    default void isKnownDlg(Consumer<Boolean> then) {
        throw new UnsupportedOperationException("this context has no dialog module");
    }

    /**
     * {@code dlg_set_timeout(timeout)} (7.14): the dialog of this request times out {@code seconds}
     * from now — or from the answer, for an INVITE being tracked. False when the request is an
     * initial one that is not tracked; the dialog ignores it when it does not exist.
     */
    default boolean dlgSetTimeout(int seconds) {
        throw new UnsupportedOperationException("this context has no dialog module");
    }

    /**
     * {@code dlg_set_timeout(timeout, h_entry, h_id)} (7.14): the dialog with this internal
     * identifier (the {@code h_entry} and {@code h_id} of {@code dlg.list}) times out
     * {@code seconds} from now — or from the answer, when it is not answered yet — whatever request
     * this is. Only a dialog this node holds is found (on a cluster, each node holds the dialogs of
     * its shards, as {@code dlg.end_dlg} finds them): false when there is none here, or when
     * {@code seconds} is not positive. Told, not waited for.
     */
    default boolean dlgSetTimeout(int seconds, int hEntry, long hId) {
        throw new UnsupportedOperationException("this context has no dialog module");
    }

    /**
     * {@code dlg_bye(side)} (seed manual 001, 7.8): BYE to {@code "caller"}, {@code "callee"} or
     * {@code "all"} (both) of this request's dialog; the dialog ends when they are answered (or
     * after 32 s without an answer). True when the dialog is confirmed and the BYEs go out; false
     * for a request without a dialog. Asks the dialog and holds the lane as {@link #isKnownDlg()}
     * does. Any other side is an {@link IllegalArgumentException}. The request itself is still the
     * route's to relay or answer.
     */
    default boolean dlgBye(String side) {
        throw new UnsupportedOperationException("this context has no dialog module");
    }

    /** {@code dlg_bye(side)} without holding the lane, as {@link #isKnownDlg(Consumer)}. */
    default void dlgBye(String side, Consumer<Boolean> then) {
        throw new UnsupportedOperationException("this context has no dialog module");
    }

    /**
     * {@code dlg_refer(side, address)} (7.9): a REFER to {@code "caller"} or {@code "callee"} of
     * this request's dialog, {@code Refer-To} the SIP {@code address}, with {@code Referred-By}
     * {@code dialog.bridge-controller} and {@code Contact} {@code dialog.bridge-contact}, through a
     * client transaction. Once that side accepts it (2xx, usually 202) it gets a BYE, which ends the
     * dialog: its leg now goes to {@code address}. The request route ends here, as with the other
     * forms taking a continuation, and {@code then} gets true when the REFER was accepted — after up
     * to 32 s, the REFER's transaction — and false for a refusal, no answer or no confirmed dialog.
     */
    default void dlgRefer(String side, String address, Consumer<Boolean> then) {
        throw new UnsupportedOperationException("this context has no dialog module");
    }

    /**
     * {@code dlg_bridge(from, to, op)} (7.11): bridges two SIP addresses into a call with INVITE (on
     * hold), REFER and BYE. The engine calls {@code from} — From {@code dialog.bridge-controller},
     * Contact {@code dialog.bridge-contact}, an on-hold SDP offer of G711 PCMA and PCMU — through the
     * outbound proxy {@code op} (none when null or empty), else to the address of {@code from};
     * once answered it sends the ACK and a REFER with {@code Refer-To} {@code to}, and when that is
     * answered a BYE ends its own leg, leaving {@code from} calling {@code to}. Any request may start
     * one; it has nothing to do with the request's own dialog, which is still the route's to relay
     * or answer. The request route ends here, as with the other forms taking a continuation, and
     * {@code then} gets true when {@code from} answered and accepted the REFER — after the ringing
     * and up to 32 s for the REFER — and false when the INVITE or the REFER failed, or a parameter
     * is no SIP URI.
     */
    default void dlgBridge(String from, String to, String op, Consumer<Boolean> then) {
        throw new UnsupportedOperationException("this context has no dialog module");
    }

    /**
     * {@code dlg_set_property(name)} (seed manual 001, 7.16): {@code "ka-src"} sends keep-alive
     * OPTIONS to the caller, {@code "ka-dst"} to the callee (every {@code dialog.ka-interval}, when
     * {@code dialog.ka-timer} is on; failed ones past {@code ka-failed-limit} end the call),
     * {@code "timeout-noreset"} keeps in-dialog requests from starting the lifetime again. Set on an
     * initial INVITE before {@link #tRelay()}, the dialog starts with it; set on a request within a
     * dialog (with a To tag), the dialog changes at once and writes it to the journal; false for a
     * request outside a dialog. Any other name is an {@link IllegalArgumentException} naming it.
     */
    default boolean dlgSetProperty(String name) {
        throw new UnsupportedOperationException("this context has no dialog module");
    }

    /** {@code dlg_reset_property(name)} (7.21): as {@link #dlgSetProperty(String)}, switching the property off. */
    default boolean dlgResetProperty(String name) {
        throw new UnsupportedOperationException("this context has no dialog module");
    }

    /**
     * {@code $DLG_status} (10.2): the state of the dialog of this request (3, 4 or 5 for a
     * sequential request), empty when there is none. Holds the lane as {@link #isKnownDlg()} does.
     */
    default OptionalInt dlgStatus() {
        throw new UnsupportedOperationException("this context has no dialog module");
    }

    /** {@code $DLG_status} without holding the lane, as {@link #isKnownDlg(Consumer)}. */
    default void dlgStatus(Consumer<OptionalInt> then) {
        throw new UnsupportedOperationException("this context has no dialog module");
    }

    /**
     * {@code $DLG_lifetime} (10.3): seconds since the dialog of this Call-ID was answered (until it
     * ended, if it did), empty when there is no answered dialog. Holds the lane as
     * {@link #isKnownDlg()} does.
     */
    default OptionalLong dlgLifetime() {
        throw new UnsupportedOperationException("this context has no dialog module");
    }

    /** {@code $DLG_lifetime} without holding the lane, as {@link #isKnownDlg(Consumer)}. */
    default void dlgLifetime(Consumer<OptionalLong> then) {
        throw new UnsupportedOperationException("this context has no dialog module");
    }

    /** {@code $DLG_count} (10.1): the dialogs this node holds, confirmed or not. */
    default long dlgCount() {
        throw new UnsupportedOperationException("this context has no dialog module");
    }

    /**
     * {@code set_dlg_profile(profile)} (seed manual 001, 7.1): puts the dialog of this request in a
     * profile without values (a profile with values needs {@link #setDlgProfile(String, String)}).
     */
    default boolean setDlgProfile(String profile) {
        return setDlgProfile(profile, null);
    }

    /**
     * {@code set_dlg_profile(profile, value)} (7.1): puts the dialog of this request in
     * {@code profile} with {@code value} — for an initial INVITE, once it is tracked; for a
     * sequential request, its dialog (nothing waits for it). Set twice, it is in the profile once.
     * As in Kamailio, a value for a profile without values is discarded, and a profile with values
     * and no value logs an error and answers false; false too for a request that has no dialog and
     * is no initial INVITE. A profile not in {@code dialog.profiles-with-value} or
     * {@code profiles-no-value} is an {@link IllegalArgumentException}.
     */
    default boolean setDlgProfile(String profile, String value) {
        throw new UnsupportedOperationException("this context has no dialog module");
    }

    /** {@code unset_dlg_profile(profile)} (7.2): as {@link #setDlgProfile(String)}, taking the dialog out. */
    default boolean unsetDlgProfile(String profile) {
        return unsetDlgProfile(profile, null);
    }

    /** {@code unset_dlg_profile(profile, value)} (7.2): as {@link #setDlgProfile(String, String)}, taking the dialog out. */
    default boolean unsetDlgProfile(String profile, String value) {
        throw new UnsupportedOperationException("this context has no dialog module");
    }

    /** {@code is_in_profile(profile)} (7.3): as {@link #isInProfile(String, String)} with any value. */
    default boolean isInProfile(String profile) {
        return isInProfile(profile, null);
    }

    /**
     * {@code is_in_profile(profile, value)} (7.3): true if the dialog of this request is in
     * {@code profile} with {@code value} (null: with any; discarded for a profile without values).
     * An initial INVITE answers from what its route set; a sequential request asks its dialog and
     * holds the lane as {@link #isKnownDlg()} does (false past the deadline).
     */
    default boolean isInProfile(String profile, String value) {
        throw new UnsupportedOperationException("this context has no dialog module");
    }

    /** {@code is_in_profile(profile, value)} without holding the lane, as {@link #isKnownDlg(Consumer)}. */
    default void isInProfile(String profile, String value, Consumer<Boolean> then) {
        throw new UnsupportedOperationException("this context has no dialog module");
    }

    /** {@code get_profile_size(profile, size)} (7.4): as {@link #getProfileSize(String, String)} over all values. */
    default long getProfileSize(String profile) {
        return getProfileSize(profile, null);
    }

    /**
     * {@code get_profile_size(profile, value, size)} (7.4): the live dialogs of the whole cluster in
     * {@code profile}, with {@code value} when given. A local read: this node's dialogs count at
     * once, the other nodes' as they last published them (within a fraction of a second).
     */
    default long getProfileSize(String profile, String value) {
        throw new UnsupportedOperationException("this context has no dialog module");
    }

    /**
     * {@code dlg_set_timeout_by_profile(profile, value, timeout)} (7.15): every live dialog of the
     * cluster in {@code profile} (with {@code value}, unless null) times out {@code seconds} from
     * now. Told, not waited for; false when {@code seconds} is not positive.
     */
    default boolean dlgSetTimeoutByProfile(String profile, String value, int seconds) {
        throw new UnsupportedOperationException("this context has no dialog module");
    }

    /**
     * {@code $dlg_var(name)} (seed manual 001, 10.6): the value of a variable kept with the dialog of
     * this request, null when it has none or there is no dialog. An initial INVITE reads what its
     * route set; a sequential request asks its dialog once (and sees its own changes on top),
     * holding the lane as {@link #isKnownDlg()} does.
     */
    default String dlgVar(String name) {
        throw new UnsupportedOperationException("this context has no dialog module");
    }

    /**
     * {@code $dlg_var(name) = value} (10.6): keeps {@code value} with the dialog of this request; a
     * null or empty value removes the variable. Set on an initial INVITE, the dialog starts with it
     * once tracked; on a sequential request, its dialog is told (nothing waits). Written with the
     * dialog: after the answer every change is journaled, so it survives a restart and shows in
     * {@code dlg.list}. False for a request that has no dialog and is no initial INVITE.
     */
    default boolean setDlgVar(String name, String value) {
        throw new UnsupportedOperationException("this context has no dialog module");
    }

    /**
     * {@code dlg_setflag(flag)} (7.6): sets a flag of the dialog of this request, 0 to 31 (another
     * number is an {@link IllegalArgumentException}), kept as {@link #setDlgVar} keeps a variable;
     * {@code dlg.list} shows the flags as {@code sflags}.
     */
    default boolean dlgSetFlag(int flag) {
        throw new UnsupportedOperationException("this context has no dialog module");
    }

    /** {@code dlg_resetflag(flag)} (7.7): as {@link #dlgSetFlag(int)}, clearing the flag. */
    default boolean dlgResetFlag(int flag) {
        throw new UnsupportedOperationException("this context has no dialog module");
    }

    /** {@code dlg_isflagset(flag)} (7.5): true when the dialog's flag is set; read as {@link #dlgVar(String)}. */
    default boolean dlgIsFlagSet(int flag) {
        throw new UnsupportedOperationException("this context has no dialog module");
    }

    /**
     * {@code $dlg_ctx(key) = value} (7.10, 10.5): {@code timeout_route} names the event route that
     * runs when the dialog times out ({@link Route#onDialogEvent} with that name, before the dialog
     * ends; null or empty: none), {@code timeout_bye} {@code "1"} sends BYE to both sides on timeout
     * ({@code "0"} does not). Kept as {@link #setDlgVar} keeps a variable. Another key, or
     * another {@code timeout_bye} value, is an {@link IllegalArgumentException}.
     */
    default boolean setDlgCtx(String key, String value) {
        throw new UnsupportedOperationException("this context has no dialog module");
    }

    /** {@code $dlg_ctx(key)}: {@code timeout_route} (null if none) or {@code timeout_bye} ("0" or "1"); read as {@link #dlgVar}. */
    default String dlgCtx(String key) {
        throw new UnsupportedOperationException("this context has no dialog module");
    }

    /**
     * {@code dlg_get(callid, ftag, ttag)} (7.12): the dialog of {@code callId} with these tags (either
     * way round), in any state, empty when there is none. Switchboard's dialog functions work on the
     * dialog of the request, so this returns the dialog's snapshot (state, parties, variables,
     * flags) instead of making it current; to act on it use its Call-ID with the {@code dlg.*}
     * management commands. Holds the lane as {@link #isKnownDlg()} does.
     */
    default Optional<DialogSnapshot> dlgGet(String callId, String fromTag, String toTag) {
        throw new UnsupportedOperationException("this context has no dialog module");
    }

    /**
     * {@code dlg_set_ruri()} (7.18): the Request-URI of this sequential request becomes the other
     * party's Contact kept in its dialog — the callee's for a request from the caller, the caller's
     * for one from the callee. False (the request unchanged) without a confirmed dialog. Holds the
     * lane as {@link #isKnownDlg()} does.
     */
    default boolean dlgSetRuri() {
        throw new UnsupportedOperationException("this context has no dialog module");
    }
}
