package io.switchboard.transport.transaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class HopTest {

    private static final InetSocketAddress ADDRESS = new InetSocketAddress("192.0.2.1", 5060);

    @Test
    void onlyUdpIsUnreliable() {
        assertFalse(new Hop("UDP", ADDRESS).reliable());
        assertFalse(new Hop("udp", ADDRESS).reliable());
        assertTrue(new Hop("TCP", ADDRESS).reliable());
        assertTrue(new Hop("TLS", ADDRESS).reliable());
        assertTrue(new Hop("SCTP", ADDRESS).reliable());
    }

    @Test
    void keepsTheTransportNameInUpperCase() {
        Hop hop = new Hop("tls", ADDRESS);
        assertEquals("TLS", hop.transport());
        assertEquals(new Hop("TLS", ADDRESS), hop);
    }

    @Test
    void needsATransportAndAnAddress() {
        assertThrows(NullPointerException.class, () -> new Hop(null, ADDRESS));
        assertThrows(NullPointerException.class, () -> new Hop("UDP", null));
        assertThrows(IllegalArgumentException.class, () -> new Hop(" ", ADDRESS));
    }
}
