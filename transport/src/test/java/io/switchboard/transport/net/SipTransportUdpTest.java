package io.switchboard.transport.net;

import static io.switchboard.transport.net.SipSamples.INVITE;
import static io.switchboard.transport.net.SipSamples.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.transport.parse.SipParseException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class SipTransportUdpTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private final BlockingQueue<InboundMessage> received = new LinkedBlockingQueue<>();
    private SipTransport transport;
    private DatagramSocket peer;

    @BeforeEach
    void bind() throws Exception {
        transport = SipTransport.bind(List.of(ListenAddress.parse("udp:127.0.0.1:0")), received::offer)
                .toCompletableFuture().get(30, TimeUnit.SECONDS);
        peer = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
        peer.setSoTimeout((int) WAIT.toMillis());
    }

    @AfterEach
    void close() throws Exception {
        peer.close();
        transport.shutdown().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    private void send(DatagramSocket from, String text, InetSocketAddress to) throws Exception {
        byte[] b = bytes(text);
        from.send(new DatagramPacket(b, b.length, to));
    }

    @Test
    void bindsAnEphemeralPort() {
        InetSocketAddress local = transport.localAddress(Transport.UDP);
        assertNotEquals(0, local.getPort());
        assertEquals(List.of(new ListenAddress(Transport.UDP, "127.0.0.1", local.getPort())), transport.listeners());
        assertNull(transport.localAddress(Transport.TCP));
    }

    @Test
    void framesAnInvite() throws Exception {
        send(peer, INVITE, transport.localAddress(Transport.UDP));
        InboundMessage in = received.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertNotNull(in);
        assertEquals("call-1@127.0.0.1", in.message().callId());
        assertEquals(Transport.UDP, in.transport());
        assertEquals(peer.getLocalSocketAddress(), in.remote());
        assertEquals(transport.localAddress(Transport.UDP), in.local());
        assertEquals(1, transport.counters().received());
    }

    @Test
    void dropsGarbageAndIgnoresKeepAlives() throws Exception {
        InetSocketAddress listener = transport.localAddress(Transport.UDP);
        send(peer, "\r\n\r\n", listener);
        send(peer, "this is not SIP\r\n\r\n", listener);
        send(peer, INVITE.replace("Content-Length: 0", "Content-Length: nine"), listener);
        send(peer, SipSamples.invite("after"), listener);
        InboundMessage in = received.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertNotNull(in);
        assertEquals("after", in.message().callId());
        SipSamples.await(() -> transport.counters().parseErrors() == 2 && transport.counters().keepAlives() == 1,
                WAIT, "two parse errors and one keep-alive, got " + transport.counters());
        assertEquals(1, transport.counters().received());
        assertTrue(received.isEmpty());
    }

    /** RFC 3261 §18.3: the receiver answers such a request 400 and discards such a response, so it gets it. */
    @Test
    void deliversADatagramCutShortOfItsContentLengthForTheReceiverToReject() throws Exception {
        send(peer, INVITE.replace("Content-Length: 0", "Content-Length: 99"), transport.localAddress(Transport.UDP));
        InboundMessage in = received.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertNotNull(in);
        assertEquals(0, in.message().bodyLength());
        assertTrue(assertThrows(SipParseException.class, () -> in.message().validate()).getMessage()
                .contains("Content-Length 99 is larger than the 0 body bytes received"));
        assertEquals(0, transport.counters().parseErrors());
    }

    @Test
    void takesADatagramAsLargeAsTheLimitAllows() throws Exception {
        String filler = "X-Filler: " + "x".repeat(1000) + "\r\n";
        String big = INVITE.replace("CSeq:", filler.repeat(20) + "CSeq:");
        send(peer, big, transport.localAddress(Transport.UDP));
        InboundMessage in = received.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertNotNull(in);
        assertArrayEquals(bytes(big), in.message().encode());
    }

    @Test
    void sendsADatagramFromTheListener() throws Exception {
        var message = SipSamples.message(INVITE);
        transport.send(OutboundMessage.to(message, Transport.UDP, (InetSocketAddress) peer.getLocalSocketAddress()))
                .toCompletableFuture().get(30, TimeUnit.SECONDS);
        DatagramPacket packet = new DatagramPacket(new byte[65_536], 65_536);
        peer.receive(packet);
        assertArrayEquals(message.encode(), Arrays.copyOf(packet.getData(), packet.getLength()));
        assertEquals(transport.localAddress(Transport.UDP), packet.getSocketAddress());
        assertEquals(1, transport.counters().sent());
    }

    @Test
    void countsASendFromAnAddressItDoesNotListenOn() throws Exception {
        var out = new OutboundMessage(SipSamples.message(INVITE), Transport.UDP,
                (InetSocketAddress) peer.getLocalSocketAddress(), new InetSocketAddress("127.0.0.1", 1));
        var sent = transport.send(out).toCompletableFuture();
        SipSamples.await(sent::isDone, WAIT, "the send to fail");
        assertTrue(sent.isCompletedExceptionally());
        assertEquals(1, transport.counters().sendFailures());
        assertEquals(0, transport.counters().sent());
    }

    @Test
    void worksOverIpv6Loopback() throws Exception {
        DatagramSocket peer6;
        try {
            peer6 = new DatagramSocket(new InetSocketAddress("::1", 0));
        } catch (Exception e) {
            Assumptions.abort("no IPv6 loopback here: " + e);
            return;
        }
        try (peer6) {
            SipTransport both = SipTransport.bind(List.of(ListenAddress.parse("udp:127.0.0.1:0"),
                    ListenAddress.parse("udp:[::1]:0")), received::offer).toCompletableFuture().get(30, TimeUnit.SECONDS);
            try {
                peer6.setSoTimeout((int) WAIT.toMillis());
                InetSocketAddress listener6 = both.localAddresses().get(1);
                send(peer6, INVITE, listener6);
                InboundMessage in = received.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
                assertNotNull(in);
                assertEquals(peer6.getLocalSocketAddress(), in.remote());
                assertEquals(listener6, in.local());
                var reply = SipSamples.message(SipSamples.OK);
                both.send(OutboundMessage.to(reply, Transport.UDP, in.remote())).toCompletableFuture()
                        .get(30, TimeUnit.SECONDS);
                DatagramPacket packet = new DatagramPacket(new byte[65_536], 65_536);
                peer6.receive(packet);
                assertArrayEquals(reply.encode(), Arrays.copyOf(packet.getData(), packet.getLength()));
                assertEquals(listener6, packet.getSocketAddress());
            } finally {
                both.shutdown().toCompletableFuture().get(30, TimeUnit.SECONDS);
            }
        }
    }
}
