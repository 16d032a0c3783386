package io.switchboard.engine.route;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.switchboard.engine.config.ConfigLoader;
import io.switchboard.engine.proxy.MaxForwards;
import io.switchboard.engine.proxy.SipText;
import io.switchboard.transport.message.HeaderName;
import io.switchboard.transport.message.MessageBuilder;
import io.switchboard.transport.message.SipRequest;
import io.switchboard.transport.message.SipResponse;
import io.switchboard.transport.net.Transport;
import io.switchboard.transport.parse.SipParseException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The built-in {@code proxy} route, through recording contexts. */
class ProxyRouteTest {

    private static final String TWO_DESTINATIONS =
            "switchboard.proxy.destinations = [\"sip:127.0.0.1:5071\", \"sip:127.0.0.1:5072\"]";

    private final ProxyRoute route = route("");

    @Test
    void maxForwardsZeroIsAnswered483AndNothingElse() {
        Recording request = new Recording(SipText.with(SipText.INVITE, "Max-Forwards:", "Max-Forwards: 0"));
        route.onRequest(request);
        assertEquals(List.of("maxfwdProcess(70)", "slSendReply(483 Too Many Hops)"), request.calls);
    }

    @Test
    void cancelWithoutTransactionIsAnswered481() {
        Recording request = new Recording(SipText.with(SipText.with(SipText.INVITE, "INVITE",
                "CANCEL sip:bob@192.0.2.20:5080 SIP/2.0"), "CSeq:", "CSeq: 1 CANCEL"));
        route.onRequest(request);
        assertEquals(List.of("maxfwdProcess(70)", "slSendReply(481 Call/Transaction Does Not Exist)"), request.calls);
    }

    @Test
    void inDialogRequestWithRouteIsRelayedByItsRouteSet() {
        Recording request = new Recording(SipText.plus(SipText.BYE, "Route: <sip:127.0.0.1:5060;lr>"));
        route.onRequest(request);
        assertEquals(List.of("maxfwdProcess(70)", "looseRoute", "dlgManage", "tRelay"), request.calls);
    }

    @Test
    void withDialogsOffNothingIsHandedToADialog() {
        Recording bye = new Recording(SipText.plus(SipText.BYE, "Route: <sip:127.0.0.1:5060;lr>"));
        Recording invite = new Recording(SipText.INVITE);
        ProxyRoute off = route("switchboard.dialog.enable = off");
        off.onRequest(bye);
        off.onRequest(invite);
        assertEquals(List.of("maxfwdProcess(70)", "looseRoute", "tRelay"), bye.calls);
        assertEquals(List.of("maxfwdProcess(70)", "looseRoute", "recordRoute", "tRelay"), invite.calls);
    }

    @Test
    void inDialogRequestIgnoresTheDestinations() {
        Recording request = new Recording(SipText.plus(SipText.BYE, "Route: <sip:127.0.0.1:5060;lr>"));
        route(TWO_DESTINATIONS).onRequest(request);
        assertEquals(List.of("maxfwdProcess(70)", "looseRoute", "dlgManage", "tRelay"), request.calls);
    }

    @Test
    void inDialogAckWithoutRouteIsDropped() {
        Recording request = new Recording(SipText.with(SipText.with(SipText.BYE, "BYE",
                "ACK sip:bob@192.0.2.20:5080 SIP/2.0"), "CSeq:", "CSeq: 1 ACK"));
        route.onRequest(request);
        assertEquals(List.of("maxfwdProcess(70)", "looseRoute", "drop"), request.calls);
    }

    @Test
    void inDialogRequestWithoutRouteIsAnswered404() {
        Recording request = new Recording(SipText.BYE);
        route.onRequest(request);
        assertEquals(List.of("maxfwdProcess(70)", "looseRoute", "slSendReply(404 Not Here)"), request.calls);
    }

    @Test
    void inviteIsRecordRoutedTrackedAndRelayedToTheRequestUri() {
        Recording request = new Recording(SipText.INVITE);
        route.onRequest(request);
        assertEquals(List.of("maxfwdProcess(70)", "looseRoute", "recordRoute", "dlgManage", "tRelay"), request.calls);
        assertEquals("69", request.request().header(HeaderName.MAX_FORWARDS));
    }

    @Test
    void subscribeIsRecordRouted() {
        Recording request = new Recording(SipText.with(SipText.with(SipText.INVITE, "INVITE",
                "SUBSCRIBE sip:bob@192.0.2.20:5080 SIP/2.0"), "CSeq:", "CSeq: 1 SUBSCRIBE"));
        route.onRequest(request);
        assertEquals(List.of("maxfwdProcess(70)", "looseRoute", "recordRoute", "tRelay"), request.calls);
    }

    @Test
    void optionsIsRelayedWithoutRecordRoute() {
        Recording request = new Recording(SipText.with(SipText.with(SipText.INVITE, "INVITE",
                "OPTIONS sip:bob@192.0.2.20:5080 SIP/2.0"), "CSeq:", "CSeq: 1 OPTIONS"));
        route.onRequest(request);
        assertEquals(List.of("maxfwdProcess(70)", "looseRoute", "tRelay"), request.calls);
    }

    @Test
    void configuredMaxForwardsIsPassedToMaxfwdProcess() {
        Recording request = new Recording(SipText.without(SipText.INVITE, "Max-Forwards:"));
        route("switchboard.proxy.max-forwards = 16").onRequest(request);
        assertEquals("maxfwdProcess(16)", request.calls.get(0));
        assertEquals("16", request.request().header(HeaderName.MAX_FORWARDS));
    }

    @Test
    void inviteGoesToTheFirstDestination() {
        Recording request = new Recording(SipText.INVITE);
        route(TWO_DESTINATIONS).onRequest(request);
        assertEquals(List.of("maxfwdProcess(70)", "looseRoute", "recordRoute", "dlgManage",
                "tRelay(sip:127.0.0.1:5071)"), request.calls);
    }

    @Test
    void failureRouteTriesTheNextDestinationOn503() {
        FailedBranch failure = new FailedBranch(503, false, 1);
        route(TWO_DESTINATIONS).onFailure(failure);
        assertEquals(List.of("tRelay(sip:127.0.0.1:5072)"), failure.calls);
    }

    @Test
    void failureRouteTriesTheNextDestinationOn408() {
        FailedBranch failure = new FailedBranch(408, false, 1);
        route(TWO_DESTINATIONS).onFailure(failure);
        assertEquals(List.of("tRelay(sip:127.0.0.1:5072)"), failure.calls);
    }

    @Test
    void failureRouteTriesTheNextDestinationOnATimeout() {
        FailedBranch failure = new FailedBranch(408, true, 1);
        route(TWO_DESTINATIONS).onFailure(failure);
        assertEquals(List.of("tRelay(sip:127.0.0.1:5072)"), failure.calls);
    }

    @Test
    void failureRouteStopsAfterA6xx() {
        FailedBranch failure = new FailedBranch(603, false, 1);
        route(TWO_DESTINATIONS).onFailure(failure);
        assertEquals(List.of(), failure.calls, "RFC 3261 §16.7 step 5: no new branch after a 6xx");
    }

    @Test
    void failureRouteRelays486Upstream() {
        FailedBranch failure = new FailedBranch(486, false, 1);
        route(TWO_DESTINATIONS).onFailure(failure);
        assertEquals(List.of(), failure.calls);
    }

    @Test
    void failureRouteStopsAfterTheLastDestination() {
        FailedBranch failure = new FailedBranch(503, false, 2);
        route(TWO_DESTINATIONS).onFailure(failure);
        assertEquals(List.of(), failure.calls);
    }

    @Test
    void failureRouteWithoutDestinationsDoesNothing() {
        FailedBranch failure = new FailedBranch(503, false, 1);
        route.onFailure(failure);
        assertEquals(List.of(), failure.calls);
    }

    private static final String DISPATCH = "switchboard.proxy.dispatch-set = 1";
    private static final String DISPATCH_BY_LOAD = DISPATCH + "\nswitchboard.proxy.dispatch-alg = 10";

    @Test
    void aDispatchSetSelectsTheDestination() {
        Recording request = new Recording(SipText.INVITE);
        route(DISPATCH).onRequest(request);
        assertEquals(List.of("maxfwdProcess(70)", "looseRoute", "recordRoute", "dlgManage", "dsSelectDst(1,4)", "tRelay"),
                request.calls);
    }

    @Test
    void noDestinationInTheSetIsAnswered404() {
        Recording request = new Recording(SipText.INVITE);
        request.answer = false;
        route(DISPATCH).onRequest(request);
        assertEquals(List.of("maxfwdProcess(70)", "looseRoute", "recordRoute", "dlgManage", "dsSelectDst(1,4)",
                "slSendReply(404 No destination)"), request.calls);
    }

    @Test
    void dispatchFailsOverToTheNextDestinationOn5xxAndTimeouts() {
        for (FailedBranch failure : List.of(new FailedBranch(500, false, 1), new FailedBranch(408, true, 1))) {
            route(DISPATCH).onFailure(failure);
            assertEquals(List.of("dsNextDst", "tRelay"), failure.calls);
        }
    }

    @Test
    void dispatchDoesNotFailOverAfter4xxOr6xx() {
        for (int code : new int[] {486, 603}) {
            FailedBranch failure = new FailedBranch(code, false, 1);
            route(DISPATCH).onFailure(failure);
            assertEquals(List.of(), failure.calls);
        }
    }

    @Test
    void dispatchStopsWhenNoDestinationIsLeft() {
        FailedBranch failure = new FailedBranch(503, false, 2);
        failure.answer = false;
        route(DISPATCH).onFailure(failure);
        assertEquals(List.of("dsNextDst"), failure.calls);
    }

    @Test
    void callLoadIsKeptOverTheCallsLifetime() {
        Recording bye = new Recording(SipText.plus(SipText.BYE, "Route: <sip:127.0.0.1:5060;lr>"));
        route(DISPATCH_BY_LOAD).onRequest(bye);
        assertEquals(List.of("maxfwdProcess(70)", "looseRoute", "dlgManage", "dsLoadUpdate", "tRelay"), bye.calls);
        Answer ok = new Answer(200);
        route(DISPATCH_BY_LOAD).onReply(ok);
        assertEquals(List.of("dsLoadUpdate"), ok.calls);
        Answer busy = new Answer(486);
        route(DISPATCH_BY_LOAD).onReply(busy);
        assertEquals(List.of("dsLoadUnset"), busy.calls);
        FailedBranch timeout = new FailedBranch(408, true, 1);
        timeout.answer = false;
        route(DISPATCH_BY_LOAD).onFailure(timeout);
        assertEquals(List.of("dsNextDst", "dsLoadUnset"), timeout.calls);
    }

    @Test
    void withoutCallLoadRepliesAreLeftAlone() {
        Answer ok = new Answer(200);
        route(DISPATCH).onReply(ok);
        assertEquals(List.of(), ok.calls);
    }

    private static ProxyRoute route(String hocon) {
        return new ProxyRoute(new RouteSettings(ConfigLoader.parse(hocon).getConfig("switchboard")));
    }

    /** What the fakes share: the calls recorded, and what the relaying and dispatcher functions answer. */
    private abstract static class Recorder {
        final List<String> calls = new ArrayList<>();
        boolean answer = true;

        boolean record(String call) {
            calls.add(call);
            return answer;
        }

        public String dstUri() {
            return null;
        }

        public boolean tRelay() {
            return record("tRelay");
        }

        public boolean tRelay(String destination) {
            return record("tRelay(" + destination + ")");
        }

        public boolean dsNextDst() {
            return record("dsNextDst");
        }

        public boolean dsNextDomain() {
            return record("dsNextDomain");
        }

        public boolean dsMarkDst(String state) {
            return record("dsMarkDst(" + state + ")");
        }

        public boolean dsLoadUpdate() {
            return record("dsLoadUpdate");
        }

        public boolean dsLoadUnset() {
            return record("dsLoadUnset");
        }
    }

    /** A request context that records what the route does; queries answer from the request. */
    private static final class Recording extends Recorder implements RequestContext {
        private SipRequest request;

        Recording(String... lines) {
            this.request = SipText.request(lines);
        }

        @Override
        public SipRequest request() {
            return request;
        }

        @Override
        public Transport transport() {
            return Transport.UDP;
        }

        @Override
        public InetSocketAddress source() {
            return new InetSocketAddress("192.0.2.10", 5070);
        }

        @Override
        public boolean isMethod(String methods) {
            for (String method : methods.split("\\|")) {
                if (method.trim().toUpperCase(Locale.ROOT).equals(request.method().name())) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public boolean hasToTag() {
            try {
                return request.to().tag() != null;
            } catch (SipParseException e) {
                return false;
            }
        }

        @Override
        public int maxfwdProcess(int maxValue) {
            calls.add("maxfwdProcess(" + maxValue + ")");
            MaxForwards.Outcome outcome = new MaxForwards(70).process(request, maxValue);
            request = outcome.request();
            return outcome.code();
        }

        @Override
        public boolean looseRoute() {
            calls.add("looseRoute");
            return request.hasHeader(HeaderName.ROUTE);
        }

        @Override
        public void recordRoute() {
            calls.add("recordRoute");
        }

        @Override
        public boolean forward() {
            return record("forward");
        }

        @Override
        public void slSendReply(int code, String reason) {
            calls.add("slSendReply(" + code + " " + reason + ")");
        }

        @Override
        public void tReply(int code, String reason) {
            calls.add("tReply(" + code + " " + reason + ")");
        }

        @Override
        public void drop() {
            calls.add("drop");
        }

        @Override
        public void setFlag(int flag) {
            calls.add("setFlag(" + flag + ")");
        }

        @Override
        public void resetFlag(int flag) {
            calls.add("resetFlag(" + flag + ")");
        }

        @Override
        public boolean isFlagSet(int flag) {
            return false;
        }

        @Override
        public boolean dsSelectDst(int set, int alg, int limit) {
            return record("dsSelectDst(" + set + "," + alg + ")");
        }

        @Override
        public boolean dsSelectDomain(int set, int alg, int limit) {
            return record("dsSelectDomain(" + set + "," + alg + ")");
        }

        @Override
        public boolean dsListExist(int group) {
            return true;
        }

        @Override
        public boolean dsIsFromList(int group, int mode, String uri) {
            return false;
        }

        @Override
        public void dlgManage() {
            calls.add("dlgManage");
        }
    }

    /** A failure context for a branch of an INVITE that ended with {@code code} or timed out. */
    private static final class FailedBranch extends Recorder implements FailureContext {
        private final SipRequest request = SipText.request(SipText.INVITE);
        private final SipResponse response;
        private final boolean timeout;
        private final int branchCount;

        FailedBranch(int code, boolean timeout, int branchCount) {
            this.response = MessageBuilder.responseTo(request, code, null, "t1").buildResponse();
            this.timeout = timeout;
            this.branchCount = branchCount;
        }

        @Override
        public SipRequest request() {
            return request;
        }

        @Override
        public SipResponse response() {
            return response;
        }

        @Override
        public boolean isTimeout() {
            return timeout;
        }

        @Override
        public int branchCount() {
            return branchCount;
        }
    }

    /** A reply context for a final response to an INVITE. */
    private static final class Answer extends Recorder implements ReplyContext {
        private final SipResponse response;

        Answer(int code) {
            this.response = MessageBuilder.responseTo(SipText.request(SipText.INVITE), code, null, "t1")
                    .buildResponse();
        }

        @Override
        public SipResponse response() {
            return response;
        }

        @Override
        public SipRequest request() {
            return SipText.request(SipText.INVITE);
        }

        @Override
        public void drop() {
            calls.add("drop");
        }
    }
}
