package io.switchboard.transport.header;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.transport.message.SipMethod;
import io.switchboard.transport.parse.SipParseException;
import org.junit.jupiter.api.Test;

/** CSeq, Content-Type, Retry-After, credentials, numbers, Call-ID and Date. */
class ScalarHeadersTest {

    @Test
    void cseq() throws Exception {
        CSeq cseq = CSeq.parse("0009 INVITE");
        assertEquals(9, cseq.number());
        assertEquals(SipMethod.INVITE, cseq.method());
        assertEquals("NEWMETHOD", CSeq.parse("2147483647 NEWMETHOD").method().name());
        assertTrue(assertThrows(SipParseException.class, () -> CSeq.parse("36893488147419103232 INVITE"))
                .getMessage().contains("larger than"));
        assertThrows(SipParseException.class, () -> CSeq.parse("2147483648 INVITE"));
        assertThrows(SipParseException.class, () -> CSeq.parse("INVITE"));
        assertThrows(SipParseException.class, () -> CSeq.parse("1INVITE"));
        assertThrows(SipParseException.class, () -> CSeq.parse("1 INVITE extra"));
    }

    @Test
    void contentType() throws Exception {
        ContentType type = ContentType.parse("multipart/mixed;boundary=unique-boundary-1");
        assertEquals("multipart/mixed", type.mediaType());
        assertEquals("unique-boundary-1", type.parameters().get("Boundary"));
        assertThrows(SipParseException.class, () -> ContentType.parse("application"));
    }

    @Test
    void retryAfter() throws Exception {
        RetryAfter retry = RetryAfter.parse("18000;duration=3600");
        assertEquals(18000, retry.seconds());
        assertEquals(3600, retry.duration());
        RetryAfter commented = RetryAfter.parse("120 (I'm in a (long) meeting)");
        assertEquals("I'm in a (long) meeting", commented.comment());
        assertEquals(-1, commented.duration());
        assertEquals("5", RetryAfter.of(5).toString());
        assertThrows(SipParseException.class, () -> RetryAfter.parse("soon"));
        assertThrows(SipParseException.class, () -> RetryAfter.parse("5 (unclosed"));
    }

    @Test
    void credentials() throws Exception {
        Credentials credentials = Credentials.parse("Digest username=\"bob\", realm=\"biloxi.com\", "
                + "nonce=\"dcd98b\", uri=\"sip:bob@biloxi.com\", response=\"6629fae4\", algorithm=MD5",
                "Authorization");
        assertEquals("Digest", credentials.scheme());
        assertEquals("bob", credentials.username());
        assertEquals("MD5", credentials.parameter("Algorithm"));
        assertNull(Credentials.parse("Digest realm=\"x\"", "Authorization").username());
        assertThrows(SipParseException.class, () -> Credentials.parse("Digest username", "Authorization"));
    }

    @Test
    void decimalValuesHaveRanges() throws Exception {
        assertEquals(68, DecimalValue.parse("0068", "Max-Forwards", DecimalValue.MAX_MAX_FORWARDS));
        assertThrows(SipParseException.class, () -> DecimalValue.parse("300", "Max-Forwards", DecimalValue.MAX_MAX_FORWARDS));
        assertEquals(4294967295L, DecimalValue.parse("4294967295", "Expires", DecimalValue.MAX_DELTA_SECONDS));
        assertThrows(SipParseException.class,
                () -> DecimalValue.parse("10000000000000000000", "Expires", DecimalValue.MAX_DELTA_SECONDS));
        assertThrows(SipParseException.class, () -> DecimalValue.parse("-1", "Expires", DecimalValue.MAX_DELTA_SECONDS));
    }

    @Test
    void callIdAndDate() throws Exception {
        assertEquals("a84b4c76e66710@pc33.atlanta.com", CallId.validate("a84b4c76e66710@pc33.atlanta.com"));
        assertEquals("3848276298220188511@atlanta.example.com", CallId.validate("3848276298220188511@atlanta.example.com"));
        assertThrows(SipParseException.class, () -> CallId.validate("two words"));
        assertThrows(SipParseException.class, () -> CallId.validate("a@b@c"));
        assertThrows(SipParseException.class, () -> CallId.validate(""));
        assertEquals(2010, SipDate.parse("Sat, 13 Nov 2010 23:29:00 GMT").getYear());
        assertTrue(assertThrows(SipParseException.class, () -> SipDate.parse("Fri, 01 Jan 2010 16:00:00 EST"))
                .getMessage().contains("GMT"));
    }

    @Test
    void parametersKeepOrderAndIgnoreCase() throws Exception {
        ValueScanner in = new ValueScanner(";lr;Transport=TCP;q=\"a;b\"", "Route");
        Parameters parameters = Parameters.read(in);
        assertEquals("", parameters.get("LR"));
        assertEquals("TCP", parameters.get("transport"));
        assertEquals("\"a;b\"", parameters.get("q"));
        assertEquals("a;b", parameters.unquoted("q"));
        assertEquals(";lr;Transport=UDP;q=\"a;b\"", parameters.with("transport", "UDP").toString());
        assertEquals(";Transport=TCP;q=\"a;b\"", parameters.without("lr").toString());
        assertNull(parameters.get("maddr"));
    }
}
