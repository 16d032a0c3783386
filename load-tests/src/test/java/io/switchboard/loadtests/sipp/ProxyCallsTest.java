package io.switchboard.loadtests.sipp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Whole calls through the built-in proxy route, with SIPp as caller and callee on 127.0.0.1
 * (scenarios in {@code load-tests/sipp}). The engine runs in this JVM on an ephemeral UDP port.
 * Also the route's uses of the hash tables (the ipban rule) and of dlgs, seen over RPC.
 */
class ProxyCallsTest extends SippCalls {

    /** SIPp may exit before the engine's lane has handled its last message: wait for it. */
    private void awaitReceivedRequests(long count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (engine.counters().receivedRequests() < count && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(count, engine.counters().receivedRequests(), "requests the engine received");
    }

    /**
     * The line of {@code stats.get_statistics statistic} once it reads {@code statistic = expected},
     * or after 10 s: the lane counts a reply it generated after sending it, and SIPp may have the
     * reply and exit before that (a request counts as received before it is answered).
     */
    private String awaitStatistic(String statistic, long expected) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        String line = Rpc.result(engine, "stats.get_statistics", statistic).get(0).asText();
        while (!line.equals(statistic + " = " + expected) && System.nanoTime() < deadline) {
            Thread.sleep(20);
            line = Rpc.result(engine, "stats.get_statistics", statistic).get(0).asText();
        }
        return line;
    }

    @Test
    void thousandCallsAtHundredPerSecondAllSucceed() throws Exception {
        int proxy = startEngine("");
        int uasPort = Sipp.freePort();
        Sipp uas = peer(Sipp.uas("uas.xml", uasPort, 1000), 90);
        Sipp uac = peer(Sipp.uac("uac.xml", Sipp.freePort(), proxy, "127.0.0.1:" + uasPort, 1000, 100), 90);
        assertEquals(0, uac.await(120), uac::output);
        assertEquals(0, uas.await(60), uas::output);
        assertTrue(engine.counters().forwardedRequests() >= 3000, "INVITE, ACK and BYE of each call relayed");
    }

    @Test
    void retransmittedInvitesAreAbsorbed() throws Exception {
        int proxy = startEngine("");
        int uasPort = Sipp.freePort();
        Sipp uas = peer(Sipp.uas("uas-slow.xml", uasPort, 1), 30);
        Sipp uac = peer(Sipp.uac("uac-retransmit.xml", Sipp.freePort(), proxy, "127.0.0.1:" + uasPort, 1, 1), 30);
        assertEquals(0, uac.await(40), uac::output);
        assertEquals(0, uas.await(30), uas::output);
        awaitReceivedRequests(5);
        assertEquals(3, engine.counters().forwardedRequests(), "one INVITE, the ACK and the BYE went downstream");
        assertTrue(engine.transactions().statistics().retransmissionsAbsorbed() >= 2, "the two copies were absorbed");
    }

    @Test
    void cancelBeforeAnswerEndsTheCallWith487() throws Exception {
        int proxy = startEngine("");
        int uasPort = Sipp.freePort();
        Sipp uas = peer(Sipp.uas("uas-ring.xml", uasPort, 1), 30);
        Sipp uac = peer(Sipp.uac("uac-cancel.xml", Sipp.freePort(), proxy, "127.0.0.1:" + uasPort, 1, 1), 30);
        assertEquals(0, uac.await(40), uac::output);
        assertEquals(0, uas.await(30), uas::output);
    }

    @Test
    void a503FromTheFirstTargetMakesTheFailureRouteTryTheNext() throws Exception {
        int failing = Sipp.freePort();
        int working = Sipp.freePort();
        int proxy = startEngine("proxy.destinations = [\"sip:127.0.0.1:%d\", \"sip:127.0.0.1:%d\"]"
                .formatted(failing, working));
        Sipp gateway503 = peer(Sipp.uas("uas-503.xml", failing, 1), 30);
        Sipp gateway = peer(Sipp.uas("uas.xml", working, 1), 30);
        Sipp uac = peer(Sipp.uac("uac.xml", Sipp.freePort(), proxy, "gw.example.com", 1, 1), 30);
        assertEquals(0, uac.await(40), uac::output);
        assertEquals(0, gateway503.await(30), gateway503::output);
        assertEquals(0, gateway.await(30), gateway::output);
    }

    @Test
    void maxForwardsZeroIsAnswered483() throws Exception {
        int proxy = startEngine("");
        int uasPort = Sipp.freePort();
        Sipp uac = peer(Sipp.uac("uac-maxfwd0.xml", Sipp.freePort(), proxy, "127.0.0.1:" + uasPort, 1, 1), 30);
        assertEquals(0, uac.await(40), uac::output);
        awaitReceivedRequests(2);
        assertEquals(0, engine.counters().forwardedRequests(), "neither the INVITE nor its ACK went downstream");
    }

    @Test
    void htableBanAnswersOptionsPastTheThreshold403() throws Exception {
        int allowed = 5;
        int sent = 12;
        int proxy = startEngine("""
                htable.tables = ["ipban=>size=8;autoexpire=300", "ipcount=>size=8;autoexpire=60;updateexpire=0;initval=0"]
                proxy.ipban { table = ipban, count-table = ipcount, requests = %d }
                """.formatted(allowed));
        int uasPort = Sipp.freePort();
        Sipp uas = peer(Sipp.uas("uas-options.xml", uasPort, allowed), 30);
        Sipp uac = peer(Sipp.uac("uac-options.xml", Sipp.freePort(), proxy, "127.0.0.1:" + uasPort, sent, 20), 30);
        assertEquals(0, uac.await(40), uac::output);
        assertEquals(0, uas.await(30), uas::output);
        awaitReceivedRequests(sent);
        assertEquals(allowed, engine.counters().forwardedRequests(), "the first five reached the callee");
        assertEquals("sl:403_replies = " + (sent - allowed), awaitStatistic("sl:403_replies", sent - allowed));
        assertEquals(1, Rpc.result(engine, "htable.get", "ipban", "127.0.0.1").get("item").get("value").asInt());
    }

    /** Polls dlgs.stats until {@code count} active records are in {@code state}. */
    private JsonNode awaitActiveDlgs(String state, int count) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        JsonNode active = Rpc.result(engine, "dlgs.stats").get("active");
        while (active.get(state).asInt() < count && System.nanoTime() < deadline) {
            Thread.sleep(100);
            active = Rpc.result(engine, "dlgs.stats").get("active");
        }
        assertEquals(count, active.get(state).asInt(), active::toString);
        return active;
    }

    @Test
    void dlgsCountsCallsWhileTheyLastAndWhenTheyEnd() throws Exception {
        int calls = 10;
        int proxy = startEngine("dlgs.enable = true");
        int uasPort = Sipp.freePort();
        Sipp uas = peer(Sipp.uas("uas.xml", uasPort, calls), 60);
        Sipp uac = peer(Sipp.uac("uac.xml", Sipp.freePort(), proxy, "127.0.0.1:" + uasPort, calls, 10, 5000), 60);

        assertEquals(0, awaitActiveDlgs("confirmed", calls).get("terminated").asInt());
        JsonNode list = Rpc.result(engine, "dlgs.list");
        assertEquals(calls, list.size());
        for (JsonNode record : list) {
            assertEquals(3, record.get("state").asInt(), record::toString);
            assertTrue(record.get("src").asText().startsWith("sip:sipp@127.0.0.1"), record::toString);
            assertEquals("sip:bob@127.0.0.1:" + uasPort, record.get("dst").asText());
            assertEquals("127.0.0.1", record.get("data").asText());
            assertTrue(record.get("ts_answer").asLong() >= record.get("ts_init").asLong());
            assertTrue(!record.get("ttag").asText().isEmpty(), "the callee's tag, from its 200");
        }
        assertEquals("dlgs:active_confirmed = " + calls,
                Rpc.result(engine, "stats.get_statistics", "dlgs:active_confirmed").get(0).asText());

        assertEquals(0, uac.await(60), uac::output);
        assertEquals(0, uas.await(30), uas::output);
        assertEquals(0, awaitActiveDlgs("terminated", calls).get("confirmed").asInt());
    }
}
