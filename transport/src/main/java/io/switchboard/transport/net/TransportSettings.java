package io.switchboard.transport.net;

import io.switchboard.transport.parse.SipLimits;
import java.time.Duration;

/**
 * How a {@link SipTransport} runs. The names follow Kamailio's core parameters
 * ({@code tcp_connect_timeout}, {@code tcp_connection_lifetime}) and keep their defaults.
 *
 * @param limits the size limits every received message is held to (RFC 3261 §18.3 streams too)
 * @param ioThreads Netty event-loop threads; 0 for Netty's default (twice the cores)
 * @param tcpConnectTimeout how long opening a connection to a destination may take
 * @param tcpConnectionLifetime a TCP connection without traffic for this long is closed
 * @param udpReceiveBuffer SO_RCVBUF of UDP sockets in bytes; 0 leaves the system default
 */
public record TransportSettings(SipLimits limits, int ioThreads, Duration tcpConnectTimeout,
                                Duration tcpConnectionLifetime, int udpReceiveBuffer) {

    /** Default limits, Netty's thread count, 10 s connect timeout, 120 s lifetime, system buffers. */
    public static final TransportSettings DEFAULT =
            new TransportSettings(SipLimits.DEFAULT, 0, Duration.ofSeconds(10), Duration.ofSeconds(120), 0);

    public TransportSettings {
        if (limits == null || tcpConnectTimeout == null || tcpConnectionLifetime == null) {
            throw new IllegalArgumentException("transport settings: limits and timeouts are required");
        }
        if (ioThreads < 0 || udpReceiveBuffer < 0 || tcpConnectTimeout.isNegative() || tcpConnectTimeout.isZero()
                || tcpConnectionLifetime.isNegative() || tcpConnectionLifetime.isZero()) {
            throw new IllegalArgumentException("transport settings must be positive: io-threads=" + ioThreads
                    + " tcp-connect-timeout=" + tcpConnectTimeout + " tcp-connection-lifetime="
                    + tcpConnectionLifetime + " udp-receive-buffer=" + udpReceiveBuffer);
        }
    }

    public TransportSettings withLimits(SipLimits newLimits) {
        return new TransportSettings(newLimits, ioThreads, tcpConnectTimeout, tcpConnectionLifetime, udpReceiveBuffer);
    }

    public TransportSettings withUdpReceiveBuffer(int bytes) {
        return new TransportSettings(limits, ioThreads, tcpConnectTimeout, tcpConnectionLifetime, bytes);
    }
}
