package io.switchboard.transport.net;

import java.util.concurrent.atomic.LongAdder;

/**
 * What a {@link SipTransport} received, dropped and sent since it started: live, monotonic
 * totals, updated from the Netty threads and readable from any thread.
 */
public final class TransportCounters {

    final LongAdder received = new LongAdder();
    final LongAdder parseErrors = new LongAdder();
    final LongAdder keepAlives = new LongAdder();
    final LongAdder ingressDrops = new LongAdder();
    final LongAdder sent = new LongAdder();
    final LongAdder sendFailures = new LongAdder();

    TransportCounters() {
    }

    /** Messages framed and offered to the ingress (UDP and TCP). */
    public long received() {
        return received.sum();
    }

    /**
     * Input that did not frame (RFC 3261 §18.3): datagrams dropped, stream messages without
     * Content-Length or over a limit (their connection was closed), stream messages dropped.
     */
    public long parseErrors() {
        return parseErrors.sum();
    }

    /** CRLF keep-alives received (RFC 5626 §3.5.1): CRLF-only datagrams and "\r\n\r\n" pings. */
    public long keepAlives() {
        return keepAlives.sum();
    }

    /** Framed messages the ingress refused because it was full or closed. */
    public long ingressDrops() {
        return ingressDrops.sum();
    }

    /** Messages written to the network. */
    public long sent() {
        return sent.sum();
    }

    /** Messages that could not be sent: no listener, no connection, or a failed write. */
    public long sendFailures() {
        return sendFailures.sum();
    }

    @Override
    public String toString() {
        return "received=" + received() + " parseErrors=" + parseErrors() + " keepAlives=" + keepAlives()
                + " ingressDrops=" + ingressDrops() + " sent=" + sent() + " sendFailures=" + sendFailures();
    }
}
