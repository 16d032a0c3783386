package io.switchboard.transport.net;

/**
 * The transport protocols a listener speaks (RFC 3261 §18). UDP carries one message per datagram;
 * TCP is a stream, where Content-Length delimits messages (RFC 3261 §18.3).
 */
public enum Transport {
    UDP,
    TCP;

    /** True for stream transports: reliable, framed by Content-Length, connection-oriented. */
    public boolean isStream() {
        return this == TCP;
    }

    /** The lower-case name used in configuration and in Via ({@code udp}, {@code tcp}). */
    public String configName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
