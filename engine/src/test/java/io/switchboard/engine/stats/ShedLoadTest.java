package io.switchboard.engine.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.engine.Engine;
import io.switchboard.engine.htable.TestEngine;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code core:shed_load} (issue 4; DESIGN "The hot path", step 2): an engine whose ingress holds
 * one message ({@code switchboard.ingress.buffer-size = 1}) sheds part of a burst of UDP requests,
 * counts what it shed, and answers again once the burst is over.
 */
class ShedLoadTest {

    private static final int BURST = 2000;
    private static final int MOST_BURSTS = 10;
    /** The probe after the burst is retransmitted each second (RFC 3261 §17.1.2.2), as a UA would. */
    private static final int PROBES = 5;

    private Engine engine;

    @AfterEach
    void stop() {
        engine.stop().toCompletableFuture().join();
    }

    /** An OPTIONS with Max-Forwards 0, which the engine answers 483 (RFC 3261 §16.3 step 3). */
    private static byte[] options(int port, DatagramSocket socket, String callId) {
        return ("OPTIONS sip:nobody@127.0.0.1:" + port + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + socket.getLocalPort() + ";branch=z9hG4bK-" + callId + "\r\n"
                + "Max-Forwards: 0\r\nFrom: <sip:burst@127.0.0.1>;tag=b\r\nTo: <sip:nobody@127.0.0.1>\r\n"
                + "Call-ID: " + callId + "\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    private static void send(DatagramSocket socket, int port, byte[] datagram) throws IOException {
        socket.send(new DatagramPacket(datagram, datagram.length, InetAddress.getLoopbackAddress(), port));
    }

    /** The status line of the next datagram {@code socket} receives; null if none comes in its timeout. */
    private static String statusLine(DatagramSocket socket) throws IOException {
        DatagramPacket answer = new DatagramPacket(new byte[2048], 2048);
        try {
            socket.receive(answer);
        } catch (SocketTimeoutException e) {
            return null;
        }
        String text = new String(answer.getData(), 0, answer.getLength(), StandardCharsets.US_ASCII);
        return text.substring(0, text.indexOf("\r\n"));
    }

    @Test
    void aBurstIntoATinyIngressIsShedCountedAndOutlived() throws Exception {
        engine = TestEngine.start("ingress { buffer-size = 1, lanes = 1 }");
        int port = TestEngine.udpPort(engine);
        long shedBefore = TestEngine.statistic(engine, "core:shed_load");
        long receivedBefore = TestEngine.statistic(engine, "core:rcv_requests");
        int sent = 0;
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            for (int burst = 0; burst < MOST_BURSTS && TestEngine.statistic(engine, "core:shed_load") == shedBefore;
                    burst++) {
                for (int i = 0; i < BURST; i++) {
                    send(socket, port, options(port, socket, "shed-" + burst + "-" + i));
                    sent++;
                }
            }
        }
        long shed = TestEngine.statistic(engine, "core:shed_load") - shedBefore;
        assertTrue(shed > 0, () -> "nothing shed of " + engine.transport().counters());
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            socket.setSoTimeout(1_000);
            byte[] probe = options(port, socket, "shed-after");
            String answer = null;
            for (int attempt = 0; attempt < PROBES && answer == null; attempt++) {
                send(socket, port, probe);
                sent++;
                answer = statusLine(socket);
            }
            assertEquals("SIP/2.0 483 Too Many Hops", answer, "answered after the burst");
        }
        long received = TestEngine.statistic(engine, "core:rcv_requests") - receivedBefore;
        assertTrue(shed + received <= sent, "a request is shed or received, never both: shed " + shed
                + ", received " + received + " of " + sent);
    }
}
