package io.switchboard.transport.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ListenAddressTest {

    @Test
    void parsesIpv4() {
        assertEquals(new ListenAddress(Transport.UDP, "127.0.0.1", 5060), ListenAddress.parse("udp:127.0.0.1:5060"));
    }

    @Test
    void parsesIpv6InBrackets() {
        ListenAddress address = ListenAddress.parse("tcp:[::1]:5061");
        assertEquals(new ListenAddress(Transport.TCP, "::1", 5061), address);
        assertEquals("tcp:[::1]:5061", address.toString());
    }

    @Test
    void defaultsThePortAndIgnoresCase() {
        assertEquals(new ListenAddress(Transport.TCP, "sip.example.com", 5060), ListenAddress.parse("TCP:sip.example.com"));
        assertEquals(new ListenAddress(Transport.UDP, "::", 5060), ListenAddress.parse("udp:[::]"));
    }

    @Test
    void roundTripsThroughToString() {
        for (String text : new String[] {"udp:127.0.0.1:0", "tcp:[::1]:5060", "udp:0.0.0.0:5080"}) {
            assertEquals(text, ListenAddress.parse(text).toString());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "127.0.0.1:5060", "sctp:127.0.0.1:5060", "udp:", "udp:::1:5060", "udp:[::1",
            "udp:[::1]5060", "udp:127.0.0.1:99999", "udp:127.0.0.1:x", "udp:127.0.0.1:", "tcp:[127.0.0.1]:5060",
            "udp:a b:5060"})
    void rejectsNamingTheValue(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ListenAddress.parse(text));
        assertTrue(e.getMessage().contains("'" + text + "'"), e.getMessage());
    }
}
