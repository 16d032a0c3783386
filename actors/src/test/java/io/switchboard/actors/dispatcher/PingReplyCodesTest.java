package io.switchboard.actors.dispatcher;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@code ds_ping_reply_codes} (seed manual 002, 3.25). */
class PingReplyCodesTest {

    @Test
    void onlyTwoHundredsByDefault() {
        assertTrue(PingReplyCodes.NONE.accepts(200));
        assertTrue(PingReplyCodes.NONE.accepts(299));
        assertFalse(PingReplyCodes.NONE.accepts(403));
        assertFalse(PingReplyCodes.NONE.accepts(408));
    }

    @Test
    void theManualsExample() {
        PingReplyCodes codes = PingReplyCodes.parse("class=2;code=403;code=488;class=3");
        assertTrue(codes.accepts(403));
        assertTrue(codes.accepts(488));
        assertTrue(codes.accepts(302));
        assertFalse(codes.accepts(404));
        assertFalse(codes.accepts(503));
    }

    @Test
    void aListedTimeoutNeverTakesADestinationDown() {
        assertTrue(PingReplyCodes.parse("code=408").accepts(408));
    }

    @Test
    void badEntriesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> PingReplyCodes.parse("code=99"));
        assertThrows(IllegalArgumentException.class, () -> PingReplyCodes.parse("class=7"));
        assertThrows(IllegalArgumentException.class, () -> PingReplyCodes.parse("status=200"));
        assertThrows(IllegalArgumentException.class, () -> PingReplyCodes.parse("code=two"));
    }
}
