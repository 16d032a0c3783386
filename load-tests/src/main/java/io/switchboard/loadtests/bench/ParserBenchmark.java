package io.switchboard.loadtests.bench;

import io.switchboard.transport.message.HeaderField;
import io.switchboard.transport.message.SipFramer;
import io.switchboard.transport.message.SipMessage;
import io.switchboard.transport.parse.SipParseException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Throughput of the message core on one thread: framing alone (start line, header boundaries,
 * Content-Length, body — what every received datagram costs) and a full parse (framing plus every
 * header read and every header the model knows parsed and checked), for a typical INVITE with SDP
 * and for the 200 OK that answers it. Goals: framing at least 1,000,000 messages/s, full parse at
 * least 250,000 messages/s.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class ParserBenchmark {

    private static final String SDP = "v=0\r\n"
            + "o=alice 2890844526 2890844526 IN IP4 192.0.2.101\r\n"
            + "s=-\r\n"
            + "c=IN IP4 192.0.2.101\r\n"
            + "t=0 0\r\n"
            + "m=audio 49172 RTP/AVP 0 8 101\r\n"
            + "a=rtpmap:0 PCMU/8000\r\n"
            + "a=rtpmap:8 PCMA/8000\r\n"
            + "a=rtpmap:101 telephone-event/8000\r\n"
            + "a=sendrecv\r\n";

    /** A typical INVITE from a carrier's edge: about 700 bytes with its SDP. */
    static final byte[] INVITE = ("INVITE sip:+15551234567@gw1.carrier.example:5060;user=phone SIP/2.0\r\n"
            + "Via: SIP/2.0/UDP 192.0.2.101:5060;branch=z9hG4bK776asdhds;rport\r\n"
            + "Max-Forwards: 70\r\n"
            + "To: <sip:+15551234567@gw1.carrier.example;user=phone>\r\n"
            + "From: \"Alice\" <sip:+15550001111@atlanta.example>;tag=1928301774\r\n"
            + "Call-ID: a84b4c76e66710@192.0.2.101\r\n"
            + "CSeq: 314159 INVITE\r\n"
            + "Contact: <sip:alice@192.0.2.101:5060>\r\n"
            + "Allow: INVITE, ACK, CANCEL, BYE, OPTIONS\r\n"
            + "Supported: timer, 100rel\r\n"
            + "User-Agent: Example UA 1.0\r\n"
            + "Content-Type: application/sdp\r\n"
            + "Content-Length: " + SDP.length() + "\r\n"
            + "\r\n" + SDP).getBytes(StandardCharsets.UTF_8);

    /** The 200 OK answering it through one proxy, with Record-Route. */
    static final byte[] OK = ("SIP/2.0 200 OK\r\n"
            + "Via: SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bK4b43c2ff8.1\r\n"
            + "Via: SIP/2.0/UDP 192.0.2.101:5060;branch=z9hG4bK776asdhds;rport=5060;received=192.0.2.101\r\n"
            + "Record-Route: <sip:10.0.0.1;lr;did=a1b.c2d>\r\n"
            + "To: <sip:+15551234567@gw1.carrier.example;user=phone>;tag=a6c85cf\r\n"
            + "From: \"Alice\" <sip:+15550001111@atlanta.example>;tag=1928301774\r\n"
            + "Call-ID: a84b4c76e66710@192.0.2.101\r\n"
            + "CSeq: 314159 INVITE\r\n"
            + "Contact: <sip:gw1@198.51.100.4:5060>\r\n"
            + "Content-Type: application/sdp\r\n"
            + "Content-Length: " + SDP.length() + "\r\n"
            + "\r\n" + SDP).getBytes(StandardCharsets.UTF_8);

    private final SipFramer framer = SipFramer.DEFAULT;

    @Benchmark
    public SipMessage frameInvite() throws SipParseException {
        return framer.frame(INVITE);
    }

    @Benchmark
    public SipMessage frameOk() throws SipParseException {
        return framer.frame(OK);
    }

    @Benchmark
    public void parseInvite(Blackhole sink) throws SipParseException {
        parseFully(framer.frame(INVITE), sink);
    }

    @Benchmark
    public void parseOk(Blackhole sink) throws SipParseException {
        parseFully(framer.frame(OK), sink);
    }

    private static void parseFully(SipMessage message, Blackhole sink) throws SipParseException {
        message.validate();
        for (HeaderField field : message.headers()) {
            sink.consume(field.value());
        }
        sink.consume(message);
    }
}
