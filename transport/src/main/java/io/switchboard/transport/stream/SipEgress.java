package io.switchboard.transport.stream;

import io.switchboard.transport.net.OutboundMessage;
import io.switchboard.transport.net.SipTransport;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;
import org.apache.pekko.stream.javadsl.Sink;

/**
 * The egress stream: each {@link OutboundMessage} is encoded and written through a
 * {@link SipTransport} (RFC 3261 §18.1.1, §18.2.2) — a datagram to the destination, or the bytes
 * on the TCP connection to it, opened when there is none. Writing never blocks, and a message
 * that cannot be sent is counted in {@link io.switchboard.transport.net.TransportCounters} and
 * logged, never failing the stream.
 */
public final class SipEgress {

    private SipEgress() {
    }

    /** A sink writing through {@code transport}; its value completes when the upstream completes. */
    public static Sink<OutboundMessage, CompletionStage<Done>> sink(SipTransport transport) {
        return Sink.foreach(transport::send);
    }
}
