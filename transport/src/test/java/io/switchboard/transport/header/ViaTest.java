package io.switchboard.transport.header;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.transport.parse.SipParseException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ViaTest {

    @Test
    void readsEveryPart() throws Exception {
        Via via = Via.parse("SIP/2.0/TCP client.atlanta.example.com:5070;branch=z9hG4bK74bf9;received=192.0.2.101;rport=5071;maddr=224.2.0.1;ttl=16");
        assertEquals("SIP", via.protocolName());
        assertEquals("2.0", via.protocolVersion());
        assertEquals("TCP", via.transport());
        assertEquals("client.atlanta.example.com", via.host());
        assertEquals(5070, via.port());
        assertEquals("z9hG4bK74bf9", via.branch());
        assertTrue(via.hasRfc3261Branch());
        assertEquals("192.0.2.101", via.received());
        assertEquals(5071, via.rport());
        assertEquals("224.2.0.1", via.maddr());
        assertEquals("16", via.parameters().get("TTL"));
    }

    @Test
    void whitespaceAroundSeparatorsIsAllowed() throws Exception {
        Via via = Via.parse("SIP  /   2.0 /UDP   192.0.2.2 ; branch = 390skdjuw ;rport");
        assertEquals("UDP", via.transport());
        assertEquals("192.0.2.2", via.host());
        assertEquals(-1, via.port());
        assertEquals("390skdjuw", via.branch());
        assertFalse(via.hasRfc3261Branch());
        assertTrue(via.hasRport());
        assertEquals(-1, via.rport());
    }

    @Test
    void ipv6SentBy() throws Exception {
        Via via = Via.parse("SIP/2.0/UDP [2001:db8::9:1]:5062;branch=z9hG4bKas3;received=2001:db8::9:255");
        assertEquals("[2001:db8::9:1]", via.host());
        assertEquals(5062, via.port());
        assertEquals("2001:db8::9:255", via.received());
    }

    @Test
    void severalValuesOnOneLine() throws Exception {
        List<Via> vias = Via.parseAll("SIP/2.0/UDP a.example;branch=z9hG4bK1 , SIP/2.0/TLS b.example:5061;branch=z9hG4bK2");
        assertEquals(2, vias.size());
        assertEquals("b.example", vias.get(1).host());
        assertEquals(5061, vias.get(1).port());
    }

    @Test
    void changedCopiesRender() throws Exception {
        Via via = Via.parse("SIP/2.0/UDP a.example:5060;branch=z9hG4bK1;rport");
        assertEquals("SIP/2.0/UDP a.example:5060;branch=z9hG4bK1;rport=4000;received=10.0.0.1",
                via.withRport(4000).withReceived("10.0.0.1").toString());
        assertEquals("SIP/2.0/UDP p.example:5060;branch=z9hG4bKx", Via.of("udp", "p.example", 5060, "z9hG4bKx").toString());
        assertNull(via.received());
    }

    @Test
    void rejectsMalformedValues() {
        String[] bad = {
            "SIP/2.0/UDP 192.0.2.15;;,;,,", "SIP/2.0 a.example", "SIP/2.0/UDP", "SIP/2.0/UDP a.example:99999",
            "SIP/2.0/UDP [::1;branch=1", "SIP/2.0/UDP a.example;=x", "SIP/2.0/UDP a.example junk",
        };
        for (String value : bad) {
            SipParseException e = assertThrows(SipParseException.class, () -> Via.parseAll(value), value);
            assertTrue(e.getMessage().startsWith("Via header"), e.getMessage());
        }
    }
}
