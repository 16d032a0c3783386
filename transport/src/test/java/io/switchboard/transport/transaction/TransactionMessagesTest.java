package io.switchboard.transport.transaction;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.switchboard.transport.message.SipRequest;
import io.switchboard.transport.message.SipResponse;
import org.junit.jupiter.api.Test;

class TransactionMessagesTest {

    private static final SipRequest INVITE = SampleMessages.request("""
            INVITE sip:bob@biloxi.example.com SIP/2.0
            Via: SIP/2.0/UDP pc33.atlanta.example.com;branch=z9hG4bKnashds8, SIP/2.0/UDP 10.0.0.1;branch=z9hG4bK2
            v: SIP/2.0/TCP 10.0.0.2;branch=z9hG4bK1
            Route: <sip:p1.example.com;lr>
            Route: <sip:p2.example.com;lr>
            Max-Forwards: 69
            To: Bob <sip:bob@biloxi.example.com>
            f: Alice <sip:alice@atlanta.example.com>;tag=1928301774
            Call-ID: a84b4c76e66710
            CSeq: 314159 INVITE
            Timestamp: 54
            Content-Type: application/sdp
            Content-Length: 5

            v=0
            """);

    @Test
    void tryingCopiesTheHeadersOf8_2_6AsReceived() {
        SipResponse trying = TransactionMessages.tryingFor(INVITE);
        assertEquals("""
                SIP/2.0 100 Trying
                Via: SIP/2.0/UDP pc33.atlanta.example.com;branch=z9hG4bKnashds8, SIP/2.0/UDP 10.0.0.1;branch=z9hG4bK2
                v: SIP/2.0/TCP 10.0.0.2;branch=z9hG4bK1
                To: Bob <sip:bob@biloxi.example.com>
                f: Alice <sip:alice@atlanta.example.com>;tag=1928301774
                Call-ID: a84b4c76e66710
                CSeq: 314159 INVITE
                Timestamp: 54
                Content-Length: 0

                """.replace("\n", "\r\n"), trying.toString());
    }

    @Test
    void ackForAFailureResponse() throws Exception {
        SipResponse busy = SampleMessages.response(INVITE, 486, "8321234356");
        SipRequest ack = TransactionMessages.ackFor(INVITE, busy);
        assertEquals("""
                ACK sip:bob@biloxi.example.com SIP/2.0
                Via: SIP/2.0/UDP pc33.atlanta.example.com;branch=z9hG4bKnashds8
                Route: <sip:p1.example.com;lr>
                Route: <sip:p2.example.com;lr>
                Max-Forwards: 70
                To: Bob <sip:bob@biloxi.example.com>;tag=8321234356
                From: Alice <sip:alice@atlanta.example.com>;tag=1928301774
                Call-ID: a84b4c76e66710
                CSeq: 314159 ACK
                Content-Length: 0

                """.replace("\n", "\r\n"), ack.toString());
        ack.validate();
    }

    @Test
    void cancelOfAnInvite() throws Exception {
        SipRequest cancel = TransactionMessages.cancelFor(INVITE);
        assertEquals("""
                CANCEL sip:bob@biloxi.example.com SIP/2.0
                Via: SIP/2.0/UDP pc33.atlanta.example.com;branch=z9hG4bKnashds8
                Route: <sip:p1.example.com;lr>
                Route: <sip:p2.example.com;lr>
                Max-Forwards: 70
                To: Bob <sip:bob@biloxi.example.com>
                From: Alice <sip:alice@atlanta.example.com>;tag=1928301774
                Call-ID: a84b4c76e66710
                CSeq: 314159 CANCEL
                Content-Length: 0

                """.replace("\n", "\r\n"), cancel.toString());
        cancel.validate();
    }
}
