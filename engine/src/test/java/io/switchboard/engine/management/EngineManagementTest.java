package io.switchboard.engine.management;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.engine.Engine;
import io.switchboard.engine.config.ConfigLoader;
import io.switchboard.transport.message.HeaderName;
import io.switchboard.transport.message.MessageBuilder;
import io.switchboard.transport.message.SipFramer;
import io.switchboard.transport.message.SipMessage;
import io.switchboard.transport.message.SipRequest;
import io.switchboard.transport.message.SipResponse;
import io.switchboard.transport.net.ListenAddress;
import io.switchboard.transport.net.Transport;
import io.switchboard.transport.parse.SipParseException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A running engine's management plane: statistics that move with real SIP traffic, metrics, ctl. */
class EngineManagementTest {

    private static Engine engine;
    private static RpcCalls rpc;
    private static int sipPort;

    @BeforeAll
    static void start() {
        engine = Engine.start(ConfigLoader.parse(
                "switchboard { listen = [\"udp:127.0.0.1:0\"], rpc.listen = \"127.0.0.1:0\", shutdown-timeout = 1s }"));
        rpc = new RpcCalls(engine.management(), null);
        sipPort = engine.listeners().stream().filter(l -> l.transport() == Transport.UDP)
                .mapToInt(ListenAddress::port).findFirst().orElseThrow();
    }

    @AfterAll
    static void stop() {
        engine.stop().toCompletableFuture().join();
    }

    /**
     * Sends an OPTIONS with Max-Forwards 0 and returns the status line of the answer (483) once the
     * engine has counted it: the lane counts the 483 (sl:, and tm: before it) after sending it, and
     * a count landing late would move the baseline the next test reads (see {@link #awaitStatistic}).
     */
    private static String optionsWithMaxForwardsZero(String callId) throws Exception {
        long tooManyHops = statistic("sl:483_replies");
        String answer = options(callId, "OPTIONS");
        awaitStatistic(tooManyHops + 1, "sl:483_replies", "the 483 to " + callId + " is counted once sent");
        return answer;
    }

    /** Sends an OPTIONS with Max-Forwards 0 and the CSeq method given; returns the answer's status line. */
    private static String options(String callId, String cseqMethod) throws Exception {
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            socket.setSoTimeout(5_000);
            String request = "OPTIONS sip:nobody@127.0.0.1:" + sipPort + " SIP/2.0\r\n"
                    + "Via: SIP/2.0/UDP 127.0.0.1:" + socket.getLocalPort() + ";branch=z9hG4bK-" + callId + "\r\n"
                    + "Max-Forwards: 0\r\n"
                    + "From: <sip:tester@127.0.0.1>;tag=t1\r\n"
                    + "To: <sip:nobody@127.0.0.1>\r\n"
                    + "Call-ID: " + callId + "\r\n"
                    + "CSeq: 1 " + cseqMethod + "\r\n"
                    + "Content-Length: 0\r\n\r\n";
            byte[] bytes = request.getBytes(StandardCharsets.US_ASCII);
            socket.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), sipPort));
            DatagramPacket answer = new DatagramPacket(new byte[4096], 4096);
            socket.receive(answer);
            String text = new String(answer.getData(), 0, answer.getLength(), StandardCharsets.US_ASCII);
            return text.substring(0, text.indexOf("\r\n"));
        }
    }

    private static long statistic(String name) throws Exception {
        JsonNode lines = rpc.result("stats.get_statistics", name);
        assertEquals(1, lines.size(), lines::toString);
        String line = lines.get(0).asText();
        assertTrue(line.endsWith(name + " = " + line.substring(line.indexOf(" = ") + 3)), line);
        return Long.parseLong(line.substring(line.indexOf(" = ") + 3));
    }

    /** The values of {@code names} now, by name. */
    private static Map<String, Long> statistics(String... names) throws Exception {
        Map<String, Long> values = new LinkedHashMap<>();
        for (String name : names) {
            values.put(name, statistic(name));
        }
        return values;
    }

    /** How far each statistic of {@code before} moved since. */
    private static Map<String, Long> moved(Map<String, Long> before) throws Exception {
        Map<String, Long> moved = new LinkedHashMap<>();
        for (Map.Entry<String, Long> entry : before.entrySet()) {
            moved.put(entry.getKey(), statistic(entry.getKey()) - entry.getValue());
        }
        return moved;
    }

    /**
     * Asserts {@code statistic} reaches {@code expected} within 5 s: a counter moves on the lane
     * that sent the reply, so the reply can reach the test a moment before the count does.
     */
    private static void awaitStatistic(long expected, String statistic, String message) throws Exception {
        long until = System.nanoTime() + 5_000_000_000L;
        while (statistic(statistic) != expected && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        assertEquals(expected, statistic(statistic), message);
    }

    /** Asserts the statistics of {@code before} move by {@code expected} within 5 s (see {@link #awaitStatistic}). */
    private static void awaitMoved(Map<String, Long> expected, Map<String, Long> before, String message)
            throws Exception {
        long until = System.nanoTime() + 5_000_000_000L;
        while (!moved(before).equals(expected) && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        assertEquals(expected, moved(before), message);
    }

    @Test
    void statisticsMoveWithTrafficAndCountersReset() throws Exception {
        long received = statistic("core:rcv_requests");
        long tooManyHops = statistic("sl:483_replies");
        long sent = statistic("sl:sent_replies");
        Map<String, Long> tm = statistics("tm:UAS_transactions", "tm:4xx_transactions", "tm:rpl_generated",
                "tm:rpl_sent", "tm:rpl_relayed");
        assertEquals("SIP/2.0 483 Too Many Hops", optionsWithMaxForwardsZero("mgmt-stats-1"));
        assertEquals(received + 1, statistic("core:rcv_requests"));
        awaitStatistic(tooManyHops + 1, "sl:483_replies", "the 483 counts once it is sent");
        awaitStatistic(sent + 1, "sl:sent_replies", "the 483 counts once it is sent");
        assertEquals(0, statistic("sl:4xx_replies"), "483 counts apart from the other 4xx, as in Kamailio");
        awaitMoved(Map.of("tm:UAS_transactions", 1L, "tm:4xx_transactions", 1L, "tm:rpl_generated", 1L,
                "tm:rpl_sent", 1L, "tm:rpl_relayed", 0L), tm, "the 483 went out through its transaction");

        rpc.result("stats.reset_statistics", "core:");
        assertEquals(0, statistic("core:rcv_requests"));
        assertEquals(tooManyHops + 1, statistic("sl:483_replies"), "sl statistics are not reset, as in Kamailio");
        optionsWithMaxForwardsZero("mgmt-stats-2");
        assertEquals(1, statistic("rcv_requests"), "a bare name finds the statistic too");
    }

    /**
     * A call through the engine over UDP — INVITE answered 180 and 200, ACK, BYE answered 200 —
     * moves the tm statistics as Kamailio's tmx counts a relayed call, and the core's received and
     * forwarded replies.
     */
    @Test
    void aRelayedCallMovesTheTransactionStatistics() throws Exception {
        Map<String, Long> before = statistics("tm:UAS_transactions", "tm:UAC_transactions", "tm:2xx_transactions",
                "tm:4xx_transactions", "tm:rpl_received", "tm:rpl_relayed", "tm:rpl_absorbed", "sl:sent_replies",
                "core:rcv_replies", "core:fwd_replies");
        long generated = statistic("tm:rpl_generated");
        long sent = statistic("tm:rpl_sent");
        try (Callee callee = new Callee(); DatagramSocket caller = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            caller.setSoTimeout(5_000);
            String callId = "mgmt-call-" + System.nanoTime();
            String dialog = "From: <sip:caller@127.0.0.1>;tag=c1\r\nCall-ID: " + callId + "\r\n";
            send(caller, "INVITE sip:callee@127.0.0.1:" + callee.port() + " SIP/2.0\r\n" + via(caller, callId, 1)
                    + dialog + "To: <sip:callee@127.0.0.1>\r\nCSeq: 1 INVITE\r\nContact: <sip:caller@127.0.0.1:"
                    + caller.getLocalPort() + ">\r\nMax-Forwards: 70\r\nContent-Length: 0\r\n\r\n");
            SipResponse ok = finalResponse(caller);
            assertEquals(200, ok.statusCode());
            List<String> routeSet = new ArrayList<>(ok.headerValues(HeaderName.RECORD_ROUTE));
            Collections.reverse(routeSet);
            String inDialog = " sip:callee@127.0.0.1:" + callee.port() + " SIP/2.0\r\nRoute: " + String.join(", ", routeSet)
                    + "\r\n" + dialog + "To: <sip:callee@127.0.0.1>;tag=callee\r\nMax-Forwards: 70\r\n";
            send(caller, "ACK" + inDialog + via(caller, callId, 2) + "CSeq: 1 ACK\r\nContent-Length: 0\r\n\r\n");
            send(caller, "BYE" + inDialog + via(caller, callId, 3) + "CSeq: 2 BYE\r\nContent-Length: 0\r\n\r\n");
            assertEquals(200, finalResponse(caller).statusCode());
            assertEquals(List.of("INVITE", "ACK", "BYE"), callee.methods());
        }
        awaitMoved(Map.of("tm:UAS_transactions", 2L, "tm:UAC_transactions", 2L, "tm:2xx_transactions", 2L,
                "tm:4xx_transactions", 0L, "tm:rpl_received", 3L, "tm:rpl_relayed", 3L, "tm:rpl_absorbed", 0L,
                "sl:sent_replies", 0L, "core:rcv_replies", 3L, "core:fwd_replies", 3L), before,
                "180, 200 and the BYE's 200 received and relayed");
        assertEquals(statistic("tm:rpl_sent") - sent, statistic("tm:rpl_generated") - generated + 3,
                "sent: the three relayed and the 100 Trying if the engine sent one");
        assertEquals(0, statistic("tm:active_transactions"), "every transaction has its final reply");
        assertTrue(statistic("tm:inuse_transactions") >= 1, "the INVITE's waits for timer L");
    }

    private static String via(DatagramSocket socket, String callId, int branch) {
        return "Via: SIP/2.0/UDP 127.0.0.1:" + socket.getLocalPort() + ";branch=z9hG4bK-" + callId + "-" + branch
                + "\r\n";
    }

    /** Sends to the engine. */
    private static void send(DatagramSocket socket, String text) throws IOException {
        send(socket, text.getBytes(StandardCharsets.US_ASCII));
    }

    private static void send(DatagramSocket socket, byte[] bytes) throws IOException {
        socket.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), sipPort));
    }

    private static SipMessage receive(DatagramSocket socket) throws IOException, SipParseException {
        DatagramPacket packet = new DatagramPacket(new byte[65535], 65535);
        socket.receive(packet);
        return SipFramer.DEFAULT.frame(Arrays.copyOf(packet.getData(), packet.getLength()));
    }

    /** The first final response {@code socket} receives, provisional ones skipped. */
    private static SipResponse finalResponse(DatagramSocket socket) throws IOException, SipParseException {
        while (true) {
            if (receive(socket) instanceof SipResponse response && response.isFinal()) {
                return response;
            }
        }
    }

    /**
     * A UAS on 127.0.0.1: answers a new INVITE 180 then 200 (its Record-Route copied, RFC 3261
     * §12.1.1) and a BYE 200, once per branch, and keeps the methods it received.
     */
    private static final class Callee implements AutoCloseable {
        private final DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        private final List<String> methods = Collections.synchronizedList(new ArrayList<>());
        private final Set<String> branches = new HashSet<>();

        Callee() throws IOException {
            Thread thread = new Thread(this::answer, "callee");
            thread.setDaemon(true);
            thread.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        /** The methods received, waiting up to 5 s for the third. */
        List<String> methods() throws InterruptedException {
            long until = System.nanoTime() + 5_000_000_000L;
            while (methods.size() < 3 && System.nanoTime() < until) {
                Thread.sleep(10);
            }
            return List.copyOf(methods);
        }

        /** Answers what the engine relays, back to the engine (the top Via is its listener). */
        private void answer() {
            while (!socket.isClosed()) {
                try {
                    SipRequest request = (SipRequest) receive(socket);
                    if (!branches.add(request.topVia().branch())) {
                        continue;
                    }
                    methods.add(request.method().name());
                    if (request.isInvite()) {
                        reply(request, 180);
                    }
                    if (!request.isAck()) {
                        reply(request, 200);
                    }
                } catch (IOException | RuntimeException | SipParseException e) {
                    return;
                }
            }
        }

        private void reply(SipRequest request, int code) throws IOException {
            MessageBuilder response = MessageBuilder.responseTo(request, code, null, "callee");
            request.headerValues(HeaderName.RECORD_ROUTE).forEach(rr -> response.add(HeaderName.RECORD_ROUTE, rr));
            response.add(HeaderName.CONTACT, "<sip:callee@127.0.0.1:" + port() + ">");
            send(socket, response.buildResponse().encode());
        }

        @Override
        public void close() {
            socket.close();
        }
    }

    /**
     * A datagram that does not frame as SIP (RFC 3261 §7.1: its Request-Line's method is not a
     * token) is dropped unanswered and counted in {@code core:bad_msg_hdr}; it is no request. The
     * OPTIONS sent after it is answered once the engine has read both, in order, from its socket.
     */
    @Test
    void aDatagramThatIsNotSipIsABadMessageHeader() throws Exception {
        Map<String, Long> before = statistics("core:bad_msg_hdr", "core:rcv_requests", "core:err_requests");
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            send(socket, "HELLO, this is not SIP\r\n\r\n");
        }
        assertEquals("SIP/2.0 483 Too Many Hops", optionsWithMaxForwardsZero("mgmt-garbage-1"));
        assertEquals(Map.of("core:bad_msg_hdr", 1L, "core:rcv_requests", 1L, "core:err_requests", 0L), moved(before),
                "the garbage counted as a bad header, only the OPTIONS as a request");
    }

    @Test
    void aRequestFailingTheSanityChecksIsAnErrorRequestAndAnErrorReply() throws Exception {
        long errors = statistic("core:err_requests");
        long badRequests = statistic("sl:400_replies");
        long errorReplies = statistic("sl:sent_err_replies");
        assertEquals("SIP/2.0 400 Bad Request", options("mgmt-sanity-1", "INVITE"));
        assertEquals(errors + 1, statistic("core:err_requests"), "counted before the 400 is sent");
        awaitStatistic(badRequests + 1, "sl:400_replies", "the 400 counts once it is sent");
        awaitStatistic(errorReplies + 1, "sl:sent_err_replies", "the 400 counts once it is sent");
    }

    @Test
    void getStatisticsTakesAllAGroupOrNames() throws Exception {
        List<String> all = lines(rpc.result("stats.get_statistics", "all"));
        for (String group : new String[] {"core:", "tm:", "sl:", "shmem:", "tcp:", "dialog:"}) {
            assertTrue(all.stream().anyMatch(line -> line.startsWith(group)), group);
        }
        assertTrue(all.stream().allMatch(line -> line.matches("\\w+:\\w+ = \\d+")), all::toString);
        List<String> core = lines(rpc.result("stats.get_statistics", "core:"));
        assertTrue(core.stream().allMatch(line -> line.startsWith("core:")));
        assertTrue(core.stream().anyMatch(line -> line.startsWith("core:shed_load = ")));
        assertTrue(core.stream().anyMatch(line -> line.startsWith("core:bad_msg_hdr = ")));
        assertEquals(2, rpc.result("stats.get_statistics", "tm:inuse_transactions", "sl:200_replies").size());
        assertEquals(List.of("UAS_transactions", "UAC_transactions", "2xx_transactions", "3xx_transactions",
                "4xx_transactions", "5xx_transactions", "6xx_transactions", "inuse_transactions", "active_transactions",
                "rpl_received", "rpl_absorbed", "rpl_generated", "rpl_relayed", "rpl_sent"),
                names(rpc.result("stats.get_statistics", "tm:")), "the tmx module's statistics, in its order");
        assertTrue(names(rpc.result("stats.get_statistics", "sl:")).contains("failures"));
        JsonNode fetched = rpc.result("stats.fetch", "shmem:");
        assertTrue(fetched.get("shmem.total_size").asLong() > 0, fetched::toString);
        JsonNode unknown = rpc.call("stats.get_statistics", "nosuch:");
        assertEquals(RpcException.INVALID_PARAMS, unknown.get("error").get("code").asInt());
        assertTrue(unknown.get("error").get("message").asText().contains("'nosuch:'"));
    }

    @Test
    void prometheusSeesTheSameCounters() throws Exception {
        optionsWithMaxForwardsZero("mgmt-metrics-1");
        String metrics = rpc.get(RpcHttpHandler.METRICS_PATH, null).body();
        assertTrue(metrics.contains("# TYPE switchboard_core_rcv_requests_total counter"), metrics);
        assertTrue(metrics.lines().anyMatch(l -> l.matches("switchboard_core_rcv_requests_total [1-9][0-9.E]*")), metrics);
        assertTrue(metrics.contains("switchboard_sl_483_replies_total"));
        assertTrue(metrics.contains("# TYPE switchboard_tm_inuse_transactions gauge"));
        assertTrue(metrics.contains("# TYPE switchboard_tm_active_transactions gauge"));
        assertTrue(metrics.contains("# TYPE switchboard_tm_2xx_transactions_total counter"), metrics);
        assertTrue(metrics.contains("# TYPE switchboard_tm_rpl_received_total counter"));
        assertTrue(metrics.contains("jvm_memory_used_bytes{"));
        assertTrue(metrics.contains("jvm_gc_"));
    }

    @Test
    void ctlPrintsTheResultAsIndentedJson() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = RpcClient.run(new String[] {"--url", rpc.rpcUrl(), "core.uptime"},
                RpcServerTokenTest.print(out), RpcServerTokenTest.print(err));
        assertEquals(RpcClient.OK, status, err::toString);
        String printed = out.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("\n  \"uptime\" : "), printed);
        assertTrue(RpcCalls.JSON.readTree(printed).get("uptime").isIntegralNumber());

        out.reset();
        status = RpcClient.run(new String[] {"--url", rpc.rpcUrl(), "stats.get_statistics", "core:", "sl:483_replies"},
                RpcServerTokenTest.print(out), RpcServerTokenTest.print(err));
        assertEquals(RpcClient.OK, status, err::toString);
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("\n  \"sl:483_replies = "), out::toString);
    }

    @Test
    void ctlExitsNonZeroOnAnError() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = RpcClient.run(new String[] {"--url", rpc.rpcUrl(), "dlg.nosuch", "1"},
                RpcServerTokenTest.print(out), RpcServerTokenTest.print(err));
        assertEquals(RpcClient.RPC_ERROR, status);
        assertEquals("", out.toString(StandardCharsets.UTF_8));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("\"code\" : -32601"), err::toString);
    }

    /** The names of {@code group:name = value} lines, without the group. */
    private static List<String> names(JsonNode array) {
        return lines(array).stream().map(line -> line.substring(line.indexOf(':') + 1, line.indexOf(" = "))).toList();
    }

    private static List<String> lines(JsonNode array) {
        List<String> lines = new ArrayList<>();
        array.forEach(line -> lines.add(line.asText()));
        return lines;
    }
}
