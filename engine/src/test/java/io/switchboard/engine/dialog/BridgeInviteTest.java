package io.switchboard.engine.dialog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.actors.dialog.Dialog;
import io.switchboard.actors.dialog.DialogRequests;
import io.switchboard.actors.dialog.Side;
import io.switchboard.transport.message.HeaderName;
import io.switchboard.transport.message.MessageBuilder;
import io.switchboard.transport.message.SipRequest;
import io.switchboard.transport.parse.SipParseException;
import io.switchboard.transport.uri.SipUri;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The INVITE of {@code dlg_bridge} (seed manual 7.11) and the requests of the dialog its 2xx makes:
 * ACK (RFC 3261 §13.2.2.4), REFER and BYE, each as the engine's UAC sends them.
 */
class BridgeInviteTest {

    private static final String CONTROLLER = "sip:ctd@example.org";
    private static final String CONTACT = "sip:ctd@192.0.2.10:5060";

    private static BridgeInvite invite(String offer) throws SipParseException {
        return BridgeInvite.to(SipUri.parse("sip:alice@198.51.100.7:5062"), CONTROLLER, CONTACT, offer);
    }

    @Test
    void theInviteCallsFromAsTheBridgeControllerWithTheOnHoldOffer() throws Exception {
        SipRequest request = invite(BridgeInvite.HOLD_OFFER).request();
        assertEquals("sip:alice@198.51.100.7:5062", request.requestUriText());
        assertEquals("sip:alice@198.51.100.7:5062", request.to().uri().toString());
        assertNull(request.to().tag());
        assertEquals(CONTROLLER, request.from().uri().toString());
        assertNotNull(request.from().tag());
        assertEquals(CONTACT, request.contacts().get(0).uri().toString());
        assertEquals("1 INVITE", request.header(HeaderName.CSEQ));
        assertEquals("70", request.header(HeaderName.MAX_FORWARDS));
        assertNull(request.header(HeaderName.VIA), "the sender adds its own");
        assertEquals("application/sdp", request.header(HeaderName.CONTENT_TYPE));
        String sdp = new String(request.body(), StandardCharsets.UTF_8);
        assertTrue(sdp.contains("c=IN IP4 0.0.0.0\r\n"), sdp);
        assertTrue(sdp.contains("m=audio 9 RTP/AVP 8 0\r\n"), sdp);
        assertTrue(sdp.contains("a=rtpmap:8 PCMA/8000\r\na=rtpmap:0 PCMU/8000\r\n"), sdp);
        assertFalse(invite("").request().hasHeader(HeaderName.CONTENT_TYPE), "'' sends no SDP");
        assertEquals(0, invite("").request().body().length);
    }

    @Test
    void eachBridgeIsANewCall() throws Exception {
        SipRequest one = invite("").request();
        SipRequest two = invite("").request();
        assertFalse(one.header(HeaderName.CALL_ID).equals(two.header(HeaderName.CALL_ID)));
        assertFalse(one.from().tag().equals(two.from().tag()));
    }

    @Test
    void itsAnswerMakesTheDialogOfTheAckReferAndBye() throws Exception {
        BridgeInvite invite = invite(BridgeInvite.HOLD_OFFER);
        Dialog dialog = invite.answeredBy(MessageBuilder.responseTo(invite.request(), 200, "OK", "b7")
                .add(HeaderName.RECORD_ROUTE, "<sip:p2.example.org;lr>, <sip:p1.example.org;lr>")
                .add(HeaderName.CONTACT, "<sip:alice@198.51.100.7:5062;transport=udp>")
                .buildResponse());
        String fromTag = invite.request().from().tag();

        SipRequest ack = DialogRequests.ack(dialog);
        assertEquals("ACK", ack.method().name());
        assertEquals("sip:alice@198.51.100.7:5062;transport=udp", ack.requestUriText(), "the 2xx's Contact");
        assertEquals(List.of("<sip:p1.example.org;lr>", "<sip:p2.example.org;lr>"), ack.headerValues(HeaderName.ROUTE),
                "the Record-Route reversed (RFC 3261 §12.1.2)");
        assertEquals("1 ACK", ack.header(HeaderName.CSEQ), "the INVITE's CSeq number");
        assertEquals(fromTag, ack.from().tag());
        assertEquals(CONTROLLER, ack.from().uri().toString());
        assertEquals("b7", ack.to().tag());
        assertEquals(invite.request().header(HeaderName.CALL_ID), ack.header(HeaderName.CALL_ID));

        SipRequest refer = DialogRequests.refer(dialog, Side.CALLEE, DialogRequests.referTo("sip:bob@example.org"),
                CONTROLLER, CONTACT, List.of());
        assertEquals("2 REFER", refer.header(HeaderName.CSEQ));
        assertEquals("<sip:bob@example.org>", refer.header(HeaderName.REFER_TO));
        assertEquals(CONTROLLER, refer.header(HeaderName.REFERRED_BY));
        assertEquals("b7", refer.to().tag());

        SipRequest bye = DialogRequests.bye(dialog.sentTo(Side.CALLEE), Side.CALLEE);
        assertEquals("3 BYE", bye.header(HeaderName.CSEQ));
        assertEquals(fromTag, bye.from().tag());
        assertEquals("sip:alice@198.51.100.7:5062;transport=udp", bye.requestUriText());
    }

    @Test
    void anAnswerWithoutToTagMakesNoDialog() throws Exception {
        BridgeInvite invite = invite("");
        assertThrows(SipParseException.class, () -> invite.answeredBy(
                MessageBuilder.responseTo(invite.request(), 200, "OK", null).buildResponse()));
    }
}
