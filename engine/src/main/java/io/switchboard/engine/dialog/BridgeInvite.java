package io.switchboard.engine.dialog;

import io.switchboard.actors.dialog.Dialog;
import io.switchboard.actors.dialog.DialogEvent;
import io.switchboard.actors.dialog.DialogProperties;
import io.switchboard.actors.dialog.DialogRequests;
import io.switchboard.actors.dialog.InitialInvite;
import io.switchboard.transport.message.HeaderName;
import io.switchboard.transport.message.MessageBuilder;
import io.switchboard.transport.message.SipMethod;
import io.switchboard.transport.message.SipRequest;
import io.switchboard.transport.message.SipResponse;
import io.switchboard.transport.parse.SipParseException;
import io.switchboard.transport.uri.SipUri;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The INVITE that starts a bridge (seed manual 7.11 {@code dlg_bridge}, 9.13 {@code dlg.bridge_dlg}),
 * a request outside any dialog built as a UAC builds one (RFC 3261 §8.1.1): Request-URI and To the
 * party called, From the {@code bridge-controller} (6.46) with a tag of its own, a new Call-ID,
 * CSeq 1, {@code Contact} the {@code bridge-contact} (6.47), and as body the {@link #HOLD_OFFER},
 * another SDP offer or none. The 2xx that answers it makes the engine's own dialog
 * ({@link #answeredBy}, §12.1.2), from which {@link DialogRequests} builds the ACK, REFER and BYE.
 *
 * @param request the INVITE, without Via (the sender adds its own)
 * @param invite  what the dialog keeps of it: the engine is the caller
 */
record BridgeInvite(SipRequest request, InitialInvite invite) {

    /**
     * The offer of a call put on hold from its start, as Kamailio's bridge sends: audio at the
     * unspecified address 0.0.0.0 (RFC 3264 §5.1, "no media to be sent"), port 9 (discard), G.711
     * A-law (PCMA, payload type 8) and µ-law (PCMU, 0) — what any phone can accept.
     */
    static final String HOLD_OFFER = """
            v=0\r
            o=switchboard-bridge 0 0 IN IP4 0.0.0.0\r
            s=switchboard\r
            c=IN IP4 0.0.0.0\r
            t=0 0\r
            m=audio 9 RTP/AVP 8 0\r
            a=rtpmap:8 PCMA/8000\r
            a=rtpmap:0 PCMU/8000\r
            """;

    private static final String SDP = "application/sdp";

    /**
     * The INVITE to {@code callee} from {@code controller} with {@code Contact: <contact>}; its body
     * {@code offer} as {@code application/sdp}, none when that is empty.
     */
    static BridgeInvite to(SipUri callee, String controller, String contact, String offer) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String callId = "bridge-" + Long.toHexString(random.nextLong()) + "@switchboard";
        String fromTag = Long.toHexString(random.nextLong());
        String target = callee.toString();
        InitialInvite invite = new InitialInvite(callId, controller, fromTag, target, target, contact, 1, List.of(), 0,
                null, null);
        MessageBuilder builder = MessageBuilder.request(SipMethod.INVITE, target)
                .add(HeaderName.MAX_FORWARDS, Integer.toString(DialogRequests.MAX_FORWARDS))
                .add(HeaderName.FROM, "<" + controller + ">;tag=" + fromTag)
                .add(HeaderName.TO, "<" + target + ">")
                .add(HeaderName.CALL_ID, callId)
                .add(HeaderName.CSEQ, invite.cseq() + " " + SipMethod.INVITE)
                .add(HeaderName.CONTACT, "<" + contact + ">");
        if (offer.isEmpty()) {
            builder.add(HeaderName.CONTENT_LENGTH, "0");
        } else {
            builder.body(offer.getBytes(StandardCharsets.UTF_8), SDP);
        }
        return new BridgeInvite(builder.buildRequest(), invite);
    }

    /**
     * The engine's dialog with the party that sent {@code ok}, a 2xx to this INVITE (RFC 3261
     * §12.1.2): its tag, its Contact as remote target, its Record-Route reversed as route set.
     *
     * @throws SipParseException when the 2xx has no To tag, or a Contact or Record-Route that does not parse
     */
    Dialog answeredBy(SipResponse ok) throws SipParseException {
        String toTag = ok.to().tag();
        if (toTag == null) {
            throw new SipParseException("the " + ok.statusCode() + " has no To tag");
        }
        long now = System.currentTimeMillis();
        return Dialog.EMPTY
                .apply(new DialogEvent.Created(invite, DialogProperties.NONE, now, 0, 0))
                .apply(new DialogEvent.Answered(toTag, RequestDialog.contact(ok), RequestDialog.recordRoutes(ok), now,
                        0, 0));
    }
}
