package io.switchboard.engine.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.engine.Engine;
import io.switchboard.engine.dispatcher.UdpDestination;
import io.switchboard.engine.htable.TestEngine;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * DESIGN, "The hot path", step 3: the requests of one call reach the route in the order they
 * arrived, while a burst of calls is spread over the lanes and handled side by side. The order is
 * checked on what the UDP socket took: its default buffer may overflow on a loaded machine.
 */
class CallOrderTest {

    private static final int CALLS = 100;
    private static final int REQUESTS_PER_CALL = 10;

    private Engine engine;

    @AfterEach
    void stop() {
        engine.stop().toCompletableFuture().join();
    }

    private static String message(int call, int cseq, int from) {
        return SipText.text(
                "MESSAGE sip:bob@127.0.0.1 SIP/2.0",
                "Via: SIP/2.0/UDP 127.0.0.1:" + from + ";branch=z9hG4bK-order-" + call + "-" + cseq,
                "Max-Forwards: 70",
                "From: <sip:alice@127.0.0.1>;tag=a" + call,
                "To: <sip:bob@127.0.0.1>",
                "Call-ID: order-" + call,
                "CSeq: " + cseq + " MESSAGE");
    }

    @Test
    void theRequestsOfACallReachTheRouteInTheOrderTheyArrived() throws Exception {
        CallOrderRoute.SEEN.clear();
        engine = TestEngine.start("route = " + CallOrderRoute.class.getName() + ", ingress.lanes = 8");
        int port = TestEngine.udpPort(engine);
        try (UdpDestination phone = new UdpDestination()) {
            phone.send(message(-1, 1, phone.port()), port);
            awaitSeen(1);
            for (int call = 0; call < CALLS; call++) {
                for (int cseq = 1; cseq <= REQUESTS_PER_CALL; cseq++) {
                    phone.send(message(call, cseq, phone.port()), port);
                }
                Thread.sleep(2);
            }
        }
        int sent = 1 + CALLS * REQUESTS_PER_CALL;
        awaitSeen(sent);
        assertEquals(engine.transport().counters().received(), seen(), "every request received reached the route");
        assertTrue(seen() > sent / 2, "the socket took most of the burst (its default buffer overflows on a busy"
                + " machine, BENCHMARKS.md): " + seen() + " of " + sent);
        Map<String, List<Long>> outOfOrder = new TreeMap<>();
        CallOrderRoute.SEEN.forEach((call, cseqs) -> {
            if (!cseqs.equals(cseqs.stream().sorted().distinct().toList())) {
                outOfOrder.put(call, cseqs);
            }
        });
        assertEquals(Map.of(), outOfOrder, "calls whose requests the route saw out of order");
    }

    /** Waits until the route saw {@code count} requests or, when UDP lost some, stops seeing more. */
    private static void awaitSeen(int count) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        int last = -1;
        long quietSince = System.nanoTime();
        while (seen() < count && System.nanoTime() < deadline) {
            Thread.sleep(50);
            if (seen() != last) {
                last = seen();
                quietSince = System.nanoTime();
            } else if (last > 0 && System.nanoTime() - quietSince > 2_000_000_000L) {
                return;
            }
        }
    }

    private static int seen() {
        return CallOrderRoute.SEEN.values().stream().mapToInt(List::size).sum();
    }
}
