package io.switchboard.actors.dialog;

import io.switchboard.transport.header.NameAddress;
import io.switchboard.transport.message.HeaderName;
import io.switchboard.transport.message.MessageBuilder;
import io.switchboard.transport.message.SipMethod;
import io.switchboard.transport.message.SipRequest;
import io.switchboard.transport.parse.SipParseException;
import io.switchboard.transport.uri.SipUri;
import java.util.ArrayList;
import java.util.List;

/**
 * Requests this proxy sends within a dialog on behalf of one party to the other (seed manual 6.49
 * {@code send_bye}, 7.8 {@code dlg_bye}, 7.9 {@code dlg_refer}, 9.8 {@code dlg.terminate_dlg}), or
 * as the caller of a dialog it set up itself (7.11 {@code dlg_bridge}: ACK, REFER, BYE), built as
 * that party's UA would (RFC 3261 §12.2.1.1): Request-URI the remote target, Route the route set towards the
 * target (for a strict router first in the set, the §12.2.1.1 rewrite), From and To with the
 * sending party's tag in From. A BYE has the CSeq one above the sending party's last; a keep-alive
 * OPTIONS (6.52, 7.16) one below it — the same when that is 1 or none — and raises nothing, as
 * Kamailio's {@code dlg_send_ka}: "CSeq lower or equal than last request within dialog", so a UA
 * that still has the dialog answers (even 500 for the low CSeq, RFC 3261 §12.2.2) and one that lost
 * it answers 481. Extra header lines ({@link LocalHeaders}) follow the dialog's own headers. The
 * Via is left to the sender, which adds its own.
 */
public final class DialogRequests {

    /** Max-Forwards of generated requests (RFC 3261 §8.1.1.6). */
    public static final int MAX_FORWARDS = 70;

    private DialogRequests() {
    }

    /** A BYE to {@code target}, sent as its peer would; {@code dialog} must have been answered. */
    public static SipRequest bye(Dialog dialog, Side target) {
        return bye(dialog, target, List.of());
    }

    /** A BYE to {@code target} with the {@code extra} header lines ({@link LocalHeaders#to}). */
    public static SipRequest bye(Dialog dialog, Side target, List<String> extra) {
        return finish(request(dialog, target, SipMethod.BYE, peerCseq(dialog, target) + 1), extra);
    }

    /** A keep-alive OPTIONS to {@code target}, sent as its peer would; {@code dialog} must have been answered. */
    public static SipRequest keepAlive(Dialog dialog, Side target) {
        return keepAlive(dialog, target, List.of());
    }

    /** A keep-alive OPTIONS to {@code target} with the {@code extra} header lines. */
    public static SipRequest keepAlive(Dialog dialog, Side target, List<String> extra) {
        long last = peerCseq(dialog, target);
        return finish(request(dialog, target, SipMethod.OPTIONS, last > 1 ? last - 1 : 1), extra);
    }

    /**
     * A REFER to {@code target} (seed manual 7.9 {@code dlg_refer}, RFC 3515 §2.4), sent as its
     * peer would with the CSeq one above the peer's last: {@code Refer-To: referTo},
     * {@code Referred-By: referredBy} ({@code bridge-controller}, as Kamailio's) and
     * {@code Contact: <contact>} ({@code bridge-contact}; REFER is a target refresh request and
     * needs one), then the {@code extra} header lines. The BYE that follows is built from the
     * dialog after {@link Dialog#sentTo}, one CSeq above the REFER.
     */
    public static SipRequest refer(Dialog dialog, Side target, String referTo, String referredBy, String contact,
            List<String> extra) {
        return finish(request(dialog, target, SipMethod.REFER, peerCseq(dialog, target) + 1)
                .add(HeaderName.CONTACT, "<" + contact + ">")
                .add(HeaderName.REFER_TO, referTo)
                .add(HeaderName.REFERRED_BY, referredBy), extra);
    }

    /**
     * The ACK of the 2xx that answered an INVITE this proxy sent itself as a UAC (the INVITE of
     * {@code dlg_bridge}, seed manual 7.11), {@code dialog} holding that INVITE and that 2xx: built
     * as any request within the dialog, with the INVITE's CSeq number (RFC 3261 §13.2.2.4).
     */
    public static SipRequest ack(Dialog dialog) {
        return finish(request(dialog, Side.CALLEE, SipMethod.ACK, dialog.invite().cseq()), List.of());
    }

    /** {@code address} as a Refer-To value (RFC 3515 §2.1): in angle brackets unless it already is. */
    public static String referTo(String address) {
        return address.startsWith("<") ? address : "<" + address + ">";
    }

    /** The last CSeq of {@code target}'s peer, the party the request is sent as; 0 for a callee that sent none. */
    private static long peerCseq(Dialog dialog, Side target) {
        return target == Side.CALLEE ? dialog.callerCseq() : dialog.calleeCseq();
    }

    /** The request with the {@code extra} header lines and no body. */
    private static SipRequest finish(MessageBuilder builder, List<String> extra) {
        for (String line : extra) {
            builder.add(HeaderName.of(LocalHeaders.name(line)), LocalHeaders.value(line));
        }
        return builder.add(HeaderName.CONTENT_LENGTH, "0").buildRequest();
    }

    private static MessageBuilder request(Dialog dialog, Side target, SipMethod method, long cseq) {
        InitialInvite invite = dialog.invite();
        boolean toCallee = target == Side.CALLEE;
        String remoteTarget = toCallee ? remoteTarget(dialog.answer().calleeContact(), invite.requestUri())
                : remoteTarget(invite.callerContact(), invite.fromUri());
        List<String> routeSet = toCallee ? dialog.calleeRouteSet() : invite.callerRouteSet();
        String caller = nameAddress(invite.fromUri(), invite.fromTag());
        String callee = nameAddress(invite.toUri(), dialog.toTag());

        String requestUri = remoteTarget;
        List<String> routes = routeSet;
        String strictRouter = routeSet.isEmpty() ? null : strictRouter(routeSet.get(0));
        if (strictRouter != null) {
            requestUri = strictRouter;
            routes = new ArrayList<>(routeSet.subList(1, routeSet.size()));
            routes.add("<" + remoteTarget + ">");
        }
        MessageBuilder builder = MessageBuilder.request(method, requestUri);
        for (String route : routes) {
            builder.add(HeaderName.ROUTE, route);
        }
        return builder.add(HeaderName.MAX_FORWARDS, Integer.toString(MAX_FORWARDS))
                .add(HeaderName.FROM, toCallee ? caller : callee)
                .add(HeaderName.TO, toCallee ? callee : caller)
                .add(HeaderName.CALL_ID, invite.callId())
                .add(HeaderName.CSEQ, cseq + " " + method);
    }

    /**
     * The party's Contact; for a party that sent none (RFC 3261 §12.1 requires one, a broken UA
     * may not), the address it was reached at: the INVITE's Request-URI for the callee, its From
     * URI for the caller.
     */
    private static String remoteTarget(String contact, String fallback) {
        return contact != null ? contact : fallback;
    }

    private static String nameAddress(String uri, String tag) {
        return "<" + uri + ">;tag=" + tag;
    }

    /** The Request-URI for a route entry without {@code lr}, or null for a loose router or an entry that does not parse. */
    private static String strictRouter(String route) {
        try {
            return NameAddress.parse(route, HeaderName.ROUTE.name()).uri() instanceof SipUri uri && !uri.isLooseRouter()
                    ? uri.withoutHeaders().toString()
                    : null;
        } catch (SipParseException e) {
            return null;
        }
    }
}
