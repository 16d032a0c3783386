package io.switchboard.engine.dialog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.actors.dialog.DialogSnapshot;
import io.switchboard.engine.Engine;
import io.switchboard.engine.dispatcher.UdpDestination;
import io.switchboard.engine.htable.TestEngine;
import io.switchboard.engine.management.RpcCalls;
import io.switchboard.engine.route.RequestContext;
import io.switchboard.engine.route.Route;
import io.switchboard.transport.message.HeaderName;
import io.switchboard.transport.message.SipRequest;
import io.switchboard.transport.message.SipResponse;
import java.io.IOException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Dialog variables, flags and context in a running engine over UDP (seed manual 001, 7.5–7.7,
 * 7.10, 7.12, 7.14, 7.18, 9.1, 9.2, 10.5, 10.6): a route keeps them with the INVITE, reads and changes
 * them in later requests, {@code dlg.list} and {@code dlg.list_ctx} show them, {@code dlg_get}
 * finds the dialog, {@code dlg_set_ruri} sends a callee's request to the caller's Contact,
 * {@code dlg_set_timeout} with an {@code h_entry} and {@code h_id} shortens the dialog they name,
 * and the {@code timeout_route} runs when the dialog times out. One UDP socket is caller and callee; it
 * answers every request 200.
 */
class DialogVariablesTest {

    private static final long WAIT_NANOS = TimeUnit.SECONDS.toNanos(10);
    static final BlockingQueue<String> EVENTS = new LinkedBlockingQueue<>();
    private static final HeaderName X_DIALOG = HeaderName.of("X-Dialog");

    /**
     * INVITE keeps a variable, flag 2 and the context; INFO reports and changes them; MESSAGE and
     * OPTIONS as named; NOTIFY gives the dialog whose {@code h_entry h_id} is in its X-Dialog header a
     * 1 s lifetime, answering 200 when it did and 404 when not.
     */
    public static final class VariablesRoute implements Route {
        @Override
        public void onRequest(RequestContext request) {
            String method = request.request().method().name();
            if (!request.hasToTag()) {
                request.setDlgVar("billing", "sip:bill@example.net");
                request.dlgSetFlag(2);
                request.setDlgCtx("timeout_bye", "1");
                request.setDlgCtx("timeout_route", "DLGTIMEOUT");
                if (!"sip:bill@example.net".equals(request.dlgVar("billing")) || !request.dlgIsFlagSet(2)) {
                    request.slSendReply(500, "Not Kept");
                    return;
                }
                request.dlgManage();
                if (request.request().requestUriText().startsWith("sip:short@")) {
                    request.dlgSetTimeout(1);
                }
                request.tRelay();
                return;
            }
            switch (method) {
                case "INFO" -> {
                    String seen = request.dlgVar("billing") + " " + request.dlgIsFlagSet(2) + " "
                            + request.dlgCtx("timeout_bye") + " " + request.dlgCtx("timeout_route");
                    request.setDlgVar("billing", null);
                    request.setDlgVar("seen", "yes");
                    request.dlgResetFlag(2);
                    request.dlgSetFlag(5);
                    request.slSendReply(200, seen + " " + request.dlgVar("seen") + " " + request.dlgIsFlagSet(5));
                }
                case "MESSAGE" -> {
                    if (request.dlgSetRuri()) {
                        request.tRelay();
                    } else {
                        request.slSendReply(404, "No Target");
                    }
                }
                case "OPTIONS" -> {
                    String callId = request.request().header(HeaderName.CALL_ID);
                    request.slSendReply(200, request.dlgGet(callId, "gw", "caller").map(DialogSnapshot::state)
                            .map(Object::toString).orElse("none") + " "
                            + request.dlgGet(callId, "caller", "other").isPresent());
                }
                case "NOTIFY" -> {
                    String[] id = request.request().header(X_DIALOG).split(" ");
                    boolean set = request.dlgSetTimeout(1, Integer.parseInt(id[0]), Long.parseLong(id[1]));
                    request.slSendReply(set ? 200 : 404, set ? "Timeout Set" : "No Dialog");
                }
                default -> request.tRelay();
            }
        }

        @Override
        public void onDialogEvent(String event, DialogSnapshot dialog) {
            EVENTS.add(event + " " + dialog.callId());
        }
    }

    private UdpDestination ua;
    private Engine engine;
    private RpcCalls rpc;

    @BeforeEach
    void start() throws Exception {
        EVENTS.clear();
        engine = TestEngine.start("route = \"" + VariablesRoute.class.getName() + "\"\n");
        rpc = new RpcCalls(engine.management(), null);
        ua = new UdpDestination();
    }

    @AfterEach
    void stop() {
        ua.close();
        engine.stop().toCompletableFuture().join();
    }

    /** The first reply other than 100 for {@code callId} and {@code method}. */
    private SipResponse answer(String callId, String method) throws Exception {
        long until = System.nanoTime() + WAIT_NANOS;
        while (System.nanoTime() < until) {
            SipResponse response = ua.answers.poll(100, TimeUnit.MILLISECONDS);
            if (response != null && callId.equals(response.header(HeaderName.CALL_ID))
                    && response.header(HeaderName.CSEQ).endsWith(method) && response.statusCode() != 100) {
                return response;
            }
        }
        throw new AssertionError("no answer to " + method + " of " + callId);
    }

    /** A request within the call, with {@code headers} lines; {@code fromCallee} swaps the tags. */
    private void inDialog(String method, String callId, int cseq, boolean fromCallee, String... headers)
            throws IOException {
        String caller = "<sip:alice@example.com>;tag=caller";
        String callee = "<sip:call@example.org>;tag=gw";
        ua.send(String.join("\r\n",
                method + " sip:call@127.0.0.1:" + ua.port() + " SIP/2.0",
                "Via: SIP/2.0/UDP 127.0.0.1:" + ua.port() + ";branch=z9hG4bK-" + method + cseq + callId.hashCode(),
                "Max-Forwards: 70",
                "From: " + (fromCallee ? callee : caller),
                "To: " + (fromCallee ? caller : callee),
                "Call-ID: " + callId,
                "CSeq: " + cseq + " " + method,
                String.join("\r\n", headers) + (headers.length == 0 ? "" : "\r\n") + "Content-Length: 0", "", ""),
                TestEngine.udpPort(engine));
    }

    private JsonNode listed(String command, String callId) throws Exception {
        JsonNode found = find(command, callId);
        if (found == null) {
            throw new AssertionError(callId + " not in " + command);
        }
        return found;
    }

    private JsonNode find(String command, String callId) throws Exception {
        for (JsonNode dialog : rpc.result(command)) {
            if (callId.equals(dialog.get("call-id").asText())) {
                return dialog;
            }
        }
        return null;
    }

    private String answered() throws Exception {
        String callId = ua.sendInvite("call", "vars.test", TestEngine.udpPort(engine));
        assertEquals(200, answer(callId, "INVITE").statusCode());
        long until = System.nanoTime() + WAIT_NANOS;
        while ((find("dlg.list", callId) == null || find("dlg.list", callId).get("state").asInt() < 3)
                && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        return callId;
    }

    @Test
    void variablesAndFlagsSetOnTheInviteAreReadAndChangedLaterAndListed() throws Exception {
        String callId = answered();
        JsonNode dialog = listed("dlg.list", callId);
        assertEquals("sip:bill@example.net", dialog.get("variables").get(0).get("billing").asText(), dialog.toString());
        assertEquals(4, dialog.get("sflags").asLong(), "flag 2");
        assertTrue(listed("dlg.list", callId).get("context") == null, "dlg.list has no context");

        inDialog("INFO", callId, 2, false);
        assertEquals("sip:bill@example.net true 1 DLGTIMEOUT yes true", answer(callId, "INFO").reasonPhrase());

        long until = System.nanoTime() + WAIT_NANOS;
        while (listed("dlg.list", callId).get("sflags").asLong() != 32 && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        dialog = listed("dlg.list_ctx", callId);
        assertEquals(32, dialog.get("sflags").asLong(), "flag 2 reset, flag 5 set");
        assertEquals(1, dialog.get("variables").size(), dialog.toString());
        assertEquals("yes", dialog.get("variables").get(0).get("seen").asText(), "billing removed");
        assertEquals("DLGTIMEOUT", dialog.get("context").get("timeout_route").asText());
        assertEquals(1, dialog.get("context").get("timeout_bye").asInt());
        assertEquals(0, dialog.get("context").get("ka_src").asInt());
    }

    @Test
    void dlgGetFindsTheDialogByItsTagsEitherWayRound() throws Exception {
        String callId = answered();
        inDialog("OPTIONS", callId, 2, false);
        assertEquals("CONFIRMED_NA false", answer(callId, "OPTIONS").reasonPhrase());
    }

    @Test
    void dlgSetRuriSendsTheCalleesRequestToTheCallersContact() throws Exception {
        String callId = answered();
        ua.received.clear();
        inDialog("MESSAGE", callId, 7, true);
        assertEquals(200, answer(callId, "MESSAGE").statusCode(), "relayed to the caller, who answered");
        SipRequest relayed = ua.received.poll(5, TimeUnit.SECONDS);
        assertEquals("sip:alice@127.0.0.1:" + ua.port(), relayed.requestUriText());
    }

    /**
     * A request of another call names the dialog by {@code h_entry} and {@code h_id} as
     * {@code dlg.list} shows them: that dialog, 43200 s otherwise, times out a second later; an
     * identifier no dialog has sets nothing.
     */
    @Test
    void dlgSetTimeoutWithAnIdentifierShortensTheDialogItNames() throws Exception {
        String callId = answered();
        JsonNode dialog = listed("dlg.list", callId);
        String other = "other-" + callId;
        inDialog("NOTIFY", other, 1, false, "X-Dialog: " + dialog.get("h_entry").asInt() + " "
                + (dialog.get("h_id").asLong() + 1));
        assertEquals(404, answer(other, "NOTIFY").statusCode(), "no dialog has that h_id");
        inDialog("NOTIFY", other, 2, false, "X-Dialog: " + dialog.get("h_entry").asInt() + " "
                + dialog.get("h_id").asLong());
        assertEquals(200, answer(other, "NOTIFY").statusCode());
        long until = System.nanoTime() + WAIT_NANOS;
        String event = "";
        while (!event.equals("DLGTIMEOUT " + callId) && System.nanoTime() < until) {
            event = String.valueOf(EVENTS.poll(100, TimeUnit.MILLISECONDS));
        }
        assertEquals("DLGTIMEOUT " + callId, event, "the timeout route of the named dialog");
    }

    @Test
    void theTimeoutRouteRunsAndTimeoutByeEndsTheCallWithBye() throws Exception {
        String callId = ua.sendInvite("short", "vars.test", TestEngine.udpPort(engine));
        assertEquals(200, answer(callId, "INVITE").statusCode());
        assertEquals("dialog:start " + callId, EVENTS.poll(10, TimeUnit.SECONDS));
        assertEquals("DLGTIMEOUT " + callId, EVENTS.poll(10, TimeUnit.SECONDS), "the timeout route, by its name");
        long until = System.nanoTime() + WAIT_NANOS;
        boolean bye = false;
        while (!bye && System.nanoTime() < until) {
            SipRequest request = ua.received.poll(100, TimeUnit.MILLISECONDS);
            bye = request != null && request.isBye() && callId.equals(request.header(HeaderName.CALL_ID));
        }
        assertTrue(bye, "timeout_bye sent BYE");
    }
}
