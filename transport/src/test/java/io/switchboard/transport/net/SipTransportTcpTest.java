package io.switchboard.transport.net;

import static io.switchboard.transport.net.SipSamples.INVITE;
import static io.switchboard.transport.net.SipSamples.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.transport.message.SipMessage;
import io.switchboard.transport.parse.SipLimits;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class SipTransportTcpTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final SipLimits LIMITS = new SipLimits(4096, 64, 1024);

    private final BlockingQueue<InboundMessage> received = new LinkedBlockingQueue<>();
    private SipTransport transport;
    private Socket peer;

    @BeforeEach
    void bind() throws Exception {
        transport = SipTransport.bind(List.of(ListenAddress.parse("tcp:127.0.0.1:0")), received::offer,
                TransportSettings.DEFAULT.withLimits(LIMITS)).toCompletableFuture().get(30, TimeUnit.SECONDS);
        peer = new Socket();
        peer.setTcpNoDelay(true);
        peer.setSoTimeout((int) WAIT.toMillis());
        peer.connect(transport.localAddress(Transport.TCP), (int) WAIT.toMillis());
    }

    @AfterEach
    void close() throws Exception {
        peer.close();
        transport.shutdown().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    private void write(String text) throws IOException {
        peer.getOutputStream().write(bytes(text));
    }

    private SipMessage next() throws InterruptedException {
        InboundMessage in = received.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertNotNull(in, "no message received");
        assertEquals(Transport.TCP, in.transport());
        assertEquals(peer.getLocalSocketAddress(), in.remote());
        return in.message();
    }

    /** True once the transport closed the connection: end of stream or a reset. */
    private static boolean closedByPeer(Socket socket) {
        try {
            InputStream in = socket.getInputStream();
            while (true) {
                if (in.read() < 0) {
                    return true;
                }
            }
        } catch (SocketException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void framesTwoMessagesInOneWrite() throws Exception {
        write(SipSamples.invite("first") + SipSamples.invite("second"));
        assertEquals("first", next().callId());
        assertEquals("second", next().callId());
    }

    @Test
    void framesAMessageWrittenByteByByte() throws Exception {
        OutputStream out = peer.getOutputStream();
        for (byte b : bytes(SipSamples.inviteWithSdp("bytewise"))) {
            out.write(b);
            out.flush();
        }
        SipMessage message = next();
        assertEquals("bytewise", message.callId());
        assertArrayEquals(bytes(SipSamples.SDP), message.body());
    }

    @Test
    void readsABodyByContentLength() throws Exception {
        String text = SipSamples.inviteWithSdp("body");
        write(text + INVITE);
        SipMessage message = next();
        assertArrayEquals(bytes(SipSamples.SDP), message.body());
        assertArrayEquals(bytes(text), message.encode());
        assertEquals("call-1@127.0.0.1", next().callId());
    }

    @Test
    void answersAPingWithAPong() throws Exception {
        write("\r\n\r\n");
        byte[] pong = peer.getInputStream().readNBytes(2);
        assertArrayEquals(bytes("\r\n"), pong);
        SipSamples.await(() -> transport.counters().keepAlives() == 1, WAIT, "a keep-alive counted");
        write(INVITE);
        assertEquals("call-1@127.0.0.1", next().callId());
    }

    @Test
    void closesTheConnectionOnAMessageWithoutContentLength() throws Exception {
        write(INVITE.replace("Content-Length: 0\r\n", ""));
        assertTrue(closedByPeer(peer));
        SipSamples.await(() -> transport.counters().parseErrors() == 1, WAIT, "a parse error");
        SipSamples.await(() -> transport.connectionCount() == 0, WAIT, "the connection to be forgotten");
        assertEquals(0, transport.counters().received());
    }

    @Test
    void cutsOffAnOversizedHeaderSection() throws Exception {
        String headers = INVITE.substring(0, INVITE.indexOf("Content-Length"));
        write(headers + ("X-Filler: " + "x".repeat(100) + "\r\n").repeat(60));
        assertTrue(closedByPeer(peer));
        SipSamples.await(() -> transport.counters().parseErrors() == 1, WAIT, "a parse error");
        assertEquals(0, transport.counters().received());
    }

    @Test
    void repliesOnTheConnectionTheRequestCameOn() throws Exception {
        write(INVITE);
        InboundMessage in = received.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertNotNull(in);
        assertEquals(1, transport.connectionCount());
        SipMessage reply = SipSamples.message(SipSamples.OK);
        transport.send(OutboundMessage.replyTo(in, reply)).toCompletableFuture().get(30, TimeUnit.SECONDS);
        assertArrayEquals(reply.encode(), peer.getInputStream().readNBytes(reply.encodedLength()));
        assertEquals(1, transport.connectionCount());
        assertEquals(1, transport.counters().sent());
    }

    @Test
    void opensAConnectionToSendAndReadsWhatComesBack() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            server.setSoTimeout((int) WAIT.toMillis());
            SipMessage request = SipSamples.message(SipSamples.invite("outbound"));
            var sent = transport.send(OutboundMessage.to(request, Transport.TCP,
                    (InetSocketAddress) server.getLocalSocketAddress()));
            try (Socket accepted = server.accept()) {
                accepted.setSoTimeout((int) WAIT.toMillis());
                assertArrayEquals(request.encode(), accepted.getInputStream().readNBytes(request.encodedLength()));
                sent.toCompletableFuture().get(30, TimeUnit.SECONDS);
                assertEquals(transport.localAddress(Transport.TCP).getAddress(), accepted.getInetAddress());
                accepted.getOutputStream().write(bytes(SipSamples.OK));
                InboundMessage in = received.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
                assertNotNull(in);
                assertEquals(server.getLocalSocketAddress(), in.remote());
                assertEquals(200, ((io.switchboard.transport.message.SipResponse) in.message()).statusCode());
                transport.send(OutboundMessage.to(request, Transport.TCP, in.remote())).toCompletableFuture()
                        .get(30, TimeUnit.SECONDS);
                assertArrayEquals(request.encode(), accepted.getInputStream().readNBytes(request.encodedLength()));
            }
        }
    }

    @Test
    void countsAFailedConnect() throws Exception {
        InetSocketAddress nobody;
        try (ServerSocket server = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            nobody = (InetSocketAddress) server.getLocalSocketAddress();
        }
        var sent = transport.send(OutboundMessage.to(SipSamples.message(INVITE), Transport.TCP, nobody))
                .toCompletableFuture();
        SipSamples.await(sent::isDone, WAIT, "the connect to fail");
        assertTrue(sent.isCompletedExceptionally());
        assertEquals(1, transport.counters().sendFailures());
    }

    @Test
    void failsToBindNamingTheAddress() throws Exception {
        int busy = transport.localAddress(Transport.TCP).getPort();
        ListenAddress taken = new ListenAddress(Transport.TCP, "127.0.0.1", busy);
        var bound = SipTransport.bind(List.of(ListenAddress.parse("udp:127.0.0.1:0"), taken), received::offer)
                .toCompletableFuture();
        var e = org.junit.jupiter.api.Assertions.assertThrows(java.util.concurrent.ExecutionException.class,
                () -> bound.get(30, TimeUnit.SECONDS));
        assertTrue(e.getCause().getMessage().contains(taken.toString()), e.getCause().getMessage());
    }

    @Test
    void shutsDownOnceAndClosesConnections() throws Exception {
        write(INVITE);
        assertNotNull(received.poll(WAIT.toSeconds(), TimeUnit.SECONDS));
        var first = transport.shutdown().toCompletableFuture();
        var second = transport.shutdown().toCompletableFuture();
        first.get(30, TimeUnit.SECONDS);
        assertTrue(second.isDone());
        assertTrue(closedByPeer(peer));
    }
}
