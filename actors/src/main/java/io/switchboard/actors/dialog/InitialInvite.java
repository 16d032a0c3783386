package io.switchboard.actors.dialog;

import io.switchboard.persistence.CborSerializable;
import java.util.List;
import java.util.Objects;

/**
 * What a dialog keeps of the initial INVITE (RFC 3261 §12.1.2; seed manual 6.19–6.31, the columns
 * of the dialog table): the caller's identity and remote target, its CSeq, and the route set as
 * this proxy forwarded the INVITE.
 *
 * @param callId          the Call-ID, also the entity id
 * @param fromUri         the From URI (the caller; {@code from_uri})
 * @param fromTag         the From tag ({@code from_tag})
 * @param toUri           the To URI (the callee; {@code to_uri})
 * @param requestUri      the Request-URI as received ({@code dlg.list_match ruri})
 * @param callerContact   the Contact URI of the INVITE, the caller's remote target ({@code caller_contact})
 * @param cseq            the CSeq number of the INVITE ({@code caller_cseq})
 * @param recordRoutes    the Record-Route values of the INVITE after this proxy's record-routing,
 *                        one element each, top first (as the callee receives them)
 * @param ownRecordRoutes how many of the top {@code recordRoutes} this proxy added (0–2); they are
 *                        left out of the route set of requests this proxy sends itself (Kamailio's
 *                        {@code keep_proxy_rr} 0, seed manual 6.62)
 * @param callerSocket    the local socket the INVITE arrived on, e.g. {@code udp:192.0.2.10:5060} ({@code caller_sock})
 * @param calleeSocket    the local socket it was forwarded from ({@code callee_sock})
 * @param destination     the destination URI ({@code $du}, e.g. a dispatcher destination) the INVITE
 *                        was relayed to, null when it went by its Request-URI
 */
public record InitialInvite(String callId, String fromUri, String fromTag, String toUri, String requestUri,
        String callerContact, long cseq, List<String> recordRoutes, int ownRecordRoutes, String callerSocket,
        String calleeSocket, String destination) implements CborSerializable {

    public InitialInvite {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(fromTag, "fromTag");
        recordRoutes = List.copyOf(recordRoutes);
        if (ownRecordRoutes < 0 || ownRecordRoutes > recordRoutes.size()) {
            throw new IllegalArgumentException("ownRecordRoutes " + ownRecordRoutes + " of " + recordRoutes.size());
        }
    }

    /** Without a destination URI: relayed by the Request-URI. */
    public InitialInvite(String callId, String fromUri, String fromTag, String toUri, String requestUri,
            String callerContact, long cseq, List<String> recordRoutes, int ownRecordRoutes, String callerSocket,
            String calleeSocket) {
        this(callId, fromUri, fromTag, toUri, requestUri, callerContact, cseq, recordRoutes, ownRecordRoutes,
                callerSocket, calleeSocket, null);
    }

    /** This INVITE as relayed to {@code destination} by a later branch. */
    public InitialInvite relayedTo(String destination) {
        return new InitialInvite(callId, fromUri, fromTag, toUri, requestUri, callerContact, cseq, recordRoutes,
                ownRecordRoutes, callerSocket, calleeSocket, destination);
    }

    /** The route set of requests this proxy sends to the caller: the Record-Route below its own, in order (RFC 3261 §12.1.1). */
    public List<String> callerRouteSet() {
        return recordRoutes.subList(ownRecordRoutes, recordRoutes.size());
    }
}
