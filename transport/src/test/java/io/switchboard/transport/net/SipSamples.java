package io.switchboard.transport.net;

import io.switchboard.transport.message.SipFramer;
import io.switchboard.transport.message.SipMessage;
import io.switchboard.transport.parse.SipParseException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Sample messages and waiting for the network, shared by the transport and stream tests. */
public final class SipSamples {

    public static final String INVITE = "INVITE sip:bob@127.0.0.1 SIP/2.0\r\n"
            + "Via: SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bK-1\r\n"
            + "Max-Forwards: 70\r\n"
            + "To: <sip:bob@127.0.0.1>\r\n"
            + "From: <sip:alice@127.0.0.1>;tag=1\r\n"
            + "Call-ID: call-1@127.0.0.1\r\n"
            + "CSeq: 1 INVITE\r\n"
            + "Content-Length: 0\r\n\r\n";

    public static final String OK = "SIP/2.0 200 OK\r\n"
            + "Via: SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bK-1\r\n"
            + "To: <sip:bob@127.0.0.1>;tag=2\r\n"
            + "From: <sip:alice@127.0.0.1>;tag=1\r\n"
            + "Call-ID: call-1@127.0.0.1\r\n"
            + "CSeq: 1 INVITE\r\n"
            + "Content-Length: 0\r\n\r\n";

    public static final String SDP = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\n"
            + "t=0 0\r\nm=audio 4000 RTP/AVP 0\r\n";

    private SipSamples() {
    }

    /** An INVITE with its own Call-ID. */
    public static String invite(String callId) {
        return INVITE.replace("call-1@127.0.0.1", callId);
    }

    /** An INVITE carrying {@link #SDP} with its Content-Length. */
    public static String inviteWithSdp(String callId) {
        return invite(callId).replace("Content-Length: 0\r\n",
                "Content-Type: application/sdp\r\nContent-Length: " + SDP.length() + "\r\n") + SDP;
    }

    public static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    public static SipMessage message(String text) {
        try {
            return SipFramer.DEFAULT.frame(bytes(text));
        } catch (SipParseException e) {
            throw new AssertionError(e);
        }
    }

    /** Polls {@code condition} until it holds; fails after {@code timeout}. */
    public static void await(BooleanSupplier condition, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what);
            }
        }
    }
}
