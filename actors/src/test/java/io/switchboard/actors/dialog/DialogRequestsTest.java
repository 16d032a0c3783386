package io.switchboard.actors.dialog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.switchboard.transport.message.HeaderName;
import io.switchboard.transport.message.SipMethod;
import io.switchboard.transport.message.SipRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** BYEs built as each party's UA would build them (RFC 3261 §12.2.1.1). */
class DialogRequestsTest {

    private static final long T = 1_700_000_000_000L;

    private static Dialog confirmed(List<String> inviteRoutes, int own, List<String> answerRoutes) {
        InitialInvite base = SampleCall.invite("call-7@host");
        InitialInvite invite = new InitialInvite(base.callId(), base.fromUri(), base.fromTag(), base.toUri(),
                base.requestUri(), base.callerContact(), base.cseq(), inviteRoutes, own, base.callerSocket(),
                base.calleeSocket());
        return Dialog.EMPTY
                .apply(new DialogEvent.Created(invite, DialogProperties.NONE, T, 60, T + 1))
                .apply(new DialogEvent.Answered(SampleCall.CALLEE_TAG, SampleCall.CALLEE_CONTACT, answerRoutes, T, T + 60_000, T + 1))
                .apply(new DialogEvent.Acked(SampleCall.INVITE_CSEQ, T, T + 60_000));
    }

    private static Dialog sampleConfirmed() {
        return confirmed(List.of(SampleCall.OWN_RR, SampleCall.UPSTREAM_RR), 1, SampleCall.answerRecordRoutes());
    }

    @Test
    void aByeToTheCalleeGoesAsTheCallerWould() {
        SipRequest bye = DialogRequests.bye(sampleConfirmed(), Side.CALLEE);
        assertEquals(SipMethod.BYE, bye.method());
        assertEquals(SampleCall.CALLEE_CONTACT, bye.requestUriText());
        assertEquals(List.of(SampleCall.DOWNSTREAM_RR), bye.headerValues(HeaderName.ROUTE));
        assertEquals("<sip:alice@example.net>;tag=" + SampleCall.CALLER_TAG, bye.header(HeaderName.FROM));
        assertEquals("<sip:bob@example.org>;tag=" + SampleCall.CALLEE_TAG, bye.header(HeaderName.TO));
        assertEquals("call-7@host", bye.header(HeaderName.CALL_ID));
        assertEquals((SampleCall.INVITE_CSEQ + 1) + " BYE", bye.header(HeaderName.CSEQ));
        assertEquals("70", bye.header(HeaderName.MAX_FORWARDS));
        assertEquals("0", bye.header(HeaderName.CONTENT_LENGTH));
        assertFalse(bye.hasHeader(HeaderName.VIA));
    }

    @Test
    void aByeToTheCallerGoesAsTheCalleeWould() {
        SipRequest bye = DialogRequests.bye(sampleConfirmed(), Side.CALLER);
        assertEquals(SampleCall.CALLER_CONTACT, bye.requestUriText());
        assertEquals(List.of(SampleCall.UPSTREAM_RR), bye.headerValues(HeaderName.ROUTE));
        assertEquals("<sip:bob@example.org>;tag=" + SampleCall.CALLEE_TAG, bye.header(HeaderName.FROM));
        assertEquals("<sip:alice@example.net>;tag=" + SampleCall.CALLER_TAG, bye.header(HeaderName.TO));
        assertEquals("1 BYE", bye.header(HeaderName.CSEQ));
    }

    @Test
    void aCalleeThatSentNoContactIsReachedAtTheRequestUriOfTheInvite() {
        Dialog noContact = Dialog.EMPTY
                .apply(new DialogEvent.Created(SampleCall.invite("call-8@host"), DialogProperties.NONE, T, 60, T + 1))
                .apply(new DialogEvent.Answered(SampleCall.CALLEE_TAG, null, List.of(), T, T + 60_000, T + 1));
        assertEquals(SampleCall.invite("call-8@host").requestUri(),
                DialogRequests.bye(noContact, Side.CALLEE).requestUriText());
    }

    @Test
    void theCseqFollowsTheLastRequestOfTheSendingSide() {
        Dialog dialog = sampleConfirmed()
                .apply(new DialogEvent.SequentialRequest(Side.CALLEE, "INVITE", 41, T))
                .apply(new DialogEvent.SequentialRequest(Side.CALLER, "INFO", 150, T));
        assertEquals("42 BYE", DialogRequests.bye(dialog, Side.CALLER).header(HeaderName.CSEQ));
        assertEquals("151 BYE", DialogRequests.bye(dialog, Side.CALLEE).header(HeaderName.CSEQ));
    }

    @Test
    void routeSetsKeepTheirOrderTowardsEachSide() {
        List<String> invite = List.of("<sip:own2;lr>", "<sip:own1;lr>", "<sip:up1;lr>", "<sip:up2;lr>");
        List<String> answer = List.of("<sip:down2;lr>", "<sip:down1;lr>", "<sip:own2;lr>", "<sip:own1;lr>",
                "<sip:up1;lr>", "<sip:up2;lr>");
        Dialog dialog = confirmed(invite, 2, answer);
        assertEquals(List.of("<sip:up1;lr>", "<sip:up2;lr>"),
                DialogRequests.bye(dialog, Side.CALLER).headerValues(HeaderName.ROUTE));
        assertEquals(List.of("<sip:down1;lr>", "<sip:down2;lr>"),
                DialogRequests.bye(dialog, Side.CALLEE).headerValues(HeaderName.ROUTE));
    }

    @Test
    void withoutRouteSetTheByeGoesStraightToTheContact() {
        SipRequest bye = DialogRequests.bye(confirmed(List.of(SampleCall.OWN_RR), 1, List.of(SampleCall.OWN_RR)), Side.CALLEE);
        assertEquals(SampleCall.CALLEE_CONTACT, bye.requestUriText());
        assertFalse(bye.hasHeader(HeaderName.ROUTE));
    }

    @Test
    void aStrictRouterTakesTheRequestUriAndTheContactGoesLast() {
        Dialog dialog = confirmed(List.of(SampleCall.OWN_RR), 1,
                List.of("<sip:loose.example.org;lr>", "<sip:strict.example.org;maddr=198.51.100.1>", SampleCall.OWN_RR));
        SipRequest bye = DialogRequests.bye(dialog, Side.CALLEE);
        assertEquals("sip:strict.example.org;maddr=198.51.100.1", bye.requestUriText());
        assertEquals(List.of("<sip:loose.example.org;lr>", "<" + SampleCall.CALLEE_CONTACT + ">"),
                bye.headerValues(HeaderName.ROUTE));
    }

    @Test
    void extraHeaderLinesFollowTheDialogsOwnAndTheCalleeGetsItsLines() {
        LocalHeaders headers = new LocalHeaders(List.of("Hint: credit expired"), List.of("TH: dlh"));
        SipRequest toCallee = DialogRequests.bye(sampleConfirmed(), Side.CALLEE, headers.to(Side.CALLEE));
        assertEquals("credit expired", toCallee.header(HeaderName.of("Hint")));
        assertEquals("dlh", toCallee.header(HeaderName.of("TH")));
        assertEquals("0", toCallee.header(HeaderName.CONTENT_LENGTH));
        SipRequest toCaller = DialogRequests.keepAlive(sampleConfirmed(), Side.CALLER, headers.to(Side.CALLER));
        assertEquals("credit expired", toCaller.header(HeaderName.of("Hint")));
        assertFalse(toCaller.hasHeader(HeaderName.of("TH")));
    }

    @Test
    void aReferCarriesReferToReferredByAndContactAndTheByeAfterItCountsOn() {
        Dialog dialog = sampleConfirmed();
        SipRequest refer = DialogRequests.refer(dialog, Side.CALLEE, "<sip:announcement@example.org>",
                "sip:controller@kamailio.org", "sip:controller@kamailio.org:5060", List.of("Hint: moved"));
        SipRequest bye = DialogRequests.bye(dialog, Side.CALLEE);
        assertEquals(SipMethod.REFER, refer.method());
        assertEquals(bye.requestUriText(), refer.requestUriText(), "where a BYE to the callee goes");
        for (HeaderName same : List.of(HeaderName.ROUTE, HeaderName.FROM, HeaderName.TO, HeaderName.CALL_ID)) {
            assertEquals(bye.headerValues(same), refer.headerValues(same), same.name());
        }
        assertEquals("<sip:announcement@example.org>", refer.header(HeaderName.REFER_TO));
        assertEquals("sip:controller@kamailio.org", refer.header(HeaderName.REFERRED_BY));
        assertEquals("<sip:controller@kamailio.org:5060>", refer.header(HeaderName.CONTACT));
        assertEquals("moved", refer.header(HeaderName.of("Hint")));
        assertEquals((SampleCall.INVITE_CSEQ + 1) + " REFER", refer.header(HeaderName.CSEQ));
        assertEquals((SampleCall.INVITE_CSEQ + 2) + " BYE",
                DialogRequests.bye(dialog.sentTo(Side.CALLEE), Side.CALLEE).header(HeaderName.CSEQ));
        assertEquals("1 BYE", DialogRequests.bye(dialog.sentTo(Side.CALLEE), Side.CALLER).header(HeaderName.CSEQ),
                "the other side's count does not move");
    }
}
