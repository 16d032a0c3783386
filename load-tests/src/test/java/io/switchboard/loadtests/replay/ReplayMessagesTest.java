package io.switchboard.loadtests.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.transport.message.HeaderName;
import io.switchboard.transport.message.SipFramer;
import io.switchboard.transport.message.SipMessage;
import io.switchboard.transport.message.SipRequest;
import io.switchboard.transport.message.SipResponse;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplayMessagesTest {

    private static final InetSocketAddress LOCAL = new InetSocketAddress("127.0.0.1", 7000);
    private final ReplayMessages messages = new ReplayMessages("r1c7");

    private static SipMessage frame(String text) throws Exception {
        return SipFramer.DEFAULT.frame(text.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void aRequestGetsTheInstancesCallIdTagsBranchViaContactAndRoutes() throws Exception {
        SipRequest recorded = (SipRequest) frame("BYE sip:bob@192.0.2.3 SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bKa3\r\nRoute: <sip:192.0.2.2;lr>\r\nMax-Forwards: 70\r\n"
                + "From: <sip:alice@example.com>;tag=a1\r\nTo: <sip:bob@example.com>;tag=b1\r\nCall-ID: c1@x\r\n"
                + "CSeq: 2 BYE\r\nContact: <sip:alice@192.0.2.1:5060;transport=udp>;expires=60\r\nX-Kept: yes\r\n"
                + "Content-Length: 4\r\n\r\nbody");
        SipRequest sent = (SipRequest) frame(new String(messages.request(recorded, "sip:bob@127.0.0.1:7001",
                List.of("<sip:127.0.0.1:5060;lr>"), LOCAL), StandardCharsets.US_ASCII));
        assertEquals("sip:bob@127.0.0.1:7001", sent.requestUriText());
        assertEquals("z9hG4bKr1c7.a3", sent.topVia().branch());
        assertEquals("127.0.0.1", sent.topVia().host());
        assertEquals(1, sent.vias().size());
        assertEquals(List.of("<sip:127.0.0.1:5060;lr>"), sent.headerValues(HeaderName.ROUTE));
        assertEquals("a1.r1c7", sent.from().tag());
        assertEquals("b1.r1c7", sent.to().tag());
        assertEquals("r1c7-c1@x", sent.callId());
        assertEquals("<sip:alice@127.0.0.1:7000>;expires=60", sent.header(HeaderName.CONTACT));
        assertEquals("yes", sent.header(HeaderName.of("X-Kept")));
        assertEquals("body", new String(sent.body(), StandardCharsets.US_ASCII));
        assertEquals(4, sent.declaredContentLength());
    }

    @Test
    void aResponseCopiesTheReceivedRequestAndAddsItsTag() throws Exception {
        SipResponse recorded = (SipResponse) frame("SIP/2.0 180 Ringing\r\nVia: SIP/2.0/UDP 192.0.2.2;branch=z9hG4bKp1\r\n"
                + "Record-Route: <sip:192.0.2.2;lr>\r\nFrom: <sip:alice@example.com>;tag=a1\r\n"
                + "To: <sip:bob@example.com>;tag=b1\r\nCall-ID: c1@x\r\nCSeq: 1 INVITE\r\n"
                + "Contact: <sip:bob@192.0.2.3:5062>\r\nContent-Length: 0\r\n\r\n");
        SipRequest received = (SipRequest) frame("INVITE sip:bob@127.0.0.1:7000 SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bKproxy\r\nVia: SIP/2.0/UDP 127.0.0.1:7001;branch=z9hG4bKr1c7.a1\r\n"
                + "Record-Route: <sip:127.0.0.1:5060;lr>\r\nFrom: <sip:alice@example.com>;tag=a1.r1c7\r\n"
                + "To: <sip:bob@example.com>\r\nCall-ID: r1c7-c1@x\r\nCSeq: 1 INVITE\r\nContent-Length: 0\r\n\r\n");
        SipResponse sent = (SipResponse) frame(new String(messages.response(recorded, received, LOCAL),
                StandardCharsets.US_ASCII));
        assertEquals(180, sent.statusCode());
        assertEquals(2, sent.vias().size());
        assertEquals("z9hG4bKproxy", sent.topVia().branch());
        assertEquals(List.of("<sip:127.0.0.1:5060;lr>"), sent.headerValues(HeaderName.RECORD_ROUTE));
        assertEquals("b1.r1c7", sent.to().tag());
        assertEquals("a1.r1c7", sent.from().tag());
        assertEquals("r1c7-c1@x", sent.callId());
        assertEquals("<sip:bob@127.0.0.1:7000>", sent.header(HeaderName.CONTACT));
        assertFalse(sent.toString().contains("192.0.2"), sent::toString);
        assertTrue(sent.toString().endsWith("Content-Length: 0\r\n\r\n"));
    }
}
