package io.switchboard.engine.dispatcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.actors.dispatcher.DispatcherEvent;
import io.switchboard.engine.Engine;
import io.switchboard.engine.config.ConfigLoader;
import io.switchboard.transport.message.HeaderName;
import io.switchboard.transport.message.SipRequest;
import io.switchboard.transport.message.SipResponse;
import io.switchboard.transport.net.ListenAddress;
import io.switchboard.transport.net.Transport;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dispatcher in a running engine, with gateways on real UDP sockets: OPTIONS probes take a
 * gateway down and bring it back with the events (seed manual 002, 3.22–3.26, section 8);
 * {@code ds_is_from_list}, {@code ds_list_exist} and {@code ds_select_domain} from a route.
 */
class DispatcherTest {

    @TempDir
    Path dir;
    private final UdpDestination gateway;
    private Engine engine;

    DispatcherTest() throws Exception {
        gateway = new UdpDestination();
    }

    @BeforeEach
    void clearEvents() {
        DispatchingRoute.EVENTS.clear();
    }

    @AfterEach
    void stop() {
        gateway.close();
        if (engine != null) {
            engine.stop().toCompletableFuture().join();
        }
    }

    private void start(String dispatcher) throws Exception {
        Path list = dir.resolve("dispatcher.list");
        Files.writeString(list, "1 " + gateway.uri() + "\n2 sip:192.0.2.99:5060 4\n");
        engine = Engine.start(ConfigLoader.parse("switchboard { listen = [\"udp:127.0.0.1:0\"], "
                + "rpc.listen = \"127.0.0.1:0\", shutdown-timeout = 1s, tm.t1 = 50ms, "
                + "route = " + DispatchingRoute.class.getName() + ", "
                + "dispatcher { list-file = \"" + list + "\", " + dispatcher + " } }"));
    }

    private int sipPort() {
        return engine.listeners().stream().filter(l -> l.transport() == Transport.UDP).mapToInt(ListenAddress::port)
                .findFirst().orElseThrow();
    }

    private String flags() {
        return Ctl.call(engine, "dispatcher.list").get("RECORDS").get(0).get("SET").get("TARGETS").get(0).get("DEST")
                .get("FLAGS").asText();
    }

    private DispatcherEvent event() throws InterruptedException {
        DispatcherEvent event = DispatchingRoute.EVENTS.poll(20, TimeUnit.SECONDS);
        assertNotNull(event, "an event within 20s");
        return event;
    }

    @Test
    void probesTakeASilentGatewayDownAndBringItBack() throws Exception {
        start("ds-ping-interval = 500ms, ds-probing-mode = 1");
        SipRequest probe = gateway.received.poll(10, TimeUnit.SECONDS);
        assertNotNull(probe, "an OPTIONS within 10s");
        assertEquals("OPTIONS", probe.method().name());
        assertEquals(gateway.uri(), probe.requestUriText());
        assertTrue(probe.header(HeaderName.FROM).startsWith("<sip:dispatcher@localhost>;tag="), probe::toString);
        gateway.optionsCode = 0;
        DispatcherEvent down = event();
        assertEquals("dispatcher:dst-down", down.name());
        assertEquals(gateway.uri(), down.uri());
        assertEquals(408, down.code(), "a probe that times out counts as a failure");
        assertEquals("IP", flags());
        gateway.optionsCode = 200;
        assertEquals("dispatcher:dst-up", event().name());
        assertEquals("AP", flags());
        assertTrue(Ctl.call(engine, "stats.get_statistics", "dispatcher:probes_sent").toString()
                .matches(".*probes_sent = [1-9].*"));
    }

    @Test
    void anAnswerNotInTheReplyCodesCountsAsFailureAndAListedOneAsSuccess() throws Exception {
        start("ds-ping-interval = 500ms, ds-probing-mode = 1, ds-ping-reply-codes = \"code=403\"");
        gateway.optionsCode = 404;
        assertEquals(404, event().code());
        gateway.optionsCode = 403;
        assertEquals("dispatcher:dst-up", event().name());
    }

    @Test
    void pingActiveZeroStopsTheProbes() throws Exception {
        start("ds-ping-interval = 500ms, ds-probing-mode = 1");
        gateway.received.poll(10, TimeUnit.SECONDS);
        Ctl.call(engine, "dispatcher.ping_active", "0");
        Thread.sleep(700);
        gateway.received.clear();
        Thread.sleep(1200);
        assertTrue(gateway.received.isEmpty(), "no probes while ping_active is 0");
    }

    @Test
    void isFromListMatchesTheSourceOfARequest() throws Exception {
        start("");
        gateway.send(message("m1", gateway.port()), sipPort());
        SipResponse fromGateway = gateway.answers.poll(5, TimeUnit.SECONDS);
        assertNotNull(fromGateway);
        assertEquals(200, fromGateway.statusCode());
        assertEquals("From Set 1", fromGateway.reasonPhrase());
        try (DatagramSocket stranger = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            stranger.setSoTimeout(5000);
            byte[] bytes = message("m2", stranger.getLocalPort()).getBytes(StandardCharsets.US_ASCII);
            stranger.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), sipPort()));
            DatagramPacket answer = new DatagramPacket(new byte[4096], 4096);
            stranger.receive(answer);
            assertTrue(new String(answer.getData(), 0, answer.getLength(), StandardCharsets.US_ASCII)
                    .startsWith("SIP/2.0 403 Who"));
        }
    }

    private static String message(String callId, int port) {
        return "MESSAGE sip:proxy@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:" + port + ";branch=z9hG4bK-" + callId
                + "\r\nMax-Forwards: 70\r\nFrom: <sip:gw@127.0.0.1>;tag=g1\r\nTo: <sip:proxy@127.0.0.1>\r\nCall-ID: "
                + callId + "\r\nCSeq: 1 MESSAGE\r\nContent-Length: 0\r\n\r\n";
    }

    @Test
    void selectDomainWritesTheGatewayIntoTheRequestUri() throws Exception {
        start("");
        try (DatagramSocket caller = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            String invite = "INVITE sip:+15551234@carrier.example.com;user=phone SIP/2.0\r\n"
                    + "Via: SIP/2.0/UDP 127.0.0.1:" + caller.getLocalPort() + ";branch=z9hG4bK-sd1\r\n"
                    + "Max-Forwards: 70\r\nFrom: <sip:alice@127.0.0.1>;tag=a1\r\nTo: <sip:+15551234@carrier.example.com>\r\n"
                    + "Call-ID: sd1\r\nCSeq: 1 INVITE\r\nContact: <sip:alice@127.0.0.1:" + caller.getLocalPort()
                    + ">\r\nContent-Length: 0\r\n\r\n";
            byte[] bytes = invite.getBytes(StandardCharsets.US_ASCII);
            caller.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), sipPort()));
            SipRequest relayed = gateway.received.poll(10, TimeUnit.SECONDS);
            assertNotNull(relayed);
            assertEquals("sip:+15551234@127.0.0.1:" + gateway.port(), relayed.requestUriText(),
                    "user kept, host and port of the gateway");
        }
    }
}
