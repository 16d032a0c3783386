package io.switchboard.transport.net;

import static io.switchboard.transport.net.SipSamples.INVITE;
import static io.switchboard.transport.net.SipSamples.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.transport.message.SipMessage;
import io.switchboard.transport.stream.SipIngress;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.stream.javadsl.Sink;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class SipEgressTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final ActorTestKit testKit = ActorTestKit.create();

    private SipIngress ingress;
    private SipTransport transport;
    private SipEgress egress;

    @AfterAll
    static void shutdownTestKit() {
        testKit.shutdownTestKit();
    }

    @BeforeEach
    void bind() throws Exception {
        ingress = SipIngress.create(testKit.system());
        transport = SipTransport.bind(List.of(ListenAddress.parse("udp:127.0.0.1:0"),
                ListenAddress.parse("tcp:127.0.0.1:0")), ingress).toCompletableFuture().get(30, TimeUnit.SECONDS);
        egress = new SipEgress(transport, 16);
    }

    @AfterEach
    void close() throws Exception {
        ingress.complete();
        transport.shutdown().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    @Test
    void writesADatagramByteForByte() throws Exception {
        try (DatagramSocket peer = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            peer.setSoTimeout((int) WAIT.toMillis());
            SipMessage message = SipSamples.message(SipSamples.inviteWithSdp("egress"));
            assertTrue(egress.offer(OutboundMessage.to(message, Transport.UDP,
                    (InetSocketAddress) peer.getLocalSocketAddress())));
            DatagramPacket packet = new DatagramPacket(new byte[65_536], 65_536);
            peer.receive(packet);
            assertArrayEquals(message.encode(), Arrays.copyOf(packet.getData(), packet.getLength()));
            assertEquals(transport.localAddress(Transport.UDP), packet.getSocketAddress());
        }
    }

    @Test
    void aFailedSendIsCountedAndFreesItsPlace() throws Exception {
        SipMessage message = SipSamples.message(INVITE);
        var unreachable = new OutboundMessage(message, Transport.UDP, new InetSocketAddress("127.0.0.1", 9),
                new InetSocketAddress("127.0.0.1", 1));
        assertTrue(egress.offer(unreachable));
        assertTrue(egress.offer(unreachable));
        SipSamples.await(() -> transport.counters().sendFailures() == 2, WAIT, "two send failures");
        SipSamples.await(() -> egress.waiting() == 0, WAIT, "no message waiting");
    }

    /**
     * A peer whose accept queue is full takes no new connection (Linux drops the SYN): the message
     * to it waits for its connection, and with a limit of one the next message is refused.
     */
    @Test
    void refusesAMessageBeyondItsLimit() throws Exception {
        SipEgress one = new SipEgress(transport, 1);
        List<Socket> queued = new ArrayList<>();
        try (ServerSocket stalled = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            for (int i = 0; i < 4; i++) {
                Socket socket = new Socket();
                queued.add(socket);
                try {
                    socket.connect(stalled.getLocalSocketAddress(), 200);
                } catch (java.io.IOException full) {
                    break;
                }
            }
            SipMessage message = SipSamples.message(INVITE);
            assertTrue(one.offer(OutboundMessage.to(message, Transport.TCP,
                    (InetSocketAddress) stalled.getLocalSocketAddress())));
            assertEquals(1, one.waiting());
            assertFalse(one.offer(OutboundMessage.to(message, Transport.UDP, new InetSocketAddress("127.0.0.1", 9))));
            assertEquals(0, transport.counters().sent());
        } finally {
            for (Socket socket : queued) {
                socket.close();
            }
        }
    }

    @Test
    void aLimitBelowOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new SipEgress(transport, 0));
    }

    @Test
    void repliesGoBackOnTheTcpConnectionOfTheRequest() throws Exception {
        SipMessage reply = SipSamples.message(SipSamples.OK);
        ingress.runWith(Sink.foreach(in -> egress.offer(OutboundMessage.replyTo(in, reply))));
        try (Socket peer = new Socket()) {
            peer.setSoTimeout((int) WAIT.toMillis());
            peer.connect(transport.localAddress(Transport.TCP), (int) WAIT.toMillis());
            peer.getOutputStream().write(bytes(INVITE + SipSamples.invite("second")));
            assertArrayEquals(reply.encode(), peer.getInputStream().readNBytes(reply.encodedLength()));
            assertArrayEquals(reply.encode(), peer.getInputStream().readNBytes(reply.encodedLength()));
            assertEquals(1, transport.connectionCount());
            SipSamples.await(() -> transport.counters().sent() == 2, WAIT, "two messages counted as sent");
        }
    }

    @Test
    void repliesToUdpGoBackToASenderWhoseViaHasRport() throws Exception {
        SipMessage reply = SipSamples.message(SipSamples.OK);
        ingress.runWith(Sink.foreach(in -> egress.offer(OutboundMessage.replyTo(in, reply))));
        try (DatagramSocket peer = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            peer.setSoTimeout((int) WAIT.toMillis());
            byte[] invite = bytes(INVITE.replace(";branch=", ";rport;branch=")); // RFC 3581: to the source port
            peer.send(new DatagramPacket(invite, invite.length, transport.localAddress(Transport.UDP)));
            DatagramPacket packet = new DatagramPacket(new byte[65_536], 65_536);
            peer.receive(packet);
            assertArrayEquals(reply.encode(), Arrays.copyOf(packet.getData(), packet.getLength()));
        }
    }
}
