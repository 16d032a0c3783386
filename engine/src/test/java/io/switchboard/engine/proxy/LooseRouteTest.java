package io.switchboard.engine.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.transport.header.NameAddress;
import io.switchboard.transport.message.SipRequest;
import io.switchboard.transport.net.ListenAddress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code loose_route()} and the choice of the next hop (RFC 3261 §16.4, §16.6 steps 6–7). */
class LooseRouteTest {

    private final LooseRoute looseRoute = new LooseRoute(new LocalAddresses(
            List.of(ListenAddress.parse("udp:127.0.0.1:5060"), ListenAddress.parse("tcp:127.0.0.1:5060")),
            List.of("proxy.example.com")));

    @Test
    void withoutRouteNothingIsRouted() throws Exception {
        SipRequest bye = SipText.request(SipText.BYE);
        LooseRoute.Outcome out = looseRoute.process(bye);
        assertFalse(out.routed());
        assertSame(bye, out.request());
    }

    @Test
    void ourTopRouteIsRemovedByAddress() throws Exception {
        LooseRoute.Outcome out = looseRoute.process(bye("Route: <sip:127.0.0.1:5060;lr>", "Route: <sip:p2.example.org;lr>"));
        assertTrue(out.routed());
        assertEquals(List.of("sip:p2.example.org;lr"), routes(out.request()));
        assertEquals("sip:bob@192.0.2.20:5080", out.request().requestUriText());
    }

    @Test
    void ourTopRouteIsRemovedByAlias() throws Exception {
        LooseRoute.Outcome out = looseRoute.process(bye("Route: <sip:proxy.example.com;lr>, <sip:p2.example.org;lr>"));
        assertTrue(out.routed());
        assertEquals(List.of("sip:p2.example.org;lr"), routes(out.request()));
    }

    @Test
    void ourTopRouteWithoutPortMeans5060() throws Exception {
        LooseRoute.Outcome out = looseRoute.process(bye("Route: <sip:127.0.0.1;lr>"));
        assertTrue(out.routed());
        assertEquals(List.of(), routes(out.request()));
    }

    @Test
    void routeOnAnotherPortIsNotOurs() throws Exception {
        LooseRoute.Outcome out = looseRoute.process(bye("Route: <sip:127.0.0.1:5070;lr>"));
        assertTrue(out.routed());
        assertEquals(List.of("sip:127.0.0.1:5070;lr"), routes(out.request()));
    }

    @Test
    void bothEntriesOfADoubleRecordRouteAreRemoved() throws Exception {
        LooseRoute.Outcome out = looseRoute.process(bye(
                "Route: <sip:127.0.0.1:5060;lr;r2=on>,<sip:127.0.0.1:5060;transport=tcp;lr;r2=on>"));
        assertTrue(out.routed());
        assertEquals(List.of(), routes(out.request()));
    }

    @Test
    void aForeignThirdEntryAfterADoubleRecordRouteIsKept() throws Exception {
        LooseRoute.Outcome out = looseRoute.process(bye(
                "Route: <sip:127.0.0.1:5060;lr;r2=on>,<sip:127.0.0.1:5060;transport=tcp;lr;r2=on>",
                "Route: <sip:p2.example.org;lr>"));
        assertEquals(List.of("sip:p2.example.org;lr"), routes(out.request()));
    }

    @Test
    void foreignTopRouteIsKept() throws Exception {
        LooseRoute.Outcome out = looseRoute.process(bye("Route: <sip:p2.example.org;lr>, <sip:127.0.0.1:5060;lr>"));
        assertTrue(out.routed());
        assertEquals(List.of("sip:p2.example.org;lr", "sip:127.0.0.1:5060;lr"), routes(out.request()));
    }

    @Test
    void strictRouterRewriteIsUndone() throws Exception {
        String[] lines = SipText.with(SipText.BYE, "BYE", "BYE sip:127.0.0.1:5060 SIP/2.0");
        SipRequest bye = SipText.request(SipText.plus(lines,
                "Route: <sip:p2.example.org;lr>, <sip:bob@192.0.2.20:5080>"));
        LooseRoute.Outcome out = looseRoute.process(bye);
        assertTrue(out.routed());
        assertEquals("sip:bob@192.0.2.20:5080", out.request().requestUriText());
        assertEquals(List.of("sip:p2.example.org;lr"), routes(out.request()));
    }

    @Test
    void strictRouterRewriteWithOurRecordRouteUriIsUndone() throws Exception {
        String[] lines = SipText.with(SipText.BYE, "BYE", "BYE sip:127.0.0.1:5060;lr SIP/2.0");
        SipRequest bye = SipText.request(SipText.plus(lines, "Route: <sip:bob@192.0.2.20:5080>"));
        LooseRoute.Outcome out = looseRoute.process(bye);
        assertEquals("sip:bob@192.0.2.20:5080", out.request().requestUriText());
        assertEquals(List.of(), routes(out.request()));
    }

    @Test
    void otherHeadersSurviveRouteProcessing() throws Exception {
        SipRequest out = looseRoute.process(bye("Route: <sip:127.0.0.1:5060;lr>, <sip:p2.example.org;lr>")).request();
        assertEquals("call-1@192.0.2.10", out.callId());
        assertEquals("z9hG4bK-bye-1", out.topVia().branch());
        assertEquals("b1", out.to().tag());
    }

    @Test
    void looseNextHopIsTheTopRoute() throws Exception {
        SipRequest bye = bye("Route: <sip:p2.example.org;lr>, <sip:p3.example.org;lr>");
        LooseRoute.Forward forward = looseRoute.forward(bye);
        assertSame(bye, forward.request());
        assertEquals("sip:p2.example.org;lr", forward.target().toString());
    }

    @Test
    void strictNextHopBecomesTheRequestUri() throws Exception {
        SipRequest bye = bye("Route: <sip:p2.example.org>, <sip:p3.example.org;lr>");
        LooseRoute.Forward forward = looseRoute.forward(bye);
        SipRequest out = forward.request();
        assertEquals("sip:p2.example.org", out.requestUriText());
        assertEquals("sip:p2.example.org", forward.target().toString());
        assertEquals(List.of("sip:p3.example.org;lr", "sip:bob@192.0.2.20:5080"), routes(out));
    }

    @Test
    void strictNextHopAsTheOnlyRoute() throws Exception {
        LooseRoute.Forward forward = looseRoute.forward(bye("Route: <sip:p2.example.org:5090>"));
        assertEquals("sip:p2.example.org:5090", forward.request().requestUriText());
        assertEquals(List.of("sip:bob@192.0.2.20:5080"), routes(forward.request()));
    }

    @Test
    void withoutRouteTheNextHopIsTheRequestUri() throws Exception {
        SipRequest bye = SipText.request(SipText.BYE);
        LooseRoute.Forward forward = looseRoute.forward(bye);
        assertSame(bye, forward.request());
        assertEquals("sip:bob@192.0.2.20:5080", forward.target().toString());
    }

    private static SipRequest bye(String... routes) {
        return SipText.request(SipText.plus(SipText.BYE, routes));
    }

    /** The Route URIs in order, across lines and comma-separated values. */
    private static List<String> routes(SipRequest request) throws Exception {
        List<String> out = new ArrayList<>();
        for (NameAddress route : request.routes()) {
            out.add(route.uri().toString());
        }
        return out;
    }
}
