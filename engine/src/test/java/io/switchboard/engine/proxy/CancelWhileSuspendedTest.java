package io.switchboard.engine.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.switchboard.engine.Engine;
import io.switchboard.engine.dispatcher.UdpDestination;
import io.switchboard.engine.htable.TestEngine;
import io.switchboard.transport.message.HeaderName;
import io.switchboard.transport.message.SipResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A CANCEL that arrives while the route is suspended on an INVITE (RFC 3261 §16.10): the INVITE
 * is answered 487 and the CANCEL 200, and when the route goes on, neither {@code t_relay} nor
 * {@code forward()} relays anything — the callee never rings for a call the caller gave up.
 */
class CancelWhileSuspendedTest {

    private static Engine engine;
    private static int port;
    private static UdpDestination caller;
    private static UdpDestination callee;

    @BeforeAll
    static void start() throws Exception {
        engine = TestEngine.start("route = " + PausingRoute.class.getName());
        port = TestEngine.udpPort(engine);
        caller = new UdpDestination();
        callee = new UdpDestination();
    }

    @AfterAll
    static void stop() {
        caller.close();
        callee.close();
        engine.stop().toCompletableFuture().join();
    }

    @BeforeEach
    void hold() {
        PausingRoute.release = new CompletableFuture<>();
        PausingRoute.RELAYED.clear();
    }

    private static String request(String method, String user, String to) {
        return SipText.text(
                method + " sip:" + user + "@127.0.0.1:" + callee.port() + " SIP/2.0",
                "Via: SIP/2.0/UDP 127.0.0.1:" + caller.port() + ";branch=z9hG4bK-paused-" + user,
                "Max-Forwards: 70",
                "From: <sip:alice@127.0.0.1>;tag=a1",
                "To: " + to,
                "Call-ID: paused-" + user,
                "CSeq: 1 " + method);
    }

    /** The next final response the caller got, skipping 100 Trying. */
    private static SipResponse finalAnswer() throws InterruptedException {
        while (true) {
            SipResponse answer = caller.answers.poll(5, TimeUnit.SECONDS);
            assertNotNull(answer, "a final response within 5 s");
            if (answer.isFinal()) {
                return answer;
            }
        }
    }

    /** Calls {@code user}, cancels while the route holds the INVITE, then lets the route go on. */
    private static void cancelWhileSuspended(String user) throws Exception {
        String to = "<sip:" + user + "@127.0.0.1>";
        caller.send(request("INVITE", user, to), port);
        SipResponse trying = caller.answers.poll(5, TimeUnit.SECONDS);
        assertNotNull(trying, "100 Trying while the route is suspended");
        assertEquals(100, trying.statusCode());
        caller.send(request("CANCEL", user, to), port);
        SipResponse first = finalAnswer();
        SipResponse second = finalAnswer();
        SipResponse cancelled = first.cseq().method().name().equals("INVITE") ? first : second;
        SipResponse cancelOk = cancelled == first ? second : first;
        assertEquals(487, cancelled.statusCode(), "the INVITE");
        assertEquals("CANCEL", cancelOk.cseq().method().name());
        assertEquals(200, cancelOk.statusCode(), "the CANCEL");
        caller.send(request("ACK", user, cancelled.header(HeaderName.TO)), port);

        PausingRoute.release.complete(null);
        Boolean relayed = PausingRoute.RELAYED.poll(5, TimeUnit.SECONDS);
        assertNotNull(relayed, "the route went on within 5 s");
        assertFalse(relayed, "the cancelled INVITE was refused");
        assertNull(callee.received.poll(500, TimeUnit.MILLISECONDS), "the callee got nothing");
        assertNull(caller.answers.poll(100, TimeUnit.MILLISECONDS), "no other answer for the caller");
    }

    @Test
    void tRelayRelaysNoInviteCancelledWhileTheRouteWasSuspended() throws Exception {
        cancelWhileSuspended("bob");
    }

    @Test
    void forwardRelaysNoInviteCancelledWhileTheRouteWasSuspended() throws Exception {
        cancelWhileSuspended("stateless");
    }
}
