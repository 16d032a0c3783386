package io.switchboard.transport.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MessageBuilderTest {

    private static final String REQUEST = "INVITE sip:bob@b.example SIP/2.0\r\n"
            + "Via: SIP/2.0/UDP a.example;branch=z9hG4bK1, SIP/2.0/UDP c.example;branch=z9hG4bK0\r\n"
            + "Route: <sip:p1.example;lr>,<sip:p2.example;lr>\r\n"
            + "To:   <sip:bob@b.example>\r\n"
            + "From: <sip:alice@a.example>;tag=9\r\n"
            + "Call-ID: c1\r\n"
            + "CSeq: 1 INVITE\r\n"
            + "X-Odd:    spacing   kept\r\n"
            + "Content-Length: 0\r\n\r\n";

    private static SipRequest request() throws Exception {
        return (SipRequest) SipFramer.DEFAULT.frame(REQUEST.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void unchangedFieldsKeepTheirBytes() throws Exception {
        String out = request().toBuilder()
                .addFirst(HeaderName.VIA, "SIP/2.0/UDP proxy.example;branch=z9hG4bKp")
                .build().toString();
        assertEquals(REQUEST.replace("INVITE sip:bob@b.example SIP/2.0\r\n",
                "INVITE sip:bob@b.example SIP/2.0\r\nVia: SIP/2.0/UDP proxy.example;branch=z9hG4bKp\r\n"), out);
    }

    /**
     * A copy keeps what its original had already parsed of the headers it leaves alone, and
     * parses again those it changes: a proxy relaying a request changes Via and Max-Forwards and
     * should not parse From, To, Call-ID and CSeq twice.
     */
    @Test
    void aCopyKeepsTheParsedHeadersItLeavesAloneAndReadsTheChangedOnesAnew() throws Exception {
        SipRequest original = request();
        original.validate();
        SipRequest copy = original.toBuilder()
                .removeFirstValue(HeaderName.VIA)
                .set(HeaderName.TO, "<sip:carol@b.example>;tag=7")
                .removeFirstValue(HeaderName.ROUTE)
                .buildRequest();
        assertSame(original.from(), copy.from());
        assertSame(original.cseq(), copy.cseq());
        assertEquals("c1", copy.callId());
        assertEquals("7", copy.to().tag(), "To was set: read from the copy's own field");
        assertEquals(1, copy.vias().size(), "the first Via was removed");
        assertEquals("c.example", copy.topVia().host());
        assertEquals(1, copy.routes().size(), "the first Route was removed");
        assertEquals("<sip:bob@b.example>", original.to().toString(), "the original is untouched");
    }

    @Test
    void removesTheFirstValueOfAListHeader() throws Exception {
        SipMessage changed = request().toBuilder()
                .removeFirstValue(HeaderName.ROUTE)
                .removeFirstValue(HeaderName.VIA)
                .build();
        assertEquals(1, changed.routes().size());
        assertEquals("p2.example", changed.routes().get(0).uri().toString().substring(4, 14));
        assertEquals(1, changed.vias().size());
        assertEquals("c.example", changed.topVia().host());
        assertTrue(changed.toString().contains("X-Odd:    spacing   kept\r\n"));
    }

    @Test
    void changesTheRequestUriAndBody() throws Exception {
        SipRequest changed = request().toBuilder()
                .requestUri("sip:bob@10.0.0.7:5070")
                .body("v=0\r\n".getBytes(StandardCharsets.UTF_8), "application/sdp")
                .buildRequest();
        assertEquals("sip:bob@10.0.0.7:5070", changed.requestUriText());
        assertEquals(SipMethod.INVITE, changed.method());
        assertEquals(5, changed.bodyLength());
        assertEquals("5", changed.header(HeaderName.CONTENT_LENGTH));
        assertEquals("application/sdp", changed.contentType().mediaType());
        SipMessage reparsed = SipFramer.DEFAULT.frame(changed.encode());
        assertEquals("v=0\r\n", new String(reparsed.body(), StandardCharsets.UTF_8));
        assertEquals(1, reparsed.count(HeaderName.CONTENT_LENGTH));
    }

    @Test
    void setReplacesEveryFieldInPlace() throws Exception {
        SipMessage changed = request().toBuilder().set(HeaderName.CALL_ID, "c2").remove(HeaderName.ROUTE).build();
        assertEquals("c2", changed.callId());
        assertEquals(0, changed.count(HeaderName.ROUTE));
        assertEquals(HeaderName.CALL_ID, changed.headers().get(3).name());
    }

    @Test
    void buildsResponsesFromScratch() throws Exception {
        SipResponse response = MessageBuilder.response(483, null)
                .add(HeaderName.VIA, "SIP/2.0/UDP a.example;branch=z9hG4bK1")
                .add(HeaderName.CALL_ID, "c1")
                .add(HeaderName.CONTENT_LENGTH, "0")
                .buildResponse();
        assertEquals("SIP/2.0 483 Too Many Hops\r\nVia: SIP/2.0/UDP a.example;branch=z9hG4bK1\r\n"
                + "Call-ID: c1\r\nContent-Length: 0\r\n\r\n", response.toString());
        SipResponse reparsed = (SipResponse) SipFramer.DEFAULT.frame(response.encode());
        assertEquals(483, reparsed.statusCode());
        assertEquals("Too Many Hops", reparsed.reasonPhrase());
        assertEquals(404, response.toBuilder().status(404, "Nowhere").buildResponse().statusCode());
    }

    @Test
    void requestOnlyAndResponseOnlyChangesAreRefused() throws Exception {
        assertThrows(IllegalStateException.class, () -> request().toBuilder().status(200, "OK"));
        assertThrows(IllegalStateException.class, () -> MessageBuilder.response(200, "OK").requestUri("sip:x@y"));
        assertThrows(IllegalArgumentException.class, () -> MessageBuilder.response(700, "Beyond"));
    }

    @Test
    void responseToCopiesTheDialogHeadersAndAddsTheTag() throws Exception {
        SipRequest invite = request();
        SipResponse busy = MessageBuilder.responseTo(invite, 486, null, "sl.1").buildResponse();
        assertEquals(486, busy.statusCode());
        assertEquals("Busy Here", busy.reasonPhrase());
        assertEquals(2, busy.vias().size());
        assertEquals("sl.1", busy.to().tag());
        assertEquals("9", busy.from().tag());
        assertEquals("c1", busy.callId());
        assertEquals("1 INVITE", busy.header(HeaderName.CSEQ));
        assertEquals(0, busy.count(HeaderName.ROUTE));
        assertEquals("0", busy.header(HeaderName.CONTENT_LENGTH));
        SipResponse tagged = MessageBuilder.responseTo(
                (SipRequest) SipFramer.DEFAULT.frame(
                        REQUEST.replace("To:   <sip:bob@b.example>", "To: <sip:bob@b.example>;tag=x").getBytes(StandardCharsets.UTF_8)),
                200, "OK", "other").buildResponse();
        assertEquals("x", tagged.to().tag());
    }
}
