package io.switchboard.transport.stream;

import static io.switchboard.transport.net.SipSamples.INVITE;
import static io.switchboard.transport.net.SipSamples.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.switchboard.transport.message.SipMessage;
import io.switchboard.transport.net.InboundMessage;
import io.switchboard.transport.net.ListenAddress;
import io.switchboard.transport.net.OutboundMessage;
import io.switchboard.transport.net.SipSamples;
import io.switchboard.transport.net.SipTransport;
import io.switchboard.transport.net.Transport;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.stream.javadsl.Flow;
import org.apache.pekko.stream.javadsl.Source;
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

    @AfterAll
    static void shutdownTestKit() {
        testKit.shutdownTestKit();
    }

    @BeforeEach
    void bind() throws Exception {
        ingress = SipIngress.create(testKit.system());
        transport = SipTransport.bind(List.of(ListenAddress.parse("udp:127.0.0.1:0"),
                ListenAddress.parse("tcp:127.0.0.1:0")), ingress).toCompletableFuture().get(30, TimeUnit.SECONDS);
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
            Source.single(OutboundMessage.to(message, Transport.UDP, (InetSocketAddress) peer.getLocalSocketAddress()))
                    .runWith(SipEgress.sink(transport), testKit.system())
                    .toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
            DatagramPacket packet = new DatagramPacket(new byte[65_536], 65_536);
            peer.receive(packet);
            assertArrayEquals(message.encode(), Arrays.copyOf(packet.getData(), packet.getLength()));
            assertEquals(transport.localAddress(Transport.UDP), packet.getSocketAddress());
        }
    }

    @Test
    void aFailedSendDoesNotFailTheStream() throws Exception {
        SipMessage message = SipSamples.message(INVITE);
        var unreachable = new OutboundMessage(message, Transport.UDP, new InetSocketAddress("127.0.0.1", 9),
                new InetSocketAddress("127.0.0.1", 1));
        Source.from(List.of(unreachable, unreachable))
                .runWith(SipEgress.sink(transport), testKit.system())
                .toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        SipSamples.await(() -> transport.counters().sendFailures() == 2, WAIT, "two send failures");
    }

    @Test
    void repliesGoBackOnTheTcpConnectionOfTheRequest() throws Exception {
        SipMessage reply = SipSamples.message(SipSamples.OK);
        ingress.runWith(Flow.<InboundMessage>create()
                .map(in -> OutboundMessage.replyTo(in, reply))
                .to(SipEgress.sink(transport)));
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
        ingress.runWith(Flow.<InboundMessage>create()
                .map(in -> OutboundMessage.replyTo(in, reply))
                .to(SipEgress.sink(transport)));
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
