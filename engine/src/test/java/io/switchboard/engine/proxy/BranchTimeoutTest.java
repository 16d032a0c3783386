package io.switchboard.engine.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.engine.Engine;
import io.switchboard.engine.dispatcher.UdpDestination;
import io.switchboard.engine.htable.TestEngine;
import io.switchboard.transport.message.SipRequest;
import io.switchboard.transport.message.SipResponse;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Serial forking on a timeout through a running engine: the first destination never answers, its
 * branch times out (timer B, 64*T1, RFC 3261 §17.1.1.2) into a local 408, and the built-in
 * route's failure route relays the INVITE to the next destination, whose answer reaches the
 * caller. T1 is 20 ms so the timeout comes after 1.28 s.
 */
class BranchTimeoutTest {

    private static final long T1_MILLIS = 20;

    private Engine engine;
    private UdpDestination caller;
    private UdpDestination silent;
    private UdpDestination answering;

    @AfterEach
    void stop() {
        caller.close();
        silent.close();
        answering.close();
        engine.stop().toCompletableFuture().join();
    }

    @Test
    void aBranchThatTimesOutFailsOverToTheNextDestination() throws Exception {
        caller = new UdpDestination();
        silent = new UdpDestination();
        silent.inviteCode = 0;
        answering = new UdpDestination();
        engine = TestEngine.start("tm.t1 = " + T1_MILLIS + "ms, proxy.destinations = [\"" + silent.uri() + "\", \""
                + answering.uri() + "\"]");

        long sent = System.nanoTime();
        caller.sendInvite("bob", "timeout.test", TestEngine.udpPort(engine));
        SipRequest first = silent.received.poll(5, TimeUnit.SECONDS);
        assertNotNull(first, "the INVITE tried on the first destination");
        SipRequest second = answering.received.poll(10, TimeUnit.SECONDS);
        long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent);
        assertNotNull(second, "the INVITE relayed to the next destination after the timeout");
        assertEquals("INVITE", second.method().name());
        assertTrue(elapsedMillis >= 64 * T1_MILLIS, "not before timer B: " + elapsedMillis + " ms");
        assertNotEquals(first.topVia().branch(), second.topVia().branch(), "a new branch");
        assertTrue(silent.received.size() > 0, "the first INVITE was retransmitted (timer A) while unanswered");

        SipResponse answer;
        do {
            answer = caller.answers.poll(5, TimeUnit.SECONDS);
            assertNotNull(answer, "the next destination's answer relayed to the caller");
        } while (answer.isProvisional());
        assertEquals(200, answer.statusCode(), "the caller never sees the 408 of the timed-out branch");
    }
}
