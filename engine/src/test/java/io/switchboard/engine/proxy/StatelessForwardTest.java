package io.switchboard.engine.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.engine.Engine;
import io.switchboard.engine.dispatcher.UdpDestination;
import io.switchboard.engine.htable.TestEngine;
import io.switchboard.transport.header.Via;
import io.switchboard.transport.message.SipRequest;
import io.switchboard.transport.message.SipResponse;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A route that relays statelessly ({@code forward()}, RFC 3261 §16.11) in a running engine: the
 * request reaches its target under our Via and no transaction is kept for it — no 100 Trying, no
 * {@code tm:UAS_transactions} — and a CANCEL that matches no transaction follows its INVITE with
 * the same branch, so the target can match the two (§9.2).
 */
class StatelessForwardTest {

    private static Engine engine;
    private static int port;
    private static UdpDestination phone;
    private static UdpDestination gateway;

    @BeforeAll
    static void start() throws Exception {
        engine = TestEngine.start("route = " + StatelessRoute.class.getName());
        port = TestEngine.udpPort(engine);
        phone = new UdpDestination();
        gateway = new UdpDestination();
        gateway.inviteCode = 0;
    }

    @AfterAll
    static void stop() {
        phone.close();
        gateway.close();
        engine.stop().toCompletableFuture().join();
    }

    @BeforeEach
    void forget() {
        phone.answers.clear();
        gateway.received.clear();
    }

    /** An INVITE (or, with {@code method} CANCEL, its CANCEL) from the phone to the gateway. */
    private static String request(String method, String call) {
        String[] invite = {
            "INVITE sip:bob@127.0.0.1:" + gateway.port() + " SIP/2.0",
            "Via: SIP/2.0/UDP 127.0.0.1:" + phone.port() + ";branch=z9hG4bK-" + call,
            "Max-Forwards: 70",
            "From: <sip:alice@127.0.0.1>;tag=a1",
            "To: <sip:bob@127.0.0.1>",
            "Call-ID: " + call,
            "CSeq: 1 INVITE",
        };
        return SipText.text(method.equals("INVITE") ? invite : SipText.with(SipText.with(invite, "INVITE",
                "CANCEL sip:bob@127.0.0.1:" + gateway.port() + " SIP/2.0"), "CSeq:", "CSeq: 1 CANCEL"));
    }

    private static SipRequest relayed(String method) throws Exception {
        SipRequest relayed = gateway.received.poll(5, TimeUnit.SECONDS);
        assertNotNull(relayed, method + " relayed within 5 s");
        assertEquals(method, relayed.method().name());
        return relayed;
    }

    @Test
    void forwardRelaysUnderOurViaAndKeepsNoTransaction() throws Exception {
        long transactions = TestEngine.statistic(engine, "tm:UAS_transactions");
        long forwarded = TestEngine.statistic(engine, "core:fwd_requests");
        phone.send(request("INVITE", "stateless-1"), port);
        List<Via> vias = relayed("INVITE").vias();
        assertEquals(2, vias.size());
        assertEquals("127.0.0.1", vias.get(0).host());
        assertEquals(port, vias.get(0).port(), "the proxy's Via on top");
        assertTrue(vias.get(0).hasRfc3261Branch(), vias.get(0)::toString);
        assertEquals("z9hG4bK-stateless-1", vias.get(1).branch(), "the phone's Via kept below");

        assertNull(phone.answers.poll(1, TimeUnit.SECONDS), "no 100 Trying from a stateless proxy");
        assertEquals(transactions, TestEngine.statistic(engine, "tm:UAS_transactions"));
        assertEquals(0, TestEngine.statistic(engine, "tm:inuse_transactions"));
        TestEngine.awaitStatistic(engine, "core:fwd_requests", forwarded + 1,
                "counted once handed to the egress, after the gateway may have it");
    }

    @Test
    void aCancelWithoutTransactionIsForwardedWithTheBranchOfItsInvite() throws Exception {
        phone.send(request("INVITE", "stateless-2"), port);
        String inviteBranch = relayed("INVITE").topVia().branch();
        phone.send(request("CANCEL", "stateless-2"), port);
        SipRequest cancel = relayed("CANCEL");
        assertEquals(inviteBranch, cancel.topVia().branch());
        assertEquals("z9hG4bK-stateless-2", cancel.vias().get(1).branch());

        SipResponse answer = phone.answers.poll(5, TimeUnit.SECONDS);
        assertNotNull(answer, "the gateway's answer to the CANCEL, relayed back");
        assertEquals(200, answer.statusCode(), "the gateway's 200, not a 481 from the proxy");
        assertEquals("CANCEL", answer.cseq().method().name());
        assertEquals(1, answer.vias().size());
    }
}
