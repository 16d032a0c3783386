package io.switchboard.engine.dlgs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.engine.Engine;
import io.switchboard.engine.htable.TestEngine;
import io.switchboard.engine.htable.Ctl;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * dlgs with the built-in route ({@code dlgs.enable}): an INVITE relayed to a callee played by a
 * socket here is tracked, its 180 and 486 move the record on, and the dlgs.* commands and dlgs:
 * statistics show it with Kamailio's names and shapes.
 */
class DlgsCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private Engine engine;
    private DatagramSocket caller;
    private DatagramSocket callee;
    private int proxy;

    @BeforeEach
    void start() throws Exception {
        engine = TestEngine.start("dlgs.enable = true");
        proxy = TestEngine.udpPort(engine);
        caller = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        callee = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        caller.setSoTimeout(5_000);
        callee.setSoTimeout(5_000);
    }

    @AfterEach
    void stop() {
        caller.close();
        callee.close();
        engine.stop().toCompletableFuture().join();
    }

    private JsonNode rpc(String... command) {
        Ctl answer = Ctl.call(engine, command);
        assertEquals(0, answer.status(), answer.error());
        return answer.result();
    }

    private static void send(DatagramSocket socket, String text, int port) throws Exception {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        socket.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), port));
    }

    private static String receive(DatagramSocket socket) throws Exception {
        DatagramPacket packet = new DatagramPacket(new byte[4096], 4096);
        socket.receive(packet);
        return new String(packet.getData(), 0, packet.getLength(), StandardCharsets.US_ASCII);
    }

    /** Receives until a message starting with {@code start} (a 100 Trying may come first). */
    private static String receive(DatagramSocket socket, String start) throws Exception {
        String message = receive(socket);
        while (!message.startsWith(start)) {
            message = receive(socket);
        }
        return message;
    }

    /** The callee's answer to {@code invite}: its Via, From, Call-ID and CSeq, a tagged To. */
    private static String answer(String invite, String status) {
        String headers = invite.lines().filter(l -> l.startsWith("Via:") || l.startsWith("From:")
                || l.startsWith("Call-ID:") || l.startsWith("CSeq:")).collect(Collectors.joining("\r\n"));
        String to = invite.lines().filter(l -> l.startsWith("To:")).findFirst().orElseThrow();
        return "SIP/2.0 " + status + "\r\n" + headers + "\r\n" + to + ";tag=callee1\r\nContent-Length: 0\r\n\r\n";
    }

    private int state() throws Exception {
        return rpc("dlgs.briefing").get(0).get("state").asInt();
    }

    @Test
    void aCallIsTrackedThroughItsRepliesAndShownByTheCommands() throws Exception {
        send(caller, "INVITE sip:bob@127.0.0.1:" + callee.getLocalPort() + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + caller.getLocalPort() + ";branch=z9hG4bK-dlgs-1\r\n"
                + "Max-Forwards: 70\r\nFrom: <sip:alice@example.com>;tag=a1\r\nTo: <sip:bob@example.com>\r\n"
                + "Call-ID: dlgs-call-1\r\nCSeq: 1 INVITE\r\nContact: <sip:alice@127.0.0.1>\r\nContent-Length: 0\r\n\r\n",
                proxy);
        String relayed = receive(callee);
        assertTrue(relayed.startsWith("INVITE "), relayed);

        JsonNode record = rpc("dlgs.list").get(0);
        assertEquals(1, record.get("count").asInt());
        assertEquals("sip:alice@example.com", record.get("src").asText());
        assertEquals("sip:bob@example.com", record.get("dst").asText());
        assertEquals("127.0.0.1", record.get("data").asText());
        assertEquals("dlgs-call-1", record.get("callid").asText());
        assertEquals("a1", record.get("ftag").asText());
        assertEquals("", record.get("ttag").asText());
        assertTrue(record.get("ts_init").asLong() > 1_600_000_000L);
        assertEquals(0, record.get("ts_answer").asLong());
        assertEquals(0, record.get("state").asInt());
        assertTrue(record.get("ruid").asText().startsWith("dlgs-"));
        assertEquals("[\"count\",\"src\",\"dst\",\"callid\",\"state\"]",
                JSON.writeValueAsString(rpc("dlgs.briefing").get(0).fieldNames()));

        send(callee, answer(relayed, "180 Ringing"), proxy);
        receive(caller, "SIP/2.0 180");
        assertEquals(1, state(), "progress");
        assertEquals(1, rpc("dlgs.get", "src", "sw", "sip:alice").size());
        assertEquals(0, rpc("dlgs.get", "src", "eq", "sip:carol@example.com").size());
        assertEquals(1, rpc("dlgs.getall", "any", "eq", "").size());

        send(callee, answer(relayed, "486 Busy Here"), proxy);
        receive(caller, "SIP/2.0 486");
        assertEquals(5, state(), "not answered");
        JsonNode stats = rpc("dlgs.stats");
        assertEquals("{\"all\":1,\"init\":0,\"progress\":0,\"answered\":0,\"confirmed\":0,\"terminated\":0,"
                + "\"notanswered\":1}", stats.get("active").toString());
        assertEquals(0, stats.get("final").get("notanswered").asInt());
        assertEquals("dlgs:active_notanswered = 1", rpc("stats.get_statistics", "dlgs:active_notanswered").get(0).asText());
    }

    @Test
    void aBadFilterIsAnInvalidParameter() {
        Ctl answer = Ctl.call(engine, "dlgs.get", "from", "eq", "x");
        assertEquals(1, answer.status());
        assertTrue(answer.error().contains("-32602") && answer.error().contains("unknown field 'from'"), answer.error());
    }
}
