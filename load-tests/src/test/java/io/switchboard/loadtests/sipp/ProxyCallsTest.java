package io.switchboard.loadtests.sipp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.engine.Engine;
import io.switchboard.engine.config.ConfigLoader;
import org.junit.jupiter.api.Test;

/**
 * Whole calls through the built-in proxy route, with SIPp as caller and callee on 127.0.0.1
 * (scenarios in {@code load-tests/sipp}). The engine runs in this JVM on an ephemeral UDP port.
 */
class ProxyCallsTest extends SippCalls {

    private int startEngine(String extra) {
        engine = Engine.start(ConfigLoader.parse("""
                switchboard {
                  listen = ["udp:127.0.0.1:0"]
                  rpc.listen = "127.0.0.1:0"
                  shutdown-timeout = 1s
                  %s
                }
                """.formatted(extra)));
        return udpPort();
    }

    /** SIPp may exit before the engine's lane has handled its last message: wait for it. */
    private void awaitReceivedRequests(long count) throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while (engine.counters().receivedRequests() < count && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(count, engine.counters().receivedRequests(), "requests the engine received");
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
        Sipp uas = peer(Sipp.uas("uas.xml", uasPort, 1), 30);
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
}
