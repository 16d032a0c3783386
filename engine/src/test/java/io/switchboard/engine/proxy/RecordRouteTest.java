package io.switchboard.engine.proxy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.switchboard.transport.net.ListenAddress;
import org.junit.jupiter.api.Test;

/** The Record-Route values (RFC 3261 §16.6 step 4; RFC 5658 double Record-Route). */
class RecordRouteTest {

    private static final ListenAddress UDP = ListenAddress.parse("udp:127.0.0.1:5060");
    private static final ListenAddress TCP = ListenAddress.parse("tcp:127.0.0.1:5060");

    @Test
    void sameListenerGivesOneValue() {
        assertArrayEquals(new String[] {"<sip:127.0.0.1:5060;lr>"}, RecordRoute.values(UDP, UDP, null));
        assertArrayEquals(new String[] {"<sip:127.0.0.1:5060;transport=tcp;lr>"}, RecordRoute.values(TCP, TCP, null));
    }

    @Test
    void udpInTcpOutGivesOutboundThenInbound() {
        assertArrayEquals(new String[] {
            "<sip:127.0.0.1:5060;transport=tcp;lr;r2=on>",
            "<sip:127.0.0.1:5060;lr;r2=on>",
        }, RecordRoute.values(UDP, TCP, null));
    }

    @Test
    void tcpInUdpOutGivesOutboundThenInbound() {
        assertArrayEquals(new String[] {
            "<sip:127.0.0.1:5060;lr;r2=on>",
            "<sip:127.0.0.1:5060;transport=tcp;lr;r2=on>",
        }, RecordRoute.values(TCP, UDP, null));
    }

    @Test
    void otherInterfaceOnTheSameTransportIsDoubled() {
        ListenAddress outside = ListenAddress.parse("udp:192.0.2.1:5060");
        assertArrayEquals(new String[] {"<sip:192.0.2.1:5060;lr;r2=on>", "<sip:127.0.0.1:5060;lr;r2=on>"},
                RecordRoute.values(UDP, outside, null));
    }

    @Test
    void ipv6HostIsBracketed() {
        ListenAddress v6 = ListenAddress.parse("udp:[2001:db8::1]:5062");
        assertArrayEquals(new String[] {"<sip:[2001:db8::1]:5062;lr>"}, RecordRoute.values(v6, v6, null));
        assertArrayEquals(new String[] {"<sip:[2001:db8::1]:5062;lr;r2=on>", "<sip:127.0.0.1:5060;lr;r2=on>"},
                RecordRoute.values(UDP, v6, null));
    }

    @Test
    void theDialogCookieGoesIntoEveryValue() {
        assertArrayEquals(new String[] {"<sip:127.0.0.1:5060;lr;did=a3.1f2e>"}, RecordRoute.values(UDP, UDP, "did=a3.1f2e"));
        assertArrayEquals(new String[] {
            "<sip:127.0.0.1:5060;transport=tcp;lr;r2=on;did=a3.1f2e>",
            "<sip:127.0.0.1:5060;lr;r2=on;did=a3.1f2e>",
        }, RecordRoute.values(UDP, TCP, "did=a3.1f2e"));
    }
}
