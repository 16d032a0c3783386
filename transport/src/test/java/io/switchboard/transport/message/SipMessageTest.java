package io.switchboard.transport.message;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.transport.parse.SipParseException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SipMessageTest {

    private static SipMessage frame(String text) throws SipParseException {
        return SipFramer.DEFAULT.frame(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String request(String headers) {
        return "INVITE sip:bob@b.example SIP/2.0\r\n" + headers + "\r\n";
    }

    private static final String BASE = "Via: SIP/2.0/UDP a.example;branch=z9hG4bK1\r\n"
            + "To: <sip:bob@b.example>\r\nFrom: \"A\" <sip:alice@a.example>;tag=7\r\n"
            + "Call-ID: c1@a.example\r\nCSeq: 1 INVITE\r\n";

    @Test
    void typedHeadersReadBack() throws Exception {
        SipMessage message = frame(request(BASE
                + "Max-Forwards: 70\r\nExpires: 120\r\nRetry-After: 30\r\n"
                + "Proxy-Authorization: Digest username=\"alice\", realm=\"a\"\r\n"
                + "Record-Route: <sip:p1.example;lr>, <sip:p2.example;lr>\r\nRecord-Route: <sip:p3.example;lr>\r\n"
                + "Contact: *\r\n"));
        message.validate();
        assertEquals(70, message.maxForwards());
        assertEquals(120, message.expires());
        assertEquals(30, message.retryAfter().seconds());
        assertEquals("alice", message.proxyAuthorization().username());
        assertNull(message.authorization());
        assertEquals(3, message.recordRoutes().size());
        assertTrue(message.contacts().get(0).isWildcard());
        assertEquals("c1@a.example", message.callId());
        assertEquals("A", message.from().displayName());
        assertNull(message.to().tag());
        assertSame(message.recordRoutes(), message.recordRoutes(), "parsed once, on first use");
        assertThrows(UnsupportedOperationException.class, () -> message.contacts().clear());
    }

    @Test
    void absentOptionalHeadersReadAsAbsent() throws Exception {
        SipMessage message = frame(request(BASE));
        assertEquals(-1, message.maxForwards());
        assertEquals(-1, message.expires());
        assertNull(message.contentType());
        assertNull(message.retryAfter());
        assertEquals(0, message.routes().size());
        assertEquals(-1, message.declaredContentLength());
    }

    @Test
    void validateNamesWhatIsWrong() {
        assertValidateFails(request(BASE.replace("To: <sip:bob@b.example>\r\n", "")), "missing To");
        assertValidateFails(request(BASE + "To: <sip:carol@b.example>\r\n"), "To header appears more than once");
        assertValidateFails(request(BASE.replace("1 INVITE", "1 OPTIONS")), "does not match");
        assertValidateFails(request(BASE + "Max-Forwards: 300\r\n"), "Max-Forwards");
        assertValidateFails(request(BASE + "Date: Fri, 01 Jan 2010 16:00:00 EST\r\n"), "GMT");
        assertValidateFails(request(BASE.replace("Via: SIP/2.0/UDP a.example;branch=z9hG4bK1\r\n", "")), "missing Via");
        assertValidateFails(request(BASE.replace("\"A\" <sip", "\"A <sip")), "quote");
        assertDoesNotThrow(() -> frame(request(BASE)).validate());
    }

    private static void assertValidateFails(String text, String expected) {
        SipParseException e = assertThrows(SipParseException.class, () -> frame(text).validate());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
