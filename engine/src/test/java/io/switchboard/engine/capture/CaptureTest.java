package io.switchboard.engine.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.engine.Engine;
import io.switchboard.engine.config.ConfigLoader;
import io.switchboard.engine.config.SettingsException;
import io.switchboard.transport.net.ListenAddress;
import io.switchboard.transport.net.Transport;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine's capture switched by configuration and by {@code capture.start} / {@code capture.stop}. */
class CaptureTest {

    @TempDir
    Path dir;
    private Engine engine;

    @AfterEach
    void stop() {
        if (engine != null) {
            engine.stop().toCompletableFuture().join();
        }
    }

    private void start(String capture) {
        engine = Engine.start(ConfigLoader.parse("switchboard { listen = [\"udp:127.0.0.1:0\"], "
                + "rpc.listen = \"127.0.0.1:0\", shutdown-timeout = 1s, " + capture + " }"));
    }

    /** An OPTIONS with Max-Forwards 0, which the engine answers 483 (RFC 3261 §16.3 step 3). */
    private String optionsAnswered(String callId) throws Exception {
        int port = engine.listeners().stream().filter(l -> l.transport() == Transport.UDP)
                .mapToInt(ListenAddress::port).findFirst().orElseThrow();
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            socket.setSoTimeout(5_000);
            byte[] request = ("OPTIONS sip:nobody@127.0.0.1:" + port + " SIP/2.0\r\n"
                    + "Via: SIP/2.0/UDP 127.0.0.1:" + socket.getLocalPort() + ";branch=z9hG4bK-" + callId + "\r\n"
                    + "Max-Forwards: 0\r\nFrom: <sip:t@127.0.0.1>;tag=1\r\nTo: <sip:nobody@127.0.0.1>\r\n"
                    + "Call-ID: " + callId + "\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII);
            socket.send(new DatagramPacket(request, request.length, InetAddress.getLoopbackAddress(), port));
            DatagramPacket answer = new DatagramPacket(new byte[4096], 4096);
            socket.receive(answer);
            return new String(answer.getData(), 0, answer.getLength(), StandardCharsets.US_ASCII);
        }
    }

    private String rpc(String method, String params) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(engine.management().url() + "/RPC"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method
                        + "\",\"params\":" + params + "}")).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();
    }

    private static String text(Path file) throws Exception {
        return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
    }

    @Test
    void configuredFileCapturesWhatIsReceivedAndSent() throws Exception {
        Path file = dir.resolve("engine.pcap");
        start("capture.file = \"" + file + "\"");
        assertTrue(optionsAnswered("cap-1").startsWith("SIP/2.0 483"));
        String stopped = rpc("capture.stop", "[]");
        assertTrue(stopped.contains("\"written\":2"), stopped);
        String pcap = text(file);
        assertTrue(pcap.contains("OPTIONS sip:nobody@127.0.0.1"), "the request received");
        assertTrue(pcap.contains("SIP/2.0 483"), "the reply sent");
        assertTrue(rpc("stats.get_statistics", "[\"capture:\"]").contains("capture:written = 2"));
    }

    @Test
    void managementCommandsStartAndStopACapture() throws Exception {
        start("");
        optionsAnswered("not-captured");
        Path file = dir.resolve("sub/rpc.pcap");
        String started = rpc("capture.start", "[\"" + file + "\"]");
        assertTrue(started.contains("\"capturing\":true"), started);
        optionsAnswered("cap-2");
        String stopped = rpc("capture.stop", "[]");
        assertTrue(stopped.contains("\"written\":2"), stopped);
        optionsAnswered("after-stop");
        String pcap = text(file);
        assertTrue(pcap.contains("cap-2"));
        assertTrue(!pcap.contains("not-captured") && !pcap.contains("after-stop"), "only while it ran");
        assertTrue(rpc("capture.stop", "[]").contains("\"capturing\":false"));
    }

    @Test
    void wrongLimitsStopStartUp() {
        SettingsException e = assertThrows(SettingsException.class, () -> start("capture.max-files = 0"));
        assertTrue(e.getMessage().contains("switchboard.capture.max-files"), e.getMessage());
    }
}
