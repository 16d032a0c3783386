package io.switchboard.engine.dispatcher;

import io.switchboard.transport.message.MessageBuilder;
import io.switchboard.transport.message.SipFramer;
import io.switchboard.transport.message.SipMessage;
import io.switchboard.transport.message.SipRequest;
import io.switchboard.transport.message.SipResponse;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A SIP endpoint on 127.0.0.1 for the tests, a gateway or a phone: answers OPTIONS with
 * {@link #optionsCode} (0: not at all), INVITE with {@link #inviteCode} and other requests but ACK
 * with 200, keeps every request and response it gets, and sends messages of its own from its port.
 */
public final class UdpDestination implements AutoCloseable {

    public volatile int optionsCode = 200;
    public volatile int inviteCode = 200;
    public final BlockingQueue<SipRequest> received = new LinkedBlockingQueue<>();
    public final BlockingQueue<SipResponse> answers = new LinkedBlockingQueue<>();
    private final DatagramSocket socket;
    private final Thread thread;

    public UdpDestination() throws SocketException {
        socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        thread = new Thread(this::serve, "udp-destination-" + socket.getLocalPort());
        thread.setDaemon(true);
        thread.start();
    }

    public int port() {
        return socket.getLocalPort();
    }

    public String uri() {
        return "sip:127.0.0.1:" + port();
    }

    private void serve() {
        byte[] buffer = new byte[65535];
        while (!socket.isClosed()) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
                SipMessage message = SipFramer.DEFAULT.frame(java.util.Arrays.copyOf(packet.getData(), packet.getLength()));
                if (message instanceof SipRequest request) {
                    received.add(request);
                    int code = request.isInvite() ? inviteCode : request.method().name().equals("OPTIONS") ? optionsCode
                            : request.isAck() ? 0 : 200;
                    if (code > 0) {
                        byte[] reply = MessageBuilder.responseTo(request, code, null, "gw").buildResponse().encode();
                        socket.send(new DatagramPacket(reply, reply.length, packet.getSocketAddress()));
                    }
                } else {
                    answers.add((SipResponse) message);
                }
            } catch (IOException | io.switchboard.transport.parse.SipParseException e) {
                if (socket.isClosed()) {
                    return;
                }
            }
        }
    }

    /**
     * Sends an initial INVITE from alice (From tag {@code caller}) to {@code user} at this
     * destination, with a new Call-ID at {@code host}, to {@code port} on 127.0.0.1; its Call-ID.
     */
    public String sendInvite(String user, String host, int port) throws IOException {
        String callId = user + "-" + System.nanoTime() + "@" + host;
        int own = port();
        send(String.join("\r\n",
                "INVITE sip:" + user + "@127.0.0.1:" + own + " SIP/2.0",
                "Via: SIP/2.0/UDP 127.0.0.1:" + own + ";branch=z9hG4bK-" + callId.hashCode(),
                "Max-Forwards: 70",
                "From: <sip:alice@example.com>;tag=caller",
                "To: <sip:" + user + "@example.org>",
                "Call-ID: " + callId,
                "CSeq: 1 INVITE",
                "Contact: <sip:alice@127.0.0.1:" + own + ">",
                "Content-Length: 0", "", ""), port);
        return callId;
    }

    /** Sends {@code text} (CRLF line ends) from this destination's port to {@code port} on 127.0.0.1. */
    public void send(String text, int port) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        socket.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), port));
    }

    @Override
    public void close() {
        socket.close();
    }
}
