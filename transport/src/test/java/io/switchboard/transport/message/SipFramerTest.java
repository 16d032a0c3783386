package io.switchboard.transport.message;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.transport.parse.SipLimitExceededException;
import io.switchboard.transport.parse.SipLimits;
import io.switchboard.transport.parse.SipParseException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SipFramerTest {

    static final String INVITE = "INVITE sip:bob@biloxi.example.com SIP/2.0\r\n"
            + "Via: SIP/2.0/UDP pc33.atlanta.example.com;branch=z9hG4bK776asdhds\r\n"
            + "Max-Forwards: 70\r\n"
            + "To: Bob <sip:bob@biloxi.example.com>\r\n"
            + "From: Alice <sip:alice@atlanta.example.com>;tag=1928301774\r\n"
            + "Call-ID: a84b4c76e66710@pc33.atlanta.example.com\r\n"
            + "CSeq: 314159 INVITE\r\n"
            + "Contact: <sip:alice@pc33.atlanta.example.com>\r\n"
            + "Content-Type: application/sdp\r\n"
            + "Content-Length: 4\r\n"
            + "\r\n"
            + "v=0\n";

    static SipMessage frame(String text) throws SipParseException {
        return SipFramer.DEFAULT.frame(text.getBytes(StandardCharsets.UTF_8));
    }

    static String error(String text) {
        return assertThrows(SipParseException.class, () -> frame(text)).getMessage();
    }

    @Test
    void framesRequestLineHeadersAndBody() throws Exception {
        SipRequest request = assertInstanceOf(SipRequest.class, frame(INVITE));
        assertEquals(SipMethod.INVITE, request.method());
        assertEquals("sip:bob@biloxi.example.com", request.requestUriText());
        assertEquals(9, request.headers().size());
        assertEquals("Max-Forwards", request.headers().get(1).name().name());
        assertEquals("314159 INVITE", request.header(HeaderName.CSEQ));
        assertEquals("v=0\n", new String(request.body(), StandardCharsets.UTF_8));
        assertEquals(4, request.declaredContentLength());
    }

    @Test
    void framesStatusLine() throws Exception {
        SipResponse response = assertInstanceOf(SipResponse.class,
                frame("SIP/2.0 180 Ringing\r\nCall-ID: x\r\n\r\n"));
        assertEquals(180, response.statusCode());
        assertEquals("Ringing", response.reasonPhrase());
        assertTrue(response.isProvisional());
    }

    @Test
    void reasonPhraseMayBeEmptyOrHoldSpaces() throws Exception {
        assertEquals("", ((SipResponse) frame("SIP/2.0 100 \r\nCall-ID: x\r\n\r\n")).reasonPhrase());
        assertEquals("Call/Transaction Does Not Exist",
                ((SipResponse) frame("SIP/2.0 481 Call/Transaction Does Not Exist\r\n\r\n")).reasonPhrase());
    }

    @Test
    void encodeWritesTheReceivedBytesBack() throws Exception {
        String odd = "OPTIONS sip:x@y SIP/2.0\r\nv :  SIP/2.0/UDP a;branch=z9hG4bK1  \r\n"
                + "subject: one\r\n   two\r\nl:0\r\n\r\n";
        assertArrayEquals(odd.getBytes(StandardCharsets.UTF_8), frame(odd).encode());
    }

    @Test
    void compactFormsResolveToLongNames() throws Exception {
        SipMessage message = frame("OPTIONS sip:x@y SIP/2.0\r\nv: SIP/2.0/UDP a;branch=z9hG4bK1\r\n"
                + "i: abc\r\nf: <sip:a@b>;tag=1\r\nt: <sip:c@d>\r\nm: <sip:a@e>\r\nl: 0\r\nk: timer\r\n"
                + "s: hi\r\nc: text/plain\r\ne: gzip\r\n\r\n");
        assertEquals("abc", message.header(HeaderName.CALL_ID));
        assertEquals("1", message.from().tag());
        assertEquals("timer", message.header(HeaderName.SUPPORTED));
        assertEquals("hi", message.header(HeaderName.SUBJECT));
        assertEquals("gzip", message.header(HeaderName.CONTENT_ENCODING));
        assertEquals("text/plain", message.contentType().mediaType());
        assertEquals(1, message.contacts().size());
    }

    @Test
    void foldedHeaderReadsAsOneValue() throws Exception {
        SipMessage message = frame("OPTIONS sip:x@y SIP/2.0\r\nSubject: first\r\n\t second\r\n  third\r\n\r\n");
        assertEquals("first second third", message.header(HeaderName.SUBJECT));
    }

    @Test
    void leadingCrlfsAreSkipped() throws Exception {
        assertInstanceOf(SipRequest.class, frame("\r\n\r\nOPTIONS sip:x@y SIP/2.0\r\nCall-ID: a\r\n\r\n"));
    }

    @Test
    void bodyWithoutContentLengthTakesTheRestAndExtraBytesAreIgnored() throws Exception {
        assertEquals("abc", new String(frame("MESSAGE sip:x@y SIP/2.0\r\n\r\nabc").body(), StandardCharsets.UTF_8));
        assertEquals("ab", new String(frame("MESSAGE sip:x@y SIP/2.0\r\nl: 2\r\n\r\nabc").body(),
                StandardCharsets.UTF_8));
    }

    @Test
    void rejectsWhatIsNotSip() {
        assertTrue(error("").contains("empty"));
        assertTrue(error("hello world").contains("not terminated"));
        assertTrue(error("INVITE  sip:x@y SIP/2.0\r\n\r\n").contains("Request-Line"));
        assertTrue(error("INVITE sip:x@y SIP/2.0 \r\n\r\n").contains("Request-Line"));
        assertTrue(error("INVITE sip:x@y SIP/7.0\r\n\r\n").contains("version"));
        assertTrue(error("SIP/2.0 4294967301 Big\r\n\r\n").contains("status code"));
        assertTrue(error("SIP/2.0 099 Low\r\n\r\n").contains("status code"));
        assertTrue(error("INV(TE sip:x@y SIP/2.0\r\n\r\n").contains("method"));
        assertTrue(error("OPTIONS sip:x@y SIP/2.0\r\nno colon here\r\n\r\n").contains("':'"));
        assertTrue(error("OPTIONS sip:x@y SIP/2.0\r\nBad Name: x\r\n\r\n").contains("header name"));
        assertTrue(error("OPTIONS sip:x@y SIP/2.0\r\n continued: x\r\n\r\n").contains("continuation"));
        assertTrue(error("OPTIONS sip:x@y SIP/2.0\r\nCall-ID: x\r\n").contains("empty line"));
    }

    @Test
    void rejectsBadContentLength() {
        assertTrue(error("MESSAGE sip:x@y SIP/2.0\r\nContent-Length: 9999\r\n\r\nabc").contains("Content-Length 9999"));
        assertTrue(error("MESSAGE sip:x@y SIP/2.0\r\nContent-Length: -1\r\n\r\n").contains("Content-Length"));
        assertTrue(error("MESSAGE sip:x@y SIP/2.0\r\nl: 1\r\nl: 2\r\n\r\nab").contains("Content-Length"));
    }

    @Test
    void limitsNameTheSetting() {
        SipFramer small = new SipFramer(new SipLimits(200, 3, 40));
        SipLimitExceededException size = assertThrows(SipLimitExceededException.class,
                () -> small.frame(INVITE.getBytes(StandardCharsets.UTF_8)));
        assertEquals(SipLimits.Limit.MAX_MESSAGE_SIZE, size.limit());
        assertTrue(size.getMessage().contains("max-message-size"));

        SipLimitExceededException count = assertThrows(SipLimitExceededException.class,
                () -> small.frame("OPTIONS sip:x@y SIP/2.0\r\na: 1\r\nb: 2\r\nc: 3\r\nd: 4\r\n\r\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals(SipLimits.Limit.MAX_HEADER_COUNT, count.limit());

        SipLimitExceededException line = assertThrows(SipLimitExceededException.class,
                () -> small.frame(("OPTIONS sip:x@y SIP/2.0\r\nSubject: " + "x".repeat(60) + "\r\n\r\n").getBytes(StandardCharsets.UTF_8)));
        assertEquals(SipLimits.Limit.MAX_LINE_LENGTH, line.limit());
        assertTrue(line.getMessage().contains("max-line-length"));
    }

    @Test
    void framesWithinAnOffsetWindow() throws Exception {
        byte[] padded = ("xxxx" + INVITE + "yyyy").getBytes(StandardCharsets.UTF_8);
        SipMessage message = SipFramer.DEFAULT.frame(padded, 4, INVITE.length());
        assertArrayEquals(INVITE.getBytes(StandardCharsets.UTF_8), message.encode());
    }
}
