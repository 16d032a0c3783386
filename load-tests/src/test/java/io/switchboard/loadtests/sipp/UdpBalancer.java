package io.switchboard.loadtests.sipp;

import io.switchboard.transport.header.Via;
import io.switchboard.transport.message.SipFramer;
import io.switchboard.transport.message.SipMessage;
import io.switchboard.transport.message.SipResponse;
import io.switchboard.transport.parse.SipParseException;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;

/**
 * A shared address in front of SIP peers, as a carrier puts a load balancer there: a request sent
 * to it goes on to the peer chosen now (the test moves the traffic to another node when it kills
 * or restarts one); a response goes where its top Via says (RFC 3261 §18.2.2), so it reaches
 * the node that sent the request. SIPp answers a call's requests only to the address the call
 * came from, so it too sits behind one of these when the node that sends it a request may change.
 */
final class UdpBalancer implements AutoCloseable {

    private static final int LARGEST_DATAGRAM = 65_535;

    private final DatagramSocket socket;
    private final Thread relay;
    private volatile int target;

    private UdpBalancer(DatagramSocket socket, int target) {
        this.socket = socket;
        this.target = target;
        this.relay = new Thread(this::relay, "udp-balancer");
        relay.setDaemon(true);
    }

    /** A balancer on a free port of 127.0.0.1 sending to {@code target} on 127.0.0.1. */
    static UdpBalancer start(int target) throws SocketException {
        UdpBalancer balancer = new UdpBalancer(new DatagramSocket(new InetSocketAddress(
                InetAddress.getLoopbackAddress(), 0)), target);
        balancer.relay.start();
        return balancer;
    }

    int port() {
        return socket.getLocalPort();
    }

    /** Sends what comes next to {@code port} on 127.0.0.1. */
    void sendTo(int port) {
        target = port;
    }

    private void relay() {
        byte[] buffer = new byte[LARGEST_DATAGRAM];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        while (!socket.isClosed()) {
            try {
                packet.setLength(buffer.length);
                socket.receive(packet);
                socket.send(new DatagramPacket(buffer, packet.getLength(), destination(buffer, packet.getLength())));
            } catch (IOException e) {
                if (socket.isClosed()) {
                    return;
                }
            }
        }
    }

    /** The current target for a request, the top Via's address for a response. */
    private InetSocketAddress destination(byte[] datagram, int length) {
        try {
            SipMessage message = SipFramer.DEFAULT.frame(datagram, 0, length);
            if (message instanceof SipResponse response) {
                Via top = response.vias().get(0);
                return new InetSocketAddress(top.host(), top.port() < 0 ? 5060 : top.port());
            }
        } catch (SipParseException e) {
            // not SIP: passed on to the target as it came
        }
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), target);
    }

    @Override
    public void close() {
        socket.close();
    }
}
