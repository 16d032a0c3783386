package io.switchboard.engine.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.transport.net.ListenAddress;
import io.switchboard.transport.net.Transport;
import io.switchboard.transport.uri.SipUri;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which URIs name this proxy (Kamailio's {@code myself}). */
class LocalAddressesTest {

    private static final ListenAddress UDP = ListenAddress.parse("udp:127.0.0.1:5060");
    private static final ListenAddress TCP = ListenAddress.parse("tcp:127.0.0.1:5060");

    private final LocalAddresses local = new LocalAddresses(List.of(UDP, TCP),
            List.of("proxy.example.com", "edge.example.com:5080", "[2001:db8::5]:5062", "[2001:db8::6]"));

    @Test
    void listenerHostAndPortAreOurs() throws Exception {
        assertTrue(ours("sip:127.0.0.1:5060"));
        assertTrue(ours("sip:bob@127.0.0.1:5060;transport=tcp"));
        assertTrue(local.isOurs("127.0.0.1", 5060));
    }

    @Test
    void missingPortMeans5060() throws Exception {
        assertTrue(ours("sip:127.0.0.1"));
        assertTrue(ours("sip:127.0.0.1;lr"));
    }

    @Test
    void sipsWithoutPortMeans5061() throws Exception {
        assertFalse(ours("sips:127.0.0.1"));
    }

    @Test
    void otherPortOrHostIsNotOurs() throws Exception {
        assertFalse(ours("sip:127.0.0.1:5070"));
        assertFalse(ours("sip:127.0.0.2:5060"));
        assertFalse(ours("sip:bob@example.com"));
    }

    @Test
    void aliasWithoutPortMatchesEveryPort() throws Exception {
        assertTrue(ours("sip:proxy.example.com"));
        assertTrue(ours("sip:proxy.example.com:5099"));
        assertTrue(ours("sip:PROXY.Example.COM;lr"));
    }

    @Test
    void aliasWithPortMatchesThatPortOnly() throws Exception {
        assertTrue(ours("sip:edge.example.com:5080"));
        assertFalse(ours("sip:edge.example.com"));
        assertFalse(ours("sip:edge.example.com:5060"));
    }

    @Test
    void ipv6Aliases() throws Exception {
        assertTrue(ours("sip:[2001:db8::5]:5062"));
        assertFalse(ours("sip:[2001:db8::5]"));
        assertTrue(ours("sip:[2001:db8::6]:7000"));
        assertTrue(local.isOurs("2001:db8::6", 5060));
    }

    @Test
    void ipv6ListenerMatchesItsBracketedReference() throws Exception {
        LocalAddresses v6 = new LocalAddresses(List.of(ListenAddress.parse("udp:[::1]:5060")), List.of());
        assertTrue(v6.isOurs(SipUri.parse("sip:[::1]:5060")));
        assertTrue(v6.isOurs(SipUri.parse("sip:[::1]")));
        assertTrue(v6.isOurs("::1", 5060));
        assertFalse(v6.isOurs(SipUri.parse("sip:[::1]:5070")));
    }

    /**
     * Hosts are compared as text, not as addresses: the long form of an IPv6 address (and IPv4
     * written another way) is not recognised. Documented here; listeners and aliases must be
     * written the way peers write them.
     */
    @Test
    void ipv6LongFormIsNotRecognised() throws Exception {
        LocalAddresses v6 = new LocalAddresses(List.of(ListenAddress.parse("udp:[::1]:5060")), List.of());
        assertFalse(v6.isOurs(SipUri.parse("sip:[0:0:0:0:0:0:0:1]:5060")));
    }

    @Test
    void listenerByTransport() {
        assertEquals(UDP, local.listener(Transport.UDP));
        assertEquals(TCP, local.listener(Transport.TCP));
        assertTrue(local.has(Transport.TCP));
    }

    @Test
    void firstListenerOfATransportIsUsed() {
        ListenAddress second = ListenAddress.parse("udp:127.0.0.2:5060");
        LocalAddresses two = new LocalAddresses(List.of(UDP, second), List.of());
        assertEquals(UDP, two.listener(Transport.UDP));
        assertTrue(two.isOurs("127.0.0.2", 5060));
    }

    @Test
    void missingTransportHasNoListener() {
        LocalAddresses udpOnly = new LocalAddresses(List.of(UDP), List.of());
        assertFalse(udpOnly.has(Transport.TCP));
        assertThrows(IllegalStateException.class, () -> udpOnly.listener(Transport.TCP));
    }

    @Test
    void uriHostBracketsIpv6() {
        assertEquals("127.0.0.1", LocalAddresses.uriHost(UDP));
        assertEquals("[::1]", LocalAddresses.uriHost(ListenAddress.parse("tcp:[::1]:5060")));
    }

    @Test
    void recordRouteNamesTheFirstAliasWithTheListenersPortWhenItHasNone() {
        assertEquals(new ListenAddress(Transport.UDP, "proxy.example.com", 5060), local.advertised(UDP));
        assertEquals("<sip:proxy.example.com:5060;transport=tcp;lr>",
                RecordRoute.values(local.advertised(TCP), local.advertised(TCP), null)[0]);
        LocalAddresses cluster = new LocalAddresses(List.of(UDP), List.of("[2001:db8::5]:5062", "proxy.example.com"));
        assertEquals("<sip:[2001:db8::5]:5062;lr;did=a3.1f2e>",
                RecordRoute.values(cluster.advertised(UDP), cluster.advertised(UDP), "did=a3.1f2e")[0]);
    }

    @Test
    void withoutAliasesRecordRouteNamesTheListener() {
        assertEquals(UDP, new LocalAddresses(List.of(UDP), List.of()).advertised(UDP));
    }

    @Test
    void unbracketedIpv6AliasIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new LocalAddresses(List.of(UDP), List.of("2001:db8::7")));
    }

    @Test
    void badInputIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new LocalAddresses(List.of(), List.of()));
        assertThrows(IllegalArgumentException.class, () -> new LocalAddresses(List.of(UDP), List.of("proxy:http")));
    }

    private boolean ours(String uri) throws Exception {
        return local.isOurs(SipUri.parse(uri));
    }
}
