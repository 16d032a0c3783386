package io.switchboard.engine.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.switchboard.engine.Engine;
import io.switchboard.engine.dispatcher.UdpDestination;
import io.switchboard.engine.htable.TestEngine;
import io.switchboard.transport.message.SipResponse;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Responses over UDP go where the request's top Via says (RFC 3261 §18.2.2, RFC 3581 §4), not
 * simply back to the packet's source: without {@code rport} to the source address at the sent-by
 * port, with {@code rport} to the source port, with {@code maddr} to that address — whether the
 * proxy answers through a transaction (the built-in route's 483) or statelessly (sanity's 400).
 */
class ReplyByViaTest {

    private static Engine engine;
    private static int port;
    /** Sends every request. */
    private static UdpDestination source;
    /** Named in the Via's sent-by, never sends. */
    private static UdpDestination sentBy;

    @BeforeAll
    static void start() throws Exception {
        engine = TestEngine.start("");
        port = TestEngine.udpPort(engine);
        source = new UdpDestination();
        sentBy = new UdpDestination();
    }

    @AfterAll
    static void stop() {
        source.close();
        sentBy.close();
        engine.stop().toCompletableFuture().join();
    }

    @BeforeEach
    void forget() {
        source.answers.clear();
        sentBy.answers.clear();
    }

    private static void send(String via, String maxForwards, String call) throws Exception {
        source.send(SipText.text(
                "MESSAGE sip:bob@127.0.0.1 SIP/2.0",
                "Via: " + via + ";branch=z9hG4bK-" + call,
                "Max-Forwards: " + maxForwards,
                "From: <sip:alice@127.0.0.1>;tag=a1",
                "To: <sip:bob@127.0.0.1>",
                "Call-ID: " + call,
                "CSeq: 1 MESSAGE"), port);
    }

    /** The response {@code at} got, with {@code code}; and {@code not} got none. */
    private static SipResponse answered(UdpDestination at, int code, UdpDestination not) throws Exception {
        SipResponse response = at.answers.poll(5, TimeUnit.SECONDS);
        assertNotNull(response, "a response within 5 s");
        assertEquals(code, response.statusCode());
        assertNull(not.answers.poll(300, TimeUnit.MILLISECONDS), "nothing at the other port");
        return response;
    }

    @Test
    void aTransactionReplyWithoutRportGoesToTheSentByPort() throws Exception {
        send("SIP/2.0/UDP 127.0.0.1:" + sentBy.port(), "0", "via-1");
        answered(sentBy, 483, source);
    }

    @Test
    void aStatelessReplyWithoutRportGoesToTheSentByPort() throws Exception {
        send("SIP/2.0/UDP 127.0.0.1:" + sentBy.port(), "many", "via-2");
        answered(sentBy, 400, source);
    }

    @Test
    void withRportTheReplyGoesToTheSourcePort() throws Exception {
        send("SIP/2.0/UDP 127.0.0.1:" + sentBy.port() + ";rport", "0", "via-3");
        SipResponse response = answered(source, 483, sentBy);
        assertEquals(source.port(), response.topVia().rport(), "rport filled in with the source port");
    }

    @Test
    void withMaddrTheReplyGoesThereAtTheSentByPort() throws Exception {
        send("SIP/2.0/UDP 192.0.2.10:" + sentBy.port() + ";maddr=127.0.0.1", "0", "via-4");
        answered(sentBy, 483, source);
        send("SIP/2.0/UDP 192.0.2.10:" + sentBy.port() + ";maddr=127.0.0.1", "many", "via-5");
        answered(sentBy, 400, source);
    }
}
