package io.switchboard.engine.dispatcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.engine.Engine;
import io.switchboard.engine.htable.TestEngine;
import io.switchboard.engine.proxy.SipText;
import io.switchboard.transport.message.SipRequest;
import io.switchboard.transport.message.SipResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ds_list_exist}, {@code ds_next_domain} and {@code ds_mark_dst} called from request and
 * failure routes in a running engine (seed manual 002, 4.4–4.6), with failover on
 * ({@code flags = 2}) and two gateways in set 1, {@code first} before {@code second} by priority
 * (algorithm 8).
 */
class DsFunctionsTest {

    @TempDir
    Path dir;
    private final UdpDestination first;
    private final UdpDestination second;
    private final UdpDestination phone;
    private Engine engine;
    private int port;
    private int sent;

    DsFunctionsTest() throws Exception {
        first = new UdpDestination();
        second = new UdpDestination();
        phone = new UdpDestination();
    }

    @BeforeEach
    void start() throws Exception {
        Path list = Files.writeString(dir.resolve("dispatcher.list"),
                "1 " + first.uri() + " 0 10\n1 " + second.uri() + " 0 5\n");
        engine = TestEngine.start("tm.t1 = 50ms, route = " + DsFunctionsRoute.class.getName()
                + ", dispatcher { list-file = \"" + list + "\", flags = 2 }");
        port = TestEngine.udpPort(engine);
    }

    @AfterEach
    void stop() {
        first.close();
        second.close();
        phone.close();
        engine.stop().toCompletableFuture().join();
    }

    /** Sends a MESSAGE for {@code user}@example.com from the phone; the answer it gets. */
    private SipResponse message(String user) throws Exception {
        return request("MESSAGE", user);
    }

    private SipResponse request(String method, String user) throws Exception {
        sent++;
        phone.send(SipText.text(
                method + " sip:" + user + "@example.com SIP/2.0",
                "Via: SIP/2.0/UDP 127.0.0.1:" + phone.port() + ";branch=z9hG4bK-ds-" + sent,
                "Max-Forwards: 70",
                "From: <sip:alice@127.0.0.1>;tag=a1",
                "To: <sip:" + user + "@example.com>",
                "Call-ID: ds-functions-" + sent,
                "CSeq: 1 " + method), port);
        SipResponse answer = phone.answers.poll(5, TimeUnit.SECONDS);
        assertNotNull(answer, "an answer to " + user + " within 5 s");
        return answer;
    }

    private static SipRequest relayedTo(UdpDestination gateway) throws InterruptedException {
        SipRequest relayed = gateway.received.poll(5, TimeUnit.SECONDS);
        assertNotNull(relayed, "relayed to " + gateway.uri());
        return relayed;
    }

    private String flags(UdpDestination gateway) {
        for (JsonNode target : Ctl.call(engine, "dispatcher.list").get("RECORDS").get(0).get("SET").get("TARGETS")) {
            if (target.get("DEST").get("URI").asText().equals(gateway.uri())) {
                return target.get("DEST").get("FLAGS").asText();
            }
        }
        throw new AssertionError(gateway.uri() + " not in dispatcher.list");
    }

    @Test
    void dsListExistTellsALoadedSetFromAnother() throws Exception {
        SipResponse one = message("list-1");
        assertEquals(200, one.statusCode(), one::toString);
        SipResponse two = message("list-2");
        assertEquals(404, two.statusCode(), two::toString);
        assertEquals("Set 2", two.reasonPhrase());
    }

    @Test
    void dsNextDomainPutsTheNextDestinationIntoTheRequestUri() throws Exception {
        assertEquals(200, message("next").statusCode());
        assertEquals("sip:next@127.0.0.1:" + second.port(), relayedTo(second).requestUriText());
        assertNull(first.received.poll(500, TimeUnit.MILLISECONDS), "the first choice was passed over");
    }

    @Test
    void aFailureRouteMarksTheGatewayThatFailedAndRelaysToTheNextDomain() throws Exception {
        first.inviteCode = 503;
        SipResponse answer = request("INVITE", "failover");
        assertEquals(200, answer.statusCode(), "the second gateway's answer, not the first one's 503");
        assertEquals("sip:failover@127.0.0.1:" + first.port(), relayedTo(first).requestUriText());
        assertEquals("sip:failover@127.0.0.1:" + second.port(), relayedTo(second).requestUriText());
        assertEquals("IP", awaitFlags(first, "IP"));
    }

    /** The flags of {@code gateway} once they are {@code expected}, or after 10 s. */
    private String awaitFlags(UdpDestination gateway, String expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!flags(gateway).equals(expected) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        return flags(gateway);
    }

    @Test
    void dsMarkDstTakesTheDestinationOutOfSelection() throws Exception {
        assertEquals(200, message("before").statusCode());
        relayedTo(first);
        assertEquals("AX", flags(first));

        SipResponse marked = message("mark");
        assertEquals(200, marked.statusCode(), marked::toString);
        assertEquals(first.uri(), marked.reasonPhrase());
        assertEquals("IP", awaitFlags(first, "IP"), "inactive and probing");
        assertEquals("AX", flags(second));

        assertEquals(200, message("after").statusCode());
        relayedTo(second);
        assertNull(first.received.poll(500, TimeUnit.MILLISECONDS), "the marked destination is not selected");
    }
}
