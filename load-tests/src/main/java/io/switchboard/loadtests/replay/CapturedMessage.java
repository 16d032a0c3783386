package io.switchboard.loadtests.replay;

import java.net.InetSocketAddress;

/**
 * One UDP payload read from a capture, with when and between which addresses it travelled.
 *
 * @param epochMicros the packet's timestamp, microseconds since 1970
 */
public record CapturedMessage(long epochMicros, InetSocketAddress source, InetSocketAddress destination,
        byte[] payload) {
}
