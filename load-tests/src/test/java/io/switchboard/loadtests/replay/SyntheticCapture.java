package io.switchboard.loadtests.replay;

import io.switchboard.engine.capture.PcapWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A call written as a proxy in the middle would capture it (RFC 3261 §24.2 with one record-routing
 * proxy): caller 192.0.2.1, proxy 192.0.2.2, callee 192.0.2.3, both legs of INVITE, 100, 180,
 * 200, ACK, BYE and 200, and one retransmitted INVITE.
 */
final class SyntheticCapture {

    static final InetSocketAddress CALLER = new InetSocketAddress("192.0.2.1", 5060);
    static final InetSocketAddress PROXY = new InetSocketAddress("192.0.2.2", 5060);
    static final InetSocketAddress CALLEE = new InetSocketAddress("192.0.2.3", 5062);

    private static final String SDP = "v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nc=IN IP4 192.0.2.1\r\nt=0 0\r\n"
            + "m=audio 4000 RTP/AVP 0\r\n";

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PcapWriter writer = new PcapWriter(bytes);
    private long micros = 1_700_000_000_000_000L;

    private SyntheticCapture() throws IOException {
        writer.writeFileHeader();
    }

    /** The call with Call-ID {@code callId}, its INVITE carrying {@code maxForwards}; written to {@code file}. */
    static Path write(Path file, String callId, int maxForwards) throws IOException {
        SyntheticCapture c = new SyntheticCapture();
        String viaA = "Via: SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bKa1\r\n";
        String viaP = "Via: SIP/2.0/UDP 192.0.2.2:5060;branch=z9hG4bKp1\r\n";
        String dialog = "From: <sip:alice@example.com>;tag=a1\r\nCall-ID: " + callId + "\r\n";
        String to = "To: <sip:bob@example.com>";
        String rr = "Record-Route: <sip:192.0.2.2;lr>\r\n";
        String invite = "INVITE sip:bob@192.0.2.3:5062 SIP/2.0\r\n" + viaA + "Max-Forwards: " + maxForwards + "\r\n"
                + dialog + to + "\r\nCSeq: 1 INVITE\r\nContact: <sip:alice@192.0.2.1:5060>\r\n"
                + "Content-Type: application/sdp\r\nContent-Length: " + SDP.length() + "\r\n\r\n" + SDP;
        c.packet(0, CALLER, PROXY, invite);
        c.packet(1, PROXY, CALLER, "SIP/2.0 100 Trying\r\n" + viaA + dialog + to + "\r\nCSeq: 1 INVITE\r\n"
                + "Content-Length: 0\r\n\r\n");
        c.packet(2, PROXY, CALLEE, invite.replace(viaA, viaP + viaA).replace("Max-Forwards: 70", "Max-Forwards: 69")
                .replace("CSeq: 1 INVITE\r\n", "CSeq: 1 INVITE\r\n" + rr));
        String ringing = "SIP/2.0 180 Ringing\r\n%s" + rr + dialog + to + ";tag=b1\r\nCSeq: 1 INVITE\r\n"
                + "Contact: <sip:bob@192.0.2.3:5062>\r\nContent-Length: 0\r\n\r\n";
        c.packet(20, CALLEE, PROXY, ringing.formatted(viaP + viaA));
        c.packet(21, PROXY, CALLER, ringing.formatted(viaA));
        String ok = "SIP/2.0 200 OK\r\n%s" + rr + dialog + to + ";tag=b1\r\nCSeq: 1 INVITE\r\n"
                + "Contact: <sip:bob@192.0.2.3:5062>\r\nContent-Type: application/sdp\r\nContent-Length: "
                + SDP.length() + "\r\n\r\n" + SDP;
        c.packet(50, CALLEE, PROXY, ok.formatted(viaP + viaA));
        c.packet(51, PROXY, CALLER, ok.formatted(viaA));
        c.packet(55, CALLER, PROXY, invite);
        String ack = "ACK sip:bob@192.0.2.3:5062 SIP/2.0\r\nVia: SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bKa2\r\n"
                + "Route: <sip:192.0.2.2;lr>\r\nMax-Forwards: 70\r\n" + dialog + to + ";tag=b1\r\nCSeq: 1 ACK\r\n"
                + "Content-Length: 0\r\n\r\n";
        c.packet(60, CALLER, PROXY, ack);
        c.packet(61, PROXY, CALLEE, ack.replace("Route: <sip:192.0.2.2;lr>\r\n", ""));
        String bye = ack.replace("ACK", "BYE").replace("CSeq: 1 BYE", "CSeq: 2 BYE").replace("z9hG4bKa2", "z9hG4bKa3");
        c.packet(200, CALLER, PROXY, bye);
        c.packet(201, PROXY, CALLEE, bye.replace("Route: <sip:192.0.2.2;lr>\r\n", ""));
        String byeOk = "SIP/2.0 200 OK\r\nVia: SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bKa3\r\n" + dialog + to
                + ";tag=b1\r\nCSeq: 2 BYE\r\nContent-Length: 0\r\n\r\n";
        c.packet(210, CALLEE, PROXY, byeOk);
        c.packet(211, PROXY, CALLER, byeOk);
        Files.write(file, c.bytes.toByteArray());
        return file;
    }

    private void packet(long millis, InetSocketAddress from, InetSocketAddress to, String text) throws IOException {
        writer.write(micros + millis * 1000, from, to, text.getBytes(StandardCharsets.US_ASCII));
    }
}
