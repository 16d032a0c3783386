package io.switchboard.engine.dispatcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.switchboard.engine.Engine;
import io.switchboard.engine.htable.TestEngine;
import io.switchboard.engine.proxy.SipText;
import io.switchboard.transport.message.HeaderName;
import io.switchboard.transport.message.SipRequest;
import io.switchboard.transport.message.SipResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Call load dispatching (seed manual 002, 4.1 algorithm 10, 4.8 {@code ds_load_update}, 4.9
 * {@code ds_load_unset}) by the built-in proxy route in a running engine, with whole calls over
 * UDP: one gateway with {@code duid=gw1;maxload=1}, so a call it holds shows as its load in
 * {@code dispatcher.list} ({@code RUNTIME.DLGLOAD}) and leaves no room for a second call, and a
 * call that ends — by BYE or by a 486 — frees it for the next.
 */
class CallLoadCallsTest {

    @TempDir
    Path dir;
    private final UdpDestination gateway;
    private final UdpDestination phone;
    private Engine engine;
    private int port;

    CallLoadCallsTest() throws Exception {
        gateway = new UdpDestination();
        phone = new UdpDestination();
    }

    @BeforeEach
    void start() throws Exception {
        Path list = Files.writeString(dir.resolve("dispatcher.list"),
                "1 " + gateway.uri() + " 0 0 duid=gw1;maxload=1\n");
        engine = TestEngine.start("tm.t1 = 50ms, proxy { dispatch-set = 1, dispatch-alg = 10 }, "
                + "dispatcher { list-file = \"" + list + "\", flags = 2, ds-hash-size = 4 }");
        port = TestEngine.udpPort(engine);
    }

    @AfterEach
    void stop() {
        gateway.close();
        phone.close();
        engine.stop().toCompletableFuture().join();
    }

    /** The gateway's {@code DLGLOAD} in {@code dispatcher.list} once it is {@code expected}, or after 5 s. */
    private int awaitLoad(int expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (load() != expected && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return load();
    }

    private int load() {
        return Ctl.call(engine, "dispatcher.list").get("RECORDS").get(0).get("SET").get("TARGETS").get(0)
                .get("DEST").get("RUNTIME").get("DLGLOAD").asInt();
    }

    /** The phone's first final answer in call {@code callId}, answers of other calls skipped. */
    private SipResponse finalAnswer(String callId) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            SipResponse answer = phone.answers.poll(100, TimeUnit.MILLISECONDS);
            if (answer != null && answer.isFinal() && answer.callId().equals(callId)) {
                return answer;
            }
        }
        throw new AssertionError("no final answer in " + callId + " within 5 s");
    }

    /** Sends {@code method} within the call {@code ok} answered, by the route set the engine recorded. */
    private void inCall(String method, int cseq, SipResponse ok, SipRequest relayed) throws Exception {
        List<String> routeSet = new ArrayList<>(relayed.headerValues(HeaderName.RECORD_ROUTE));
        Collections.reverse(routeSet);
        phone.send(SipText.text(
                method + " " + relayed.requestUriText() + " SIP/2.0",
                "Via: SIP/2.0/UDP 127.0.0.1:" + phone.port() + ";branch=z9hG4bK-" + method + ok.callId().hashCode(),
                "Route: " + String.join(", ", routeSet),
                "Max-Forwards: 70",
                "From: " + ok.header(HeaderName.FROM),
                "To: " + ok.header(HeaderName.TO),
                "Call-ID: " + ok.callId(),
                "CSeq: " + cseq + " " + method), port);
    }

    private SipRequest relayedInvite() throws InterruptedException {
        SipRequest invite = gateway.received.poll(5, TimeUnit.SECONDS);
        assertNotNull(invite, "the INVITE reached the gateway");
        assertEquals("INVITE", invite.method().name());
        return invite;
    }

    @Test
    void anAnsweredCallCountsOnItsGatewayUntilItsBye() throws Exception {
        assertEquals(0, load());
        String callId = phone.sendInvite("bob", "load.test", port);
        SipRequest relayed = relayedInvite();
        SipResponse ok = finalAnswer(callId);
        assertEquals(200, ok.statusCode());
        inCall("ACK", 1, ok, relayed);
        assertEquals(1, awaitLoad(1), "the answered call counts on the gateway");

        SipResponse full = finalAnswer(phone.sendInvite("carol", "load.test", port));
        assertEquals(404, full.statusCode(), "the gateway is at its maxload: " + full);
        assertEquals("No destination", full.reasonPhrase());

        inCall("BYE", 2, ok, relayed);
        assertEquals(200, finalAnswer(callId).statusCode(), "the gateway answered the BYE");
        assertEquals(0, awaitLoad(0), "the BYE took the call off");
        assertEquals(200, finalAnswer(phone.sendInvite("dave", "load.test", port)).statusCode(),
                "the next call finds room on the gateway");
    }

    @Test
    void aCallRefusedWith486LeavesNoLoad() throws Exception {
        gateway.inviteCode = 486;
        assertEquals(486, finalAnswer(phone.sendInvite("busy", "load.test", port)).statusCode());
        assertEquals(0, awaitLoad(0));
        gateway.inviteCode = 200;
        assertEquals(200, finalAnswer(phone.sendInvite("bob", "load.test", port)).statusCode(),
                "the refused call left the gateway's one place free");
        assertEquals(1, awaitLoad(1));
    }
}
