package io.switchboard.engine.dialog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.engine.Engine;
import io.switchboard.engine.dispatcher.UdpDestination;
import io.switchboard.engine.htable.TestEngine;
import io.switchboard.engine.management.RpcCalls;
import io.switchboard.engine.route.RequestContext;
import io.switchboard.engine.route.Route;
import io.switchboard.transport.message.HeaderName;
import io.switchboard.transport.message.SipResponse;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Dialog profiles in a running engine (seed manual 001, 7.1–7.4, 7.15, 9.11, 9.12): a route that
 * limits a caller to two calls with {@code get_profile_size}, the two commands over HTTP, the
 * timeout set by profile, and the errors of a wrong profile. One UDP socket is the caller and the
 * callee, which answers every INVITE 180, so the calls stay in call setup.
 */
class DialogProfilesTest {

    private static final long WAIT_NANOS = TimeUnit.SECONDS.toNanos(10);

    /** Per Request-URI user: {@code call} limited to 2 per caller, {@code shorten}, {@code unknown}, {@code novalue}. */
    public static final class LimitingRoute implements Route {
        @Override
        public void onRequest(RequestContext request) {
            String user = request.request().requestUriText().replaceFirst("^sip:([^@]*)@.*$", "$1");
            switch (user) {
                case "call" -> {
                    if (request.getProfileSize("caller", "alice") >= 2) {
                        request.slSendReply(486, "Busy Here");
                        return;
                    }
                    request.dlgManage();
                    request.setDlgProfile("caller", "alice");
                    request.setDlgProfile("inbound", "discarded");
                    if (!request.isInProfile("inbound") || !request.isInProfile("caller", "alice")) {
                        request.slSendReply(500, "Not In Profile");
                        return;
                    }
                    request.recordRoute();
                    request.tRelay();
                }
                case "shorten" -> request.slSendReply(
                        request.dlgSetTimeoutByProfile("caller", "alice", 77) ? 202 : 500, "Shortened");
                case "unknown" -> request.setDlgProfile("nope");
                case "novalue" -> request.slSendReply(request.setDlgProfile("caller") ? 200 : 400, "No Value");
                default -> request.slSendReply(404, "Not Found");
            }
        }
    }

    private UdpDestination ua;
    private Engine engine;
    private RpcCalls rpc;

    @BeforeEach
    void start() throws Exception {
        engine = TestEngine.start("route = \"" + LimitingRoute.class.getName() + "\"\n"
                + "dialog { profiles-with-value = [caller], profiles-no-value = [inbound] }");
        rpc = new RpcCalls(engine.management(), null);
        ua = new UdpDestination();
        ua.inviteCode = 180;
    }

    @AfterEach
    void stop() {
        ua.close();
        engine.stop().toCompletableFuture().join();
    }

    private String invite(String user) throws IOException {
        return ua.sendInvite(user, "profiles.test", TestEngine.udpPort(engine));
    }

    /** The first final reply the engine sent for {@code callId}, or the 180 relayed back. */
    private int answer(String callId) throws InterruptedException {
        long until = System.nanoTime() + WAIT_NANOS;
        while (System.nanoTime() < until) {
            SipResponse response = ua.answers.poll(100, TimeUnit.MILLISECONDS);
            if (response != null && callId.equals(response.header(HeaderName.CALL_ID))
                    && response.statusCode() != 100) {
                return response.statusCode();
            }
        }
        throw new AssertionError("no answer for " + callId);
    }

    private long size(Object... params) throws Exception {
        return rpc.result("dlg.profile_get_size", params).asLong();
    }

    private void awaitSize(long expected, Object... params) throws Exception {
        long until = System.nanoTime() + WAIT_NANOS;
        while (size(params) != expected && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        assertEquals(expected, size(params));
    }

    @Test
    void aRouteLimitsACallerToTwoCallsAndTheCommandsShowThem() throws Exception {
        String one = invite("call");
        assertEquals(180, answer(one));
        awaitSize(1, "caller", "alice");
        String two = invite("call");
        assertEquals(180, answer(two));
        awaitSize(2, "caller", "alice");
        assertEquals(486, answer(invite("call")), "the third call of alice is refused");

        assertEquals(2, size("caller"), "every value");
        assertEquals(0, size("caller", "bob"));
        assertEquals(2, size("inbound", "ignored"), "the value of a profile without values is discarded");

        JsonNode listed = rpc.result("dlg.profile_list", "caller", "alice");
        assertEquals(2, listed.size());
        Set<String> callIds = new HashSet<>();
        listed.forEach(dialog -> callIds.add(dialog.get("call-id").asText()));
        assertEquals(Set.of(one, two), callIds);
        JsonNode profiles = listed.get(0).get("profiles");
        assertEquals("alice", profiles.get(0).get("caller").asText(), profiles.toString());
        assertEquals("inbound", profiles.get(1).asText(), profiles.toString());
        assertEquals(0, rpc.result("dlg.profile_list", "caller", "bob").size());

        assertEquals(202, answer(invite("shorten")));
        long until = System.nanoTime() + WAIT_NANOS;
        while (System.nanoTime() < until && !allLifetimes(rpc.result("dlg.profile_list", "inbound"), 77)) {
            Thread.sleep(20);
        }
        assertTrue(allLifetimes(rpc.result("dlg.profile_list", "inbound"), 77), "dlg_set_timeout_by_profile");
    }

    private static boolean allLifetimes(JsonNode dialogs, long lifetime) {
        boolean all = dialogs.size() > 0;
        for (JsonNode dialog : dialogs) {
            all &= dialog.get("lifetime").asLong() == lifetime;
        }
        return all;
    }

    @Test
    void aWrongProfileIsAnErrorInTheRouteAndInTheCommands() throws Exception {
        assertEquals(500, answer(invite("unknown")), "an unknown profile fails the route");
        assertEquals(400, answer(invite("novalue")), "a profile with values needs one: false");
        JsonNode error = rpc.call("dlg.profile_get_size", "nope").get("error");
        assertNotNull(error);
        assertEquals(404, error.get("code").asInt());
        assertTrue(error.get("message").asText().contains("nope"), error.toString());
        assertEquals(404, rpc.call("dlg.profile_list", "nope").get("error").get("code").asInt());
    }
}
