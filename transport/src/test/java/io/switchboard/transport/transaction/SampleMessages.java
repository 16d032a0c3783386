package io.switchboard.transport.transaction;

import io.switchboard.transport.message.HeaderName;
import io.switchboard.transport.message.SipFramer;
import io.switchboard.transport.message.SipMessage;
import io.switchboard.transport.message.SipRequest;
import io.switchboard.transport.message.SipResponse;
import io.switchboard.transport.message.SipStatus;
import io.switchboard.transport.parse.SipParseException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/** SIP messages for the transaction tests, framed from text as the network would deliver them. */
final class SampleMessages {

    static final Hop UDP = new Hop("UDP", new InetSocketAddress("192.0.2.10", 5060));
    static final Hop TCP = new Hop("TCP", new InetSocketAddress("192.0.2.10", 5060));

    static final String CALL_ID = "a84b4c76e66710@pc33.atlanta.example.com";
    static final String FROM = "Alice <sip:alice@atlanta.example.com>;tag=1928301774";
    static final String TO = "Bob <sip:bob@biloxi.example.com>";
    static final String REQUEST_URI = "sip:bob@biloxi.example.com";
    static final String ROUTE = "<sip:p1.example.com;lr>, <sip:p2.example.com;lr>";

    private SampleMessages() {
    }

    static SipMessage frame(String text) {
        try {
            return SipFramer.DEFAULT.frame(text.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (SipParseException e) {
            throw new AssertionError("bad sample message: " + e.getMessage() + "\n" + text, e);
        }
    }

    static SipRequest request(String text) {
        return (SipRequest) frame(text);
    }

    static SipResponse response(String text) {
        return (SipResponse) frame(text);
    }

    /** A request from Alice's phone with {@code branch} in the top Via (null: no branch). */
    static SipRequest request(String method, String branch) {
        return request(method, branch, "pc33.atlanta.example.com", 314159, null);
    }

    static SipRequest request(String method, String branch, String sentBy, long cseq, String toTag) {
        return request(method + " " + REQUEST_URI + " SIP/2.0\n"
                + "Via: SIP/2.0/UDP " + sentBy + (branch == null ? "" : ";branch=" + branch) + "\n"
                + "Via: SIP/2.0/UDP bigbox3.site3.atlanta.example.com;branch=z9hG4bK77ef4c2312983.1\n"
                + "Route: " + ROUTE + "\n"
                + "Max-Forwards: 69\n"
                + "To: " + TO + (toTag == null ? "" : ";tag=" + toTag) + "\n"
                + "From: " + FROM + "\n"
                + "Call-ID: " + CALL_ID + "\n"
                + "CSeq: " + cseq + " " + method + "\n"
                + "Contact: <sip:alice@pc33.atlanta.example.com>\n"
                + "Content-Length: 0\n\n");
    }

    static SipRequest invite(String branch) {
        return request("INVITE", branch);
    }

    /** A response to {@code request} as a UAS builds it (§8.2.6): its Vias, From, To (+ tag), Call-ID, CSeq. */
    static SipResponse response(SipRequest request, int code, String toTag) {
        StringBuilder text = new StringBuilder("SIP/2.0 ").append(code).append(' ')
                .append(SipStatus.reasonPhrase(code)).append('\n');
        for (String via : request.headerValues(HeaderName.VIA)) {
            text.append("Via: ").append(via).append('\n');
        }
        String to = request.header(HeaderName.TO);
        if (toTag != null && !to.contains(";tag=")) {
            to += ";tag=" + toTag;
        }
        text.append("To: ").append(to).append('\n')
                .append("From: ").append(request.header(HeaderName.FROM)).append('\n')
                .append("Call-ID: ").append(request.header(HeaderName.CALL_ID)).append('\n')
                .append("CSeq: ").append(request.header(HeaderName.CSEQ)).append('\n')
                .append("Content-Length: 0\n\n");
        return response(text.toString());
    }

    /** The hop-by-hop ACK a client sends for a non-2xx response to {@code invite} (§17.1.1.3). */
    static SipRequest ackFor(SipRequest invite, String toTag) {
        return request(invite.toString()
                .replaceFirst("^INVITE ", "ACK ")
                .replace(" INVITE\r\n", " ACK\r\n")
                .replace("To: " + TO + "\r\n", "To: " + TO + ";tag=" + toTag + "\r\n")
                .replace("\r\n", "\n"));
    }
}
