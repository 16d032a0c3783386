package io.switchboard.actors.dlgs;

import io.switchboard.transport.message.SipFramer;
import io.switchboard.transport.message.SipMessage;
import io.switchboard.transport.message.SipRequest;
import io.switchboard.transport.message.SipResponse;
import io.switchboard.transport.parse.SipParseException;
import java.nio.charset.StandardCharsets;

/** The messages of one call from alice to bob, framed as the transport frames what it receives. */
final class CallMessages {

    private final String callId;

    CallMessages(String callId) {
        this.callId = callId;
    }

    SipRequest invite() {
        return (SipRequest) frame("INVITE sip:bob@192.0.2.20 SIP/2.0", "<sip:bob@example.com>", "1 INVITE");
    }

    SipResponse reply(int status) {
        return (SipResponse) frame("SIP/2.0 " + status + " Reason", "<sip:bob@example.com>;tag=b1", "1 INVITE");
    }

    SipRequest ack() {
        return (SipRequest) frame("ACK sip:bob@192.0.2.20 SIP/2.0", "<sip:bob@example.com>;tag=b1", "1 ACK");
    }

    SipRequest bye() {
        return (SipRequest) frame("BYE sip:bob@192.0.2.20 SIP/2.0", "<sip:bob@example.com>;tag=b1", "2 BYE");
    }

    SipRequest cancel() {
        return (SipRequest) frame("CANCEL sip:bob@192.0.2.20 SIP/2.0", "<sip:bob@example.com>", "1 CANCEL");
    }

    private SipMessage frame(String startLine, String to, String cseq) {
        String text = startLine + "\r\n"
                + "Via: SIP/2.0/UDP 192.0.2.10:5070;branch=z9hG4bK-" + callId + "\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:alice@example.com>;tag=a1\r\n"
                + "To: " + to + "\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: " + cseq + "\r\n"
                + "Content-Length: 0\r\n\r\n";
        try {
            return SipFramer.DEFAULT.frame(text.getBytes(StandardCharsets.US_ASCII));
        } catch (SipParseException e) {
            throw new AssertionError(e);
        }
    }
}
