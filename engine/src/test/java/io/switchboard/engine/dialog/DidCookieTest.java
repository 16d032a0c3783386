package io.switchboard.engine.dialog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.actors.dialog.Dialogs;
import io.switchboard.actors.dialog.MatchMode;
import io.switchboard.engine.proxy.LocalAddresses;
import io.switchboard.engine.proxy.SipText;
import io.switchboard.transport.message.SipRequest;
import io.switchboard.transport.net.ListenAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The dialog cookie in this proxy's Record-Route and Route entries (seed manual 001, 6.3, 6.11). */
class DidCookieTest {

    private static final LocalAddresses LOCAL = new LocalAddresses(
            List.of(ListenAddress.parse("udp:127.0.0.1:5060"), ListenAddress.parse("tcp:192.0.2.1:5060")), List.of());
    private static final DidCookie FALLBACK = new DidCookie("did", MatchMode.DID_FALLBACK);

    private static SipRequest bye(String... routes) {
        return SipText.request(SipText.plus(SipText.BYE, routes));
    }

    @Test
    void theRecordRouteParameterIsTheDidOfTheCallIdUnderRrParam() {
        assertEquals("did=" + Dialogs.did("call-1@192.0.2.10"), FALLBACK.recordRouteParameter("call-1@192.0.2.10"));
        assertEquals("xyz=" + Dialogs.did("c"), new DidCookie("xyz", MatchMode.DID_ONLY).recordRouteParameter("c"));
        assertNull(new DidCookie("did", MatchMode.DID_NONE).recordRouteParameter("c"), "mode 2 adds no cookie");
    }

    @Test
    void theCookieIsReadFromOurTopRouteEntry() {
        assertEquals("a3.1f2e", FALLBACK.find(bye("Route: <sip:127.0.0.1:5060;lr;did=a3.1f2e>",
                "Route: <sip:downstream.example.org;lr>"), LOCAL));
        assertEquals("a3.1f2e", FALLBACK.find(bye("Route: <sip:127.0.0.1:5060;lr;did=a3.1f2e>, <sip:p2.example.org;lr>"),
                LOCAL), "entries of one header line");
    }

    @Test
    void aDoubleRecordRouteCarriesTheCookieInEitherOfOurEntries() {
        assertEquals("a3.1f2e", FALLBACK.find(bye("Route: <sip:192.0.2.1:5060;transport=tcp;lr;r2=on>",
                "Route: <sip:127.0.0.1:5060;lr;r2=on;did=a3.1f2e>"), LOCAL));
    }

    @Test
    void entriesThatAreNotOursAreNotLookedInto() {
        assertNull(FALLBACK.find(bye("Route: <sip:upstream.example.net;lr;did=a3.1f2e>",
                "Route: <sip:127.0.0.1:5060;lr;did=ffff.1>"), LOCAL), "the top entry is someone else's");
        assertNull(FALLBACK.find(bye("Route: <sip:127.0.0.1:5060;lr>"), LOCAL), "our entry without a cookie");
        assertNull(FALLBACK.find(bye("Route: <sip:127.0.0.1:5060;lr;did>"), LOCAL), "an empty cookie");
        assertNull(FALLBACK.find(bye(), LOCAL), "no Route at all");
        assertNull(FALLBACK.find(bye("Route: <sip:127.0.0.1:5060;lr;did=a3.1f2e"), LOCAL), "a Route that does not parse");
    }

    @Test
    void aStrictRouterBeforeUsPutsOurEntryInTheRequestUri() {
        SipRequest rewritten = SipText.request(SipText.plus(SipText.with(SipText.BYE, "BYE",
                "BYE sip:127.0.0.1:5060;did=a3.1f2e SIP/2.0"), "Route: <sip:bob@192.0.2.20:5080>"));
        assertEquals("a3.1f2e", FALLBACK.find(rewritten, LOCAL));
    }

    @Test
    void modeTwoLooksForNoCookie() {
        assertNull(new DidCookie("did", MatchMode.DID_NONE).find(bye("Route: <sip:127.0.0.1:5060;lr;did=a3.1f2e>"),
                LOCAL));
        assertEquals("x", new DidCookie("xyz", MatchMode.DID_ONLY).find(bye("Route: <sip:127.0.0.1:5060;lr;xyz=x>"),
                LOCAL), "rr-param names the parameter");
    }

    @Test
    void withoutACookieOnlyModeZeroCannotMatch() {
        assertFalse(new DidCookie("did", MatchMode.DID_ONLY).canMatch(null));
        assertTrue(new DidCookie("did", MatchMode.DID_ONLY).canMatch("a3.1f2e"));
        assertTrue(FALLBACK.canMatch(null));
        assertTrue(new DidCookie("did", MatchMode.DID_NONE).canMatch(null));
    }
}
