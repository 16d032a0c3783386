package io.switchboard.transport.transaction;

import java.net.InetSocketAddress;
import java.util.Locale;
import java.util.Objects;

/**
 * Where a transaction sends: the transport and the address of the next hop. For a client
 * transaction it is the hop the request goes to (RFC 3261 §8.1.2, §16.6 step 7); for a server
 * transaction the one responses go back to, which the engine computes from the request's top Via
 * ({@link io.switchboard.transport.net.OutboundMessage#replyAddress}, §18.2.2, RFC 3581 §4): over
 * TCP the connection it came on; over UDP the source address at the source port with
 * {@code rport} and at the sent-by port without, or {@code maddr}. The transport decides whether
 * the transaction retransmits (§17.1.1.2, §17.1.2.2, §17.2.1): only UDP is unreliable.
 *
 * @param transport the transport name as in a Via, upper case: {@code UDP}, {@code TCP}, {@code TLS}, ...
 * @param address the remote address
 */
public record Hop(String transport, InetSocketAddress address) {

    public static final String UDP = "UDP";

    public Hop {
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(address, "address");
        if (transport.isBlank()) {
            throw new IllegalArgumentException("empty transport name");
        }
        transport = transport.toUpperCase(Locale.ROOT);
    }

    /** False for UDP, true for every transport that delivers reliably (TCP, TLS, SCTP, WS, ...). */
    public boolean reliable() {
        return !UDP.equals(transport);
    }

    @Override
    public String toString() {
        return transport + ":" + address;
    }
}
