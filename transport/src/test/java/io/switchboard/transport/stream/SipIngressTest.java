package io.switchboard.transport.stream;

import static io.switchboard.transport.net.SipSamples.INVITE;
import static io.switchboard.transport.net.SipSamples.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.transport.net.InboundMessage;
import io.switchboard.transport.net.ListenAddress;
import io.switchboard.transport.net.SipSamples;
import io.switchboard.transport.net.SipTransport;
import io.switchboard.transport.net.Transport;
import io.switchboard.transport.net.TransportSettings;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.stream.NeverMaterializedException;
import org.apache.pekko.stream.javadsl.Flow;
import org.apache.pekko.stream.javadsl.Keep;
import org.apache.pekko.stream.javadsl.Sink;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class SipIngressTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final ActorTestKit testKit = ActorTestKit.create();

    private SipTransport transport;
    private DatagramSocket peer;

    @AfterAll
    static void shutdownTestKit() {
        testKit.shutdownTestKit();
    }

    @BeforeEach
    void openPeer() throws Exception {
        peer = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
    }

    @AfterEach
    void close() throws Exception {
        peer.close();
        if (transport != null) {
            transport.shutdown().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
    }

    private SipTransport bind(SipIngress ingress) throws Exception {
        transport = SipTransport.bind(List.of(ListenAddress.parse("udp:127.0.0.1:0")), ingress,
                TransportSettings.DEFAULT.withUdpReceiveBuffer(1 << 20)).toCompletableFuture().get(30, TimeUnit.SECONDS);
        return transport;
    }

    private void send(String text) throws Exception {
        byte[] b = bytes(text);
        peer.send(new DatagramPacket(b, b.length, transport.localAddress(Transport.UDP)));
    }

    /**
     * Sends a CRLF keep-alive and waits until the transport has counted {@code keepAlives} of them.
     * The transport counts a datagram received before it offers it to the ingress, and counts a
     * shed one in {@code ingressDrops} only after the ingress has counted it and called back; the
     * listener's one event loop reads the keep-alive once it is done with every datagram before,
     * so then the counts of those agree.
     */
    private void awaitEventLoopPastEarlierDatagrams(long keepAlives) throws Exception {
        send("\r\n\r\n");
        SipSamples.await(() -> transport.counters().keepAlives() == keepAlives, WAIT,
                "the event loop to read on, past the datagrams before");
    }

    @Test
    void aDatagramComesOutOfTheSource() throws Exception {
        SipIngress ingress = SipIngress.create(testKit.system());
        bind(ingress);
        var first = ingress.runWith(Sink.<InboundMessage>head()).thenCompose(head -> head).toCompletableFuture();
        send(INVITE);
        InboundMessage in = first.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertEquals("call-1@127.0.0.1", in.message().callId());
        assertEquals(peer.getLocalSocketAddress(), in.remote());
        assertEquals(transport.localAddress(Transport.UDP), in.local());
        assertEquals(Transport.UDP, in.transport());
        assertEquals(0, ingress.shedCount());
    }

    @Test
    void shedsWhatAFullBufferCannotTakeWithoutBlockingNetty() throws Exception {
        AtomicInteger shedCalls = new AtomicInteger();
        SipIngress ingress = SipIngress.create(testKit.system(), 4, message -> shedCalls.incrementAndGet());
        bind(ingress);
        for (int i = 0; i < 100; i++) {
            send(SipSamples.invite("call-" + i));
        }
        SipSamples.await(() -> transport.counters().received() == 100, WAIT,
                "100 datagrams, got " + transport.counters());
        awaitEventLoopPastEarlierDatagrams(1);
        assertTrue(ingress.shedCount() > 0, "nothing was shed");
        assertEquals(ingress.shedCount(), shedCalls.get());
        assertEquals(ingress.shedCount(), transport.counters().ingressDrops());
        assertTrue(ingress.queued() <= 4);

        var taken = ingress.runWith(Flow.<InboundMessage>create().take(100 - ingress.shedCount())
                        .toMat(Sink.seq(), Keep.right())).thenCompose(seq -> seq)
                .toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertEquals("call-0", taken.get(0).message().callId());
    }

    @Test
    void runsIntoOneSinkOnly() {
        SipIngress ingress = SipIngress.create(testKit.system());
        ingress.runWith(Sink.ignore());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ingress.runWith(Sink.ignore()));
        assertEquals("the ingress already runs into a sink", e.getMessage());
    }

    @Test
    void aFailingShedCallbackIsContained() throws Exception {
        SipIngress ingress = SipIngress.create(testKit.system(), 1, message -> {
            throw new IllegalStateException("callback failed");
        });
        bind(ingress);
        for (int i = 0; i < 10; i++) {
            send(SipSamples.invite("call-" + i));
        }
        SipSamples.await(() -> transport.counters().received() == 10, WAIT, "10 datagrams");
        awaitEventLoopPastEarlierDatagrams(1);
        assertEquals(ingress.shedCount(), transport.counters().ingressDrops());
        assertTrue(ingress.shedCount() > 0);
    }

    @Test
    void aCompletedIngressShedsEverything() throws Exception {
        AtomicInteger shedCalls = new AtomicInteger();
        SipIngress ingress = SipIngress.create(testKit.system(), 16, message -> shedCalls.incrementAndGet());
        bind(ingress);
        ingress.complete();
        send(INVITE);
        SipSamples.await(() -> ingress.shedCount() == 1, WAIT, "the message to be shed");
        assertEquals(1, shedCalls.get());
        var drained = ingress.runWith(Sink.<InboundMessage>seq()).toCompletableFuture();
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> drained.get(WAIT.toSeconds(), TimeUnit.SECONDS));
        assertInstanceOf(NeverMaterializedException.class, e.getCause(), "the sink saw a message");
    }
}
