package io.switchboard.engine.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.transport.message.HeaderName;
import io.switchboard.transport.message.SipRequest;
import io.switchboard.transport.message.SipResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code sl_send_reply} and the absorbing of the ACK for a local negative reply (seed manual 003, SL). */
class StatelessRepliesTest {

    private static final String[] INVITE = {
        "INVITE sip:bob@example.com SIP/2.0",
        "Via: SIP/2.0/UDP 192.0.2.10:5070;branch=z9hG4bK-inv-1;rport",
        "Via: SIP/2.0/TCP 192.0.2.9:5060;branch=z9hG4bK-up-1",
        "Max-Forwards: 70",
        "From: \"Alice\" <sip:alice@example.com>;tag=a1",
        "To: <sip:bob@example.com>",
        "Call-ID: call-1@192.0.2.10",
        "CSeq: 1 INVITE",
        "Contact: <sip:alice@192.0.2.10:5070>",
        "Subject: lunch",
    };

    private final StatelessReplies sl = new StatelessReplies("Switchboard test");

    @Test
    void replyCopiesTheTransactionHeaders() throws Exception {
        SipRequest invite = SipText.request(INVITE);
        SipResponse reply = sl.reply(invite, 486, "Busy Here");
        assertEquals(486, reply.statusCode());
        assertEquals("Busy Here", reply.reasonPhrase());
        assertEquals(invite.headerValues(HeaderName.VIA), reply.headerValues(HeaderName.VIA));
        assertEquals(invite.header(HeaderName.FROM), reply.header(HeaderName.FROM));
        assertEquals(invite.header(HeaderName.CALL_ID), reply.header(HeaderName.CALL_ID));
        assertEquals(invite.header(HeaderName.CSEQ), reply.header(HeaderName.CSEQ));
        assertEquals("sip:bob@example.com", reply.to().uri().toString());
        assertFalse(reply.hasHeader(HeaderName.CONTACT));
        assertFalse(reply.hasHeader(HeaderName.MAX_FORWARDS));
        assertFalse(reply.hasHeader(HeaderName.SUBJECT));
        assertEquals("0", reply.header(HeaderName.CONTENT_LENGTH));
    }

    @Test
    void finalReplyGetsAToTag() throws Exception {
        SipResponse reply = sl.reply(SipText.request(INVITE), 486, "Busy Here");
        assertNotNull(reply.to().tag());
    }

    @Test
    void oneHundredGetsNoToTag() throws Exception {
        SipResponse reply = sl.reply(SipText.request(INVITE), 100, "Trying");
        assertNull(reply.to().tag());
    }

    @Test
    void provisionalAboveOneHundredGetsAToTag() throws Exception {
        SipResponse reply = sl.reply(SipText.request(INVITE), 180, "Ringing");
        assertNotNull(reply.to().tag());
    }

    @Test
    void existingToTagIsKept() throws Exception {
        SipRequest bye = SipText.request(SipText.with(SipText.with(INVITE, "INVITE", "BYE sip:bob@192.0.2.20 SIP/2.0"),
                "To:", "To: <sip:bob@example.com>;tag=b7"));
        SipResponse reply = sl.reply(bye, 404, "Not Here");
        assertEquals("b7", reply.to().tag());
        assertEquals(1, reply.count(HeaderName.TO));
    }

    @Test
    void serverHeaderIsAdded() {
        SipResponse reply = sl.reply(SipText.request(INVITE), 404, "Not Here");
        assertEquals("Switchboard test", reply.header(HeaderName.SERVER));
    }

    @Test
    void noServerHeaderWithoutAName() {
        SipResponse reply = new StatelessReplies(null).reply(SipText.request(INVITE), 404, "Not Here");
        assertFalse(reply.hasHeader(HeaderName.SERVER));
    }

    @Test
    void warningIsQuotedAndEscaped() {
        SipResponse reply = sl.reply(SipText.request(INVITE), 400, "Bad Request", "bad \"Via\" in C:\\x");
        assertEquals(List.of("399 switchboard \"bad \\\"Via\\\" in C:\\\\x\""), reply.headerValues(HeaderName.WARNING));
        assertEquals(400, reply.statusCode());
        assertEquals("Switchboard test", reply.header(HeaderName.SERVER));
    }

    @Test
    void ackForTheLocalReplyIsRecognised() throws Exception {
        SipResponse busy = sl.reply(SipText.request(INVITE), 486, "Busy Here");
        assertTrue(sl.isAckForLocalReply(ackFor(busy, "z9hG4bK-inv-1")));
    }

    @Test
    void ackWithAnotherToTagIsNotOurs() throws Exception {
        SipResponse busy = sl.reply(SipText.request(INVITE), 486, "Busy Here");
        SipRequest ack = SipText.request(SipText.with(ackLines(busy, "z9hG4bK-inv-1"), "To:",
                "To: <sip:bob@example.com>;tag=from-bob"));
        assertFalse(sl.isAckForLocalReply(ack));
    }

    @Test
    void ackWithAnotherBranchIsNotOurs() throws Exception {
        SipResponse busy = sl.reply(SipText.request(INVITE), 486, "Busy Here");
        assertFalse(sl.isAckForLocalReply(ackFor(busy, "z9hG4bK-inv-2")));
    }

    @Test
    void ackWithAnotherCallIdIsNotOurs() throws Exception {
        SipResponse busy = sl.reply(SipText.request(INVITE), 486, "Busy Here");
        SipRequest ack = SipText.request(SipText.with(ackLines(busy, "z9hG4bK-inv-1"), "Call-ID:",
                "Call-ID: call-2@192.0.2.10"));
        assertFalse(sl.isAckForLocalReply(ack));
    }

    @Test
    void ackForAnotherInstancesReplyIsNotOurs() throws Exception {
        SipResponse busy = new StatelessReplies("other").reply(SipText.request(INVITE), 486, "Busy Here");
        assertFalse(sl.isAckForLocalReply(ackFor(busy, "z9hG4bK-inv-1")));
    }

    @Test
    void ackWithoutToTagIsNotOurs() {
        SipRequest ack = SipText.request(SipText.with(SipText.with(INVITE, "INVITE", "ACK sip:bob@example.com SIP/2.0"),
                "CSeq:", "CSeq: 1 ACK"));
        assertFalse(sl.isAckForLocalReply(ack));
    }

    @Test
    void nonAckIsNeverOurs() throws Exception {
        SipResponse busy = sl.reply(SipText.request(INVITE), 486, "Busy Here");
        String[] lines = ackLines(busy, "z9hG4bK-inv-1");
        lines = SipText.with(SipText.with(lines, "ACK", "BYE sip:bob@example.com SIP/2.0"), "CSeq:", "CSeq: 1 BYE");
        assertFalse(sl.isAckForLocalReply(SipText.request(lines)));
    }

    @Test
    void ackForARfc2543InviteWithoutBranchIsRecognised() throws Exception {
        String[] lines = SipText.with(INVITE, "Via: SIP/2.0/UDP 192.0.2.10", "Via: SIP/2.0/UDP 192.0.2.10:5070");
        SipResponse busy = sl.reply(SipText.request(lines), 486, "Busy Here");
        SipRequest ack = SipText.request(SipText.with(ackLines(busy, "unused"), "Via: SIP/2.0/UDP 192.0.2.10",
                "Via: SIP/2.0/UDP 192.0.2.10:5070"));
        assertTrue(sl.isAckForLocalReply(ack));
    }

    /** The ACK a UAC sends for a non-2xx final response (RFC 3261 §17.1.1.3). */
    private static SipRequest ackFor(SipResponse reply, String branch) throws Exception {
        return SipText.request(ackLines(reply, branch));
    }

    private static String[] ackLines(SipResponse reply, String branch) throws Exception {
        return new String[] {
            "ACK sip:bob@example.com SIP/2.0",
            "Via: SIP/2.0/UDP 192.0.2.10:5070;branch=" + branch,
            "Max-Forwards: 70",
            "From: " + reply.header(HeaderName.FROM),
            "To: " + reply.header(HeaderName.TO),
            "Call-ID: " + reply.header(HeaderName.CALL_ID),
            "CSeq: 1 ACK",
        };
    }
}
