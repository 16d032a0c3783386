package io.switchboard.engine.management;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.engine.Engine;
import io.switchboard.engine.config.ConfigLoader;
import io.switchboard.transport.net.ListenAddress;
import io.switchboard.transport.net.Transport;
import java.io.ByteArrayOutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
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

    /** Sends an OPTIONS with Max-Forwards 0 and returns the status line of the answer (483). */
    private static String optionsWithMaxForwardsZero(String callId) throws Exception {
        return options(callId, "OPTIONS");
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

    @Test
    void statisticsMoveWithTrafficAndCountersReset() throws Exception {
        long received = statistic("core:rcv_requests");
        long tooManyHops = statistic("sl:483_replies");
        long sent = statistic("sl:sent_replies");
        assertEquals("SIP/2.0 483 Too Many Hops", optionsWithMaxForwardsZero("mgmt-stats-1"));
        assertEquals(received + 1, statistic("core:rcv_requests"));
        assertEquals(tooManyHops + 1, statistic("sl:483_replies"));
        assertEquals(sent + 1, statistic("sl:sent_replies"));
        assertEquals(0, statistic("sl:4xx_replies"), "483 counts apart from the other 4xx, as in Kamailio");
        assertTrue(statistic("tm:UAS_transactions") >= 1);

        rpc.result("stats.reset_statistics", "core:");
        assertEquals(0, statistic("core:rcv_requests"));
        assertEquals(tooManyHops + 1, statistic("sl:483_replies"), "sl statistics are not reset, as in Kamailio");
        optionsWithMaxForwardsZero("mgmt-stats-2");
        assertEquals(1, statistic("rcv_requests"), "a bare name finds the statistic too");
    }

    @Test
    void aRequestFailingTheSanityChecksIsAnErrorRequestAndAnErrorReply() throws Exception {
        long errors = statistic("core:err_requests");
        long badRequests = statistic("sl:400_replies");
        long errorReplies = statistic("sl:sent_err_replies");
        assertEquals("SIP/2.0 400 Bad Request", options("mgmt-sanity-1", "INVITE"));
        assertEquals(errors + 1, statistic("core:err_requests"));
        assertEquals(badRequests + 1, statistic("sl:400_replies"));
        assertEquals(errorReplies + 1, statistic("sl:sent_err_replies"));
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

    private static List<String> lines(JsonNode array) {
        List<String> lines = new ArrayList<>();
        array.forEach(line -> lines.add(line.asText()));
        return lines;
    }
}
