package io.switchboard.engine.dispatcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.engine.proxy.SipText;
import io.switchboard.transport.message.SipRequest;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

/** {@code hash_pvar} (seed manual 002, 3.17) filled from a request. */
class HashPvarTest {

    private static final SipRequest INVITE = SipText.request(SipText.plus(SipText.INVITE,
            "Proxy-Authorization: Digest username=\"alice\", realm=\"example.com\", nonce=\"n\", uri=\"sip:bob@example.com\", response=\"r\"",
            "X-Account: 4711"));
    private static final InetSocketAddress SOURCE = new InetSocketAddress("192.0.2.10", 5070);

    private static String fill(String template) {
        return HashPvar.parse(template).fill(INVITE, SOURCE);
    }

    @Test
    void theManualsExample() {
        assertEquals("hash the alice@call-1@192.0.2.10", fill("hash the $fU@$ci"));
    }

    @Test
    void everyVariable() {
        assertEquals("sip:alice@example.com|alice|example.com|a1", fill("$fu|$fU|$fd|$ft"));
        assertEquals("sip:bob@example.com|bob|example.com", fill("$tu|$tU|$td"));
        assertEquals("sip:bob@192.0.2.20:5080|bob|192.0.2.20|5080", fill("$ru|$rU|$rd|$rp"));
        assertEquals("192.0.2.10:5070 INVITE 1 alice", fill("$si:$sp $rm $cs $au"));
        assertEquals("acct 4711", fill("acct $hdr(X-Account)"));
    }

    @Test
    void whatTheRequestLacksIsPrintedNull() {
        assertEquals("<null>", fill("$hdr(X-Missing)"));
        assertEquals("<null>", HashPvar.parse("$au").fill(SipText.request(SipText.INVITE), SOURCE));
    }

    @Test
    void unknownVariablesAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HashPvar.parse("$avp(i:273)"));
        assertTrue(e.getMessage().contains("$avp"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> HashPvar.parse("$hdr(X-Account"));
    }

    @Test
    void emptyIsNothing() {
        assertTrue(HashPvar.parse("").isEmpty());
    }
}
