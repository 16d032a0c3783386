package io.switchboard.engine.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.switchboard.transport.header.Via;
import io.switchboard.transport.message.HeaderName;
import io.switchboard.transport.message.SipRequest;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code received} and {@code rport} on the top Via (RFC 3261 §18.2.1, RFC 3581 §4). */
class ReceivedViaTest {

    private static final InetSocketAddress SENT_BY = new InetSocketAddress("192.0.2.10", 5070);
    private static final InetSocketAddress NAT = new InetSocketAddress("198.51.100.7", 40123);

    @Test
    void matchingHostWithoutRportLeavesTheRequestAsItIs() throws Exception {
        SipRequest invite = withVia("Via: SIP/2.0/UDP 192.0.2.10:5070;branch=z9hG4bK-1");
        assertSame(invite, ReceivedVia.apply(invite, SENT_BY));
    }

    @Test
    void otherSourceAddressAddsReceived() throws Exception {
        SipRequest out = ReceivedVia.apply(withVia("Via: SIP/2.0/UDP 192.0.2.10:5070;branch=z9hG4bK-1"), NAT);
        Via top = out.topVia();
        assertEquals("198.51.100.7", top.received());
        assertEquals("192.0.2.10", top.host());
        assertEquals(5070, top.port());
        assertEquals("z9hG4bK-1", top.branch());
        assertEquals(-1, top.rport());
    }

    @Test
    void hostNameInSentByAddsReceived() throws Exception {
        SipRequest out = ReceivedVia.apply(withVia("Via: SIP/2.0/UDP alice-pc.example.com;branch=z9hG4bK-1"), SENT_BY);
        assertEquals("192.0.2.10", out.topVia().received());
    }

    @Test
    void emptyRportIsFilledWithTheSourcePort() throws Exception {
        SipRequest out = ReceivedVia.apply(withVia("Via: SIP/2.0/UDP 192.0.2.10:5070;rport;branch=z9hG4bK-1"), NAT);
        Via top = out.topVia();
        assertEquals(40123, top.rport());
        assertEquals("198.51.100.7", top.received());
    }

    @Test
    void rportIsFilledEvenWhenTheHostMatches() throws Exception {
        InetSocketAddress samehostOtherPort = new InetSocketAddress("192.0.2.10", 6000);
        SipRequest out = ReceivedVia.apply(withVia("Via: SIP/2.0/UDP 192.0.2.10:5070;rport;branch=z9hG4bK-1"),
                samehostOtherPort);
        assertEquals(6000, out.topVia().rport());
        assertEquals("192.0.2.10", out.topVia().received());
    }

    @Test
    void rportWithAValueIsLeftAlone() throws Exception {
        SipRequest invite = withVia("Via: SIP/2.0/UDP 192.0.2.10:5070;rport=5070;branch=z9hG4bK-1");
        assertSame(invite, ReceivedVia.apply(invite, SENT_BY));
    }

    @Test
    void otherViaValuesAreUntouched() throws Exception {
        SipRequest invite = withVia("Via: SIP/2.0/UDP 192.0.2.10:5070;rport;branch=z9hG4bK-1, SIP/2.0/TCP 192.0.2.9;branch=z9hG4bK-a",
                "Via: SIP/2.0/UDP 192.0.2.8:5062;branch=z9hG4bK-b;received=192.0.2.88");
        SipRequest out = ReceivedVia.apply(invite, NAT);
        List<Via> vias = out.vias();
        assertEquals(3, vias.size());
        assertEquals("198.51.100.7", vias.get(0).received());
        assertEquals(Via.parse("SIP/2.0/TCP 192.0.2.9;branch=z9hG4bK-a"), vias.get(1));
        assertNull(vias.get(1).received());
        assertEquals(Via.parse("SIP/2.0/UDP 192.0.2.8:5062;branch=z9hG4bK-b;received=192.0.2.88"), vias.get(2));
        assertEquals(invite.header(HeaderName.CALL_ID), out.header(HeaderName.CALL_ID));
        assertEquals(invite.requestUriText(), out.requestUriText());
    }

    @Test
    void bracketedIpv6SentByMatchingTheSourceLeavesTheRequestAsItIs() throws Exception {
        SipRequest invite = withVia("Via: SIP/2.0/UDP [2001:db8::10]:5070;branch=z9hG4bK-1");
        InetSocketAddress source = new InetSocketAddress("2001:db8:0:0:0:0:0:10", 5070);
        assertSame(invite, ReceivedVia.apply(invite, source));
    }

    private static SipRequest withVia(String... vias) {
        String[] lines = SipText.without(SipText.INVITE, "Via:");
        String[] out = new String[lines.length + vias.length];
        out[0] = lines[0];
        System.arraycopy(vias, 0, out, 1, vias.length);
        System.arraycopy(lines, 1, out, 1 + vias.length, lines.length - 1);
        return SipText.request(out);
    }
}
