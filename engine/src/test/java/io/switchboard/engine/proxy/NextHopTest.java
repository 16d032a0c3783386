package io.switchboard.engine.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.switchboard.transport.header.Via;
import io.switchboard.transport.net.Transport;
import io.switchboard.transport.uri.Uri;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

/** Where a request (by URI, RFC 3263 without DNS records) or a response (by Via, §18.2.2) goes. */
class NextHopTest {

    @Test
    void udpByDefaultOnPort5060() throws Exception {
        assertHop(Transport.UDP, "127.0.0.1", 5060, NextHop.of(Uri.parse("sip:bob@127.0.0.1")));
    }

    @Test
    void portOfTheUri() throws Exception {
        assertHop(Transport.UDP, "127.0.0.1", 5080, NextHop.of(Uri.parse("sip:bob@127.0.0.1:5080")));
    }

    @Test
    void transportParameterChoosesTcp() throws Exception {
        assertHop(Transport.TCP, "127.0.0.1", 5060, NextHop.of(Uri.parse("sip:bob@127.0.0.1;transport=tcp")));
        assertHop(Transport.TCP, "127.0.0.1", 5060, NextHop.of(Uri.parse("sip:bob@127.0.0.1;transport=TCP")));
        assertHop(Transport.UDP, "127.0.0.1", 5060, NextHop.of(Uri.parse("sip:bob@127.0.0.1;transport=udp")));
    }

    @Test
    void sipsDefaultsToPort5061() throws Exception {
        assertEquals(5061, NextHop.of(Uri.parse("sips:bob@127.0.0.1")).address().getPort());
    }

    @Test
    void maddrWinsOverTheHost() throws Exception {
        assertHop(Transport.UDP, "127.0.0.2", 5080, NextHop.of(Uri.parse("sip:bob@192.0.2.1:5080;maddr=127.0.0.2")));
    }

    @Test
    void ipv6Host() throws Exception {
        NextHop hop = NextHop.of(Uri.parse("sip:bob@[::1]:5070"));
        assertEquals(new InetSocketAddress("::1", 5070), hop.address());
    }

    @Test
    void telUriIsUnroutable416() throws Exception {
        NextHop.UnroutableException e = assertThrows(NextHop.UnroutableException.class,
                () -> NextHop.of(Uri.parse("tel:+15551234567")));
        assertEquals(416, e.statusCode());
    }

    @Test
    void otherSchemeIsUnroutable416() throws Exception {
        NextHop.UnroutableException e = assertThrows(NextHop.UnroutableException.class,
                () -> NextHop.of(Uri.parse("http://example.com/")));
        assertEquals(416, e.statusCode());
    }

    @Test
    void unknownTransportIs478() throws Exception {
        NextHop.UnroutableException e = assertThrows(NextHop.UnroutableException.class,
                () -> NextHop.of(Uri.parse("sip:bob@127.0.0.1;transport=sctp")));
        assertEquals(478, e.statusCode());
    }

    @Test
    void unresolvableHostIs478() throws Exception {
        NextHop.UnroutableException e = assertThrows(NextHop.UnroutableException.class,
                () -> NextHop.of(Uri.parse("sip:x@no-such-host.invalid")));
        assertEquals(478, e.statusCode());
    }

    @Test
    void viaWithReceivedAndRport() throws Exception {
        Via via = Via.parse("SIP/2.0/UDP 192.0.2.10:5070;branch=z9hG4bK-1;received=127.0.0.3;rport=40123");
        assertHop(Transport.UDP, "127.0.0.3", 40123, NextHop.of(via));
    }

    @Test
    void viaWithReceivedOnlyKeepsTheSentByPort() throws Exception {
        Via via = Via.parse("SIP/2.0/UDP 192.0.2.10:5070;branch=z9hG4bK-1;received=127.0.0.3");
        assertHop(Transport.UDP, "127.0.0.3", 5070, NextHop.of(via));
    }

    @Test
    void viaWithoutReceivedIsTheSentBy() throws Exception {
        assertHop(Transport.UDP, "127.0.0.1", 5070, NextHop.of(Via.parse("SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bK-1")));
        assertHop(Transport.TCP, "127.0.0.1", 5060, NextHop.of(Via.parse("SIP/2.0/TCP 127.0.0.1;branch=z9hG4bK-1")));
    }

    @Test
    void viaWithEmptyRportUsesTheSentByPort() throws Exception {
        assertHop(Transport.UDP, "127.0.0.1", 5070, NextHop.of(Via.parse("SIP/2.0/UDP 127.0.0.1:5070;rport;branch=z9hG4bK-1")));
    }

    @Test
    void viaWithMaddrOverUdpGoesThereAtTheSentByPort() throws Exception {
        Via via = Via.parse("SIP/2.0/UDP 192.0.2.10:5070;branch=z9hG4bK-1;maddr=127.0.0.4;received=127.0.0.3;rport=40123");
        assertHop(Transport.UDP, "127.0.0.4", 5070, NextHop.of(via));
        assertHop(Transport.UDP, "127.0.0.4", 5060, NextHop.of(Via.parse("SIP/2.0/UDP 192.0.2.10;maddr=127.0.0.4")));
    }

    @Test
    void viaWithMaddrOverTcpStaysWithTheSender() throws Exception {
        Via via = Via.parse("SIP/2.0/TCP 192.0.2.10:5070;branch=z9hG4bK-1;maddr=127.0.0.4;received=127.0.0.3;rport=40123");
        assertHop(Transport.TCP, "127.0.0.3", 40123, NextHop.of(via));
    }

    @Test
    void viaWithUnsupportedTransportIs478() throws Exception {
        NextHop.UnroutableException e = assertThrows(NextHop.UnroutableException.class,
                () -> NextHop.of(Via.parse("SIP/2.0/SCTP 127.0.0.1;branch=z9hG4bK-1")));
        assertEquals(478, e.statusCode());
    }

    private static void assertHop(Transport transport, String address, int port, NextHop hop) {
        assertEquals(transport, hop.transport());
        assertEquals(new InetSocketAddress(address, port), hop.address());
    }
}
