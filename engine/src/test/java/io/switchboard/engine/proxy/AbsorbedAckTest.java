package io.switchboard.engine.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.switchboard.engine.Engine;
import io.switchboard.engine.dispatcher.UdpDestination;
import io.switchboard.engine.htable.TestEngine;
import io.switchboard.transport.message.HeaderName;
import io.switchboard.transport.message.SipRequest;
import io.switchboard.transport.message.SipResponse;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The ACK for a negative reply the proxy sent statelessly to an INVITE (here sanity's 400, sent
 * before any transaction) is recognised by the signature in its To tag and absorbed
 * ({@code sl:received_ACKs}), not run through the route — whose {@code forward()} would relay it
 * to the Request-URI, where an ACK for that 400 means nothing (RFC 3261 §17.1.1.3).
 */
class AbsorbedAckTest {

    private static Engine engine;
    private static UdpDestination phone;
    private static UdpDestination gateway;

    @BeforeAll
    static void start() throws Exception {
        engine = TestEngine.start("route = " + StatelessRoute.class.getName());
        phone = new UdpDestination();
        gateway = new UdpDestination();
    }

    @AfterAll
    static void stop() {
        phone.close();
        gateway.close();
        engine.stop().toCompletableFuture().join();
    }

    private static String request(String method, String maxForwards, String to) {
        return SipText.text(
                method + " sip:bob@127.0.0.1:" + gateway.port() + " SIP/2.0",
                "Via: SIP/2.0/UDP 127.0.0.1:" + phone.port() + ";branch=z9hG4bK-absorb-1",
                "Max-Forwards: " + maxForwards,
                "From: <sip:alice@127.0.0.1>;tag=a1",
                "To: " + to,
                "Call-ID: absorb-1",
                "CSeq: 1 " + method);
    }

    @Test
    void theAckForAStatelessNegativeReplyIsAbsorbed() throws Exception {
        int port = TestEngine.udpPort(engine);
        long absorbed = TestEngine.statistic(engine, "sl:received_ACKs");
        phone.send(request("INVITE", "seventy", "<sip:bob@127.0.0.1>"), port);
        SipResponse rejected = phone.answers.poll(5, TimeUnit.SECONDS);
        assertNotNull(rejected, "an answer within 5 s");
        assertEquals(400, rejected.statusCode());

        phone.send(request("ACK", "70", rejected.header(HeaderName.TO)), port);
        SipRequest relayed = gateway.received.poll(1, TimeUnit.SECONDS);
        assertNull(relayed, () -> "nothing relayed, but: " + relayed);
        TestEngine.awaitStatistic(engine, "sl:received_ACKs", absorbed + 1,
                "absorbed: counted on the lane, with nothing sent back to wait for");
    }
}
