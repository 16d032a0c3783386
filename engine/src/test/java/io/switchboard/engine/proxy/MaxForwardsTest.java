package io.switchboard.engine.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.transport.message.HeaderName;
import io.switchboard.transport.message.SipRequest;
import org.junit.jupiter.api.Test;

/** {@code maxfwd_process(max_value)} and its return codes (seed manual 003, MAXFWD). */
class MaxForwardsTest {

    private final MaxForwards maxfwd = new MaxForwards(70);

    @Test
    void missingHeaderIsAddedWithMaxValue() throws Exception {
        MaxForwards.Outcome out = maxfwd.process(withMaxForwards(null), 10);
        assertEquals(MaxForwards.ADDED, out.code());
        assertTrue(out.isTrue());
        assertEquals(10, out.request().maxForwards());
    }

    @Test
    void addedValueIsCappedAtMaxLimit() throws Exception {
        MaxForwards.Outcome out = maxfwd.process(withMaxForwards(null), 100);
        assertEquals(MaxForwards.ADDED, out.code());
        assertEquals(70, out.request().maxForwards());
    }

    @Test
    void presentHeaderIsDecremented() throws Exception {
        MaxForwards.Outcome out = maxfwd.process(withMaxForwards("10"), 70);
        assertEquals(MaxForwards.DECREMENTED, out.code());
        assertTrue(out.isTrue());
        assertEquals(9, out.request().maxForwards());
        assertEquals(1, out.request().count(HeaderName.MAX_FORWARDS));
    }

    @Test
    void oneIsDecrementedToZero() throws Exception {
        MaxForwards.Outcome out = maxfwd.process(withMaxForwards("1"), 70);
        assertEquals(MaxForwards.DECREMENTED, out.code());
        assertEquals(0, out.request().maxForwards());
    }

    @Test
    void decrementedValueIsCappedAtMaxLimit() throws Exception {
        MaxForwards.Outcome out = maxfwd.process(withMaxForwards("200"), 10);
        assertEquals(MaxForwards.DECREMENTED, out.code());
        assertEquals(70, out.request().maxForwards());
    }

    @Test
    void zeroStaysAndTheRequestIsUnchanged() {
        SipRequest request = withMaxForwards("0");
        MaxForwards.Outcome out = maxfwd.process(request, 70);
        assertEquals(MaxForwards.REACHED_ZERO, out.code());
        assertFalse(out.isTrue());
        assertSame(request, out.request());
    }

    @Test
    void nonNumericHeaderIsAnError() {
        SipRequest request = withMaxForwards("seventy");
        MaxForwards.Outcome out = maxfwd.process(request, 70);
        assertEquals(MaxForwards.ERROR, out.code());
        assertFalse(out.isTrue());
        assertSame(request, out.request());
    }

    @Test
    void repeatedHeaderIsAnError() {
        SipRequest request = SipText.request(SipText.plus(SipText.INVITE, "Max-Forwards: 69"));
        assertEquals(MaxForwards.ERROR, maxfwd.process(request, 70).code());
    }

    @Test
    void otherHeadersAreKept() throws Exception {
        SipRequest out = maxfwd.process(withMaxForwards("10"), 70).request();
        assertEquals("call-1@192.0.2.10", out.callId());
        assertEquals("sip:bob@192.0.2.20:5080", out.requestUriText());
        assertEquals(SipText.INVITE.length, out.headers().size()); // 7 fields and Content-Length
    }

    @Test
    void maxLimitMustBeOneTo256() {
        assertThrows(IllegalArgumentException.class, () -> new MaxForwards(0));
        assertThrows(IllegalArgumentException.class, () -> new MaxForwards(257));
        new MaxForwards(1);
        new MaxForwards(256);
    }

    private static SipRequest withMaxForwards(String value) {
        return SipText.request(value == null
                ? SipText.without(SipText.INVITE, "Max-Forwards:")
                : SipText.with(SipText.INVITE, "Max-Forwards:", "Max-Forwards: " + value));
    }
}
