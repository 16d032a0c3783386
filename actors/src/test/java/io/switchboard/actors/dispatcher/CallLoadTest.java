package io.switchboard.actors.dispatcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The call load table of seed manual 002, 3.28–3.29, 4.8–4.9. */
class CallLoadTest {

    private final CallLoad calls = new CallLoad(Duration.ofSeconds(3600), Duration.ofSeconds(60));

    @Test
    void aCallIsCountedOnce() {
        assertTrue(calls.add("c1", 1, "gw1", 0));
        assertFalse(calls.add("c1", 1, "gw2", 0));
        assertEquals(new CallLoad.Call(1, "gw1", false, 3_600_000, 60_000), calls.remove("c1"));
        assertNull(calls.remove("c1"));
    }

    @Test
    void anUnansweredCallExpiresAfterInitExpire() {
        calls.add("c1", 1, "gw1", 0);
        calls.add("c2", 1, "gw1", 0);
        calls.confirm("c2");
        assertEquals(List.of(), calls.expire(60_000));
        List<CallLoad.Call> expired = calls.expire(60_001);
        assertEquals(1, expired.size());
        assertEquals(1, calls.size(), "the answered call stays");
        assertEquals(1, calls.expire(3_600_001).size());
        assertEquals(0, calls.size());
    }

    @Test
    void callsOnRemovedDestinationsAreForgotten() {
        calls.add("c1", 1, "gw1", 0);
        calls.add("c2", 1, "gone", 0);
        calls.add("c3", 9, "gw1", 0);
        calls.retainAll(TestSets.sets("1 sip:127.0.0.1:7070 0 0 duid=gw1"));
        assertEquals(1, calls.size());
    }
}
