package io.switchboard.loadtests.sipp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Keep-alives of whole calls (seed manual 001, 6.51–6.53, 7.16) with SIPp on both sides: the route
 * sets {@code ka-dst} for calls to {@code ka...} ({@link DialogProbeRoute}), the engine runs {@code ka-timer = 1},
 * {@code ka-interval = 30} (the manual's lowest) and {@code send-bye = 1}, so each test takes
 * some 40 seconds.
 */
class DialogKeepAliveCallsTest extends SippCalls {

    /** Longer than one keep-alive interval: the first OPTIONS reaches the callee while the call is up. */
    private static final Duration HOLD = Duration.ofSeconds(40);
    /** The user called: the route sets {@code ka-dst} for it. */
    private static final String CALLEE = "ka-bob";

    private ManagementRpc rpc;

    @BeforeEach
    void resetCounts() {
        DialogProbeRoute.reset();
    }

    private int startKeepAliveEngine() {
        int port = startEngine("route = %s, dialog { ka-timer = 1, ka-interval = 30, send-bye = 1 }"
                .formatted(DialogProbeRoute.class.getName()));
        rpc = new ManagementRpc(engine.management().url());
        return port;
    }

    @Test
    void aCalleeAnsweringTheKeepAliveKeepsItsCallUntilTheCallerHangsUp() throws Exception {
        int proxy = startKeepAliveEngine();
        int uasPort = Sipp.freePort();
        Sipp uas = peer(Sipp.uas("uas-keepalive.xml", uasPort, 1).tracingMessages(), 90);
        Sipp uac = peer(Sipp.uac("uac.xml", Sipp.freePort(), proxy, "127.0.0.1:" + uasPort, 1, 1, CALLEE,
                (int) HOLD.toMillis()), 90);

        assertEquals(0, uac.await(90), uac::output);
        assertEquals(0, uas.await(30), uas::output);
        assertEquals(1, uas.received("OPTIONS"), "one keep-alive in 40 s");
        assertEquals(1, DialogProbeRoute.awaitCount("dialog:end CALLER_BYE", 1),
                () -> "the caller hung up, the keep-alive ended nothing: " + DialogProbeRoute.COUNTS);
        assertEquals(1, DialogProbeRoute.count("dialog:end"));
        assertEquals(0, rpc.await(10, l -> l.size() == 0, "dlg.list").size());
    }

    @Test
    void aCalleeAnswering481HasItsCallEndedWithByeToBothSides() throws Exception {
        int proxy = startKeepAliveEngine();
        int uasPort = Sipp.freePort();
        Sipp uas = peer(Sipp.uas("uas-keepalive-481.xml", uasPort, 1).tracingMessages(), 90);
        Sipp uac = peer(Sipp.uac("uac-wait-bye.xml", Sipp.freePort(), proxy, "127.0.0.1:" + uasPort, 1, 1, CALLEE, 0),
                90);

        assertEquals(0, uac.await(90), () -> "the caller gets the proxy's BYE: " + uac.output());
        assertEquals(0, uas.await(30), () -> "the callee gets the proxy's BYE: " + uas.output());
        assertEquals(1, uas.received("OPTIONS"));
        assertEquals(1, DialogProbeRoute.awaitCount("dialog:end KEEPALIVE_FAILURE", 1), DialogProbeRoute.COUNTS::toString);
        assertEquals(1, DialogProbeRoute.count("dialog:end"));
        assertEquals(0, rpc.await(10, l -> l.size() == 0, "dlg.list").size());
    }
}
