package io.switchboard.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code switchboard run} as an operator meets it: a separate JVM that logs one line when ready,
 * answers SIP, exits 0 on SIGTERM, and refuses a wrong setting with a message naming it.
 */
class MainTest {

    @TempDir
    Path dir;

    /** The engine's output, read as it comes so nothing is lost when the process ends. */
    private static final class Output {
        private final StringBuffer text = new StringBuffer();
        private final CountDownLatch ready = new CountDownLatch(1);
        private final CountDownLatch end = new CountDownLatch(1);

        Output(Process process) {
            Thread reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = in.readLine()) != null) {
                        text.append(line).append('\n');
                        if (line.contains("Switchboard ready")) {
                            ready.countDown();
                        }
                    }
                } catch (IOException e) {
                    text.append("(output closed: ").append(e.getMessage()).append(")\n");
                } finally {
                    end.countDown();
                }
            }, "engine-output");
            reader.setDaemon(true);
            reader.start();
        }

        boolean awaitReady() throws InterruptedException {
            return ready.await(60, TimeUnit.SECONDS);
        }

        boolean awaitEnd() throws InterruptedException {
            return end.await(30, TimeUnit.SECONDS);
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }

    private Process launch(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    private static int freePort() throws IOException {
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Test
    void runsAnswersAndStopsCleanlyOnSigterm() throws Exception {
        int port = freePort();
        Path config = Files.writeString(dir.resolve("switchboard.conf"),
                "switchboard { listen = [\"udp:127.0.0.1:" + port + "\"], rpc.listen = \"127.0.0.1:0\", shutdown-timeout = 2s,\n"
                + "  persistence { journal = h2, data-dir = \"" + dir.resolve("data").toString().replace("\\", "/") + "\" } }\n");
        Process engine = launch("run", "--config", config.toString());
        try {
            Output output = new Output(engine);
            assertTrue(output.awaitReady(), "ready line expected, got:\n" + output);
            assertTrue(output.toString().contains("udp:127.0.0.1:" + port), output.toString());

            try (DatagramSocket client = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
                client.setSoTimeout(10_000);
                String options = "OPTIONS sip:127.0.0.1:" + port + " SIP/2.0\r\n"
                        + "Via: SIP/2.0/UDP 127.0.0.1:" + client.getLocalPort() + ";branch=z9hG4bK-main-1\r\n"
                        + "Max-Forwards: 0\r\nTo: <sip:127.0.0.1>\r\nFrom: <sip:test@127.0.0.1>;tag=1\r\n"
                        + "Call-ID: main-test-1\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n";
                byte[] bytes = options.getBytes(StandardCharsets.UTF_8);
                client.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), port));
                DatagramPacket reply = new DatagramPacket(new byte[4096], 4096);
                client.receive(reply);
                String text = new String(reply.getData(), 0, reply.getLength(), StandardCharsets.UTF_8);
                assertTrue(text.startsWith("SIP/2.0 483 Too Many Hops"), text);
            }

            // kill(1) rather than Process.destroy(), which would close the output being read
            new ProcessBuilder("kill", "-TERM", Long.toString(engine.pid())).start().waitFor();
            assertTrue(engine.waitFor(30, TimeUnit.SECONDS), "engine did not stop within 30 s of SIGTERM");
            assertEquals(0, engine.exitValue(), output.toString());
            assertTrue(output.awaitEnd(), "output did not end");
            assertTrue(output.toString().contains("Switchboard stopped"), output.toString());
            assertTrue(Files.exists(dir.resolve("data").resolve("journal.mv.db")), "the H2 journal is in the data-dir");
        } finally {
            engine.destroyForcibly();
        }
    }

    @Test
    void anUnknownSettingStopsStartUpNamingIt() throws Exception {
        Path config = Files.writeString(dir.resolve("bad.conf"), "switchboard { tm { t5 = 1s } }\n");
        Process engine = launch("--config", config.toString());
        assertTrue(engine.waitFor(60, TimeUnit.SECONDS));
        String output = new String(engine.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(2, engine.exitValue(), output);
        assertTrue(output.contains("unknown setting switchboard.tm.t5"), output);
    }

    @Test
    void aBadListenAddressStopsStartUpNamingIt() throws Exception {
        Path config = Files.writeString(dir.resolve("bad.conf"), "switchboard { listen = [\"sctp:1.2.3.4:5060\"] }\n");
        Process engine = launch("--config", config.toString());
        assertTrue(engine.waitFor(60, TimeUnit.SECONDS));
        String output = new String(engine.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(2, engine.exitValue(), output);
        assertTrue(output.contains("switchboard.listen[0]"), output);
    }
}
