package io.switchboard.actors.dispatcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Kamailio's {@code ds_get_hash} and the URI keys of seed manual 002, 3.9. The expected values
 * come from a C transcription of the algorithm compiled with gcc on x86-64 (signed {@code char}).
 */
class DsHashTest {

    private static long unsigned(int hash) {
        return Integer.toUnsignedLong(hash);
    }

    @Test
    void matchesTheCImplementation() {
        assertEquals(2175018094L, unsigned(DsHash.of("a84b4c76e66710@pc33.atlanta.com", null)));
        assertEquals(1053853112L, unsigned(DsHash.of("alice", "atlanta.com")));
        assertEquals(1220057865L, unsigned(DsHash.of("bob", "biloxi.com:5070")));
        assertEquals(1834153949L, unsigned(DsHash.of("alice", null)));
        assertEquals(7167810L, unsigned(DsHash.of("abc", null)));
    }

    @Test
    void bytesAboveAsciiAreSignedAsInC() {
        assertEquals(3139016441L, unsigned(DsHash.of("\u00e9t\u00e9", null)));
    }

    @Test
    void neverZero() {
        assertEquals(1, DsHash.of("", null));
        assertEquals(0, DsHash.of(null, null), "nothing to hash at all is 0, as in Kamailio");
    }

    @Test
    void aUriHashesUserAndHost() {
        assertEquals(DsHash.of("alice", "atlanta.com"), DsHash.ofUri("sip:alice@atlanta.com", false).getAsInt());
    }

    @Test
    void theDefaultPortIsLeftOut() {
        int plain = DsHash.ofUri("sip:alice@atlanta.com", false).getAsInt();
        assertEquals(plain, DsHash.ofUri("sip:alice@atlanta.com:5060", false).getAsInt());
        assertEquals(plain, DsHash.ofUri("sips:alice@atlanta.com:5061", false).getAsInt());
        assertEquals(DsHash.of("alice", "atlanta.com:5061"), DsHash.ofUri("sip:alice@atlanta.com:5061", false)
                .getAsInt(), "5061 is only the default of sips");
        assertEquals(DsHash.of("bob", "biloxi.com:5070"), DsHash.ofUri("sip:bob@biloxi.com:5070", false).getAsInt());
    }

    @Test
    void parametersDoNotCount() {
        assertEquals(DsHash.ofUri("sip:alice@atlanta.com", false), DsHash.ofUri("sip:alice@atlanta.com;transport=tcp",
                false));
    }

    @Test
    void flagOneHashesTheUserOnly() {
        assertEquals(DsHash.of("alice", null), DsHash.ofUri("sip:alice@atlanta.com:5070", true).getAsInt());
        assertEquals(DsHash.ofUri("sip:alice@a.example.com", true), DsHash.ofUri("sip:alice@b.example.com", true));
    }

    @Test
    void aUriWithoutUserHashesItsHost() {
        assertEquals(DsHash.of(null, "gw.example.com"), DsHash.ofUri("sip:gw.example.com", false).getAsInt());
    }

    @Test
    void notASipUriHasNoHash() {
        assertTrue(DsHash.ofUri("tel:+15551234", false).isEmpty());
        assertTrue(DsHash.ofUri(null, false).isEmpty());
    }
}
