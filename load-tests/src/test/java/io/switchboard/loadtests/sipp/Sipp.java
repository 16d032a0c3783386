package io.switchboard.loadtests.sipp;

import static org.junit.jupiter.api.Assertions.fail;

import io.switchboard.engine.testing.InstalledTool;
import java.io.IOException;
import java.net.DatagramSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs SIPp (Debian package {@code sip-tester}) as a real peer with the scenarios kept in
 * {@code load-tests/sipp}. When SIPp is missing the tests are skipped with a message, unless
 * {@code SWITCHBOARD_REQUIRE_SIPP} is set (as {@code .ci/run} does), when they fail.
 */
final class Sipp {

    static final Path SCENARIOS = Path.of("sipp").toAbsolutePath();

    private final List<String> command = new ArrayList<>();
    private final String name;
    private Process process;
    private Path log;
    private Path messages;

    private Sipp(String name) {
        this.name = name;
    }

    static void assumeInstalled() {
        InstalledTool.assume("SWITCHBOARD_REQUIRE_SIPP", "apt-get install sip-tester", "sipp", "-v");
    }

    /** A free UDP port on 127.0.0.1, for a SIPp instance to bind. */
    static int freePort() throws IOException {
        try (DatagramSocket socket = new DatagramSocket(0, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** A UAS on {@code port} running {@code scenario} for {@code calls} calls. */
    static Sipp uas(String scenario, int port, int calls) {
        Sipp sipp = new Sipp("uas-" + scenario + "-" + port);
        sipp.command.addAll(List.of("sipp", "-sf", SCENARIOS.resolve(scenario).toString(), "-i", "127.0.0.1",
                "-p", Integer.toString(port), "-m", Integer.toString(calls)));
        return sipp;
    }

    /** A UAC on {@code port} calling through {@code proxyPort} with {@code scenario}. */
    static Sipp uac(String scenario, int port, int proxyPort, String uas, int calls, int rate) {
        return uac(scenario, port, proxyPort, uas, calls, rate, 0);
    }

    /** As {@link #uac(String, int, int, String, int, int)}, each call held {@code holdMillis} ({@code <pause/>}). */
    static Sipp uac(String scenario, int port, int proxyPort, String uas, int calls, int rate, int holdMillis) {
        return uac(scenario, port, proxyPort, uas, calls, rate, "bob", holdMillis);
    }

    /** As {@link #uac(String, int, int, String, int, int, int)}, calling {@code sip:<service>@<uas>}. */
    static Sipp uac(String scenario, int port, int proxyPort, String uas, int calls, int rate, String service,
            int holdMillis) {
        Sipp sipp = new Sipp("uac-" + scenario + "-" + port);
        sipp.command.addAll(List.of("sipp", "-sf", SCENARIOS.resolve(scenario).toString(),
                "127.0.0.1:" + proxyPort, "-i", "127.0.0.1", "-p", Integer.toString(port), "-s", service,
                "-key", "uas", uas, "-m", Integer.toString(calls), "-r", Integer.toString(rate),
                "-d", Integer.toString(holdMillis)));
        return sipp;
    }

    /** Makes a scenario's {@code <pause/>} last {@code millis} ({@code -d}), e.g. how long a UAS rings. */
    Sipp pausing(int millis) {
        command.addAll(List.of("-d", Integer.toString(millis)));
        return this;
    }

    /** Logs every message SIPp receives and sends, for {@link #received(String)}. */
    Sipp tracingMessages() throws IOException {
        messages = Files.createTempFile(name, ".messages");
        command.addAll(List.of("-trace_msg", "-message_file", messages.toString()));
        return this;
    }

    /** How many {@code method} requests a traced UAS has received so far. */
    long received(String method) throws IOException {
        return Files.readAllLines(messages, java.nio.charset.StandardCharsets.ISO_8859_1).stream()
                .filter(line -> line.startsWith(method + " sip:")).count();
    }

    Sipp start(int timeoutSeconds) throws IOException {
        command.addAll(List.of("-nostdin", "-timeout", timeoutSeconds + "s", "-timeout_error",
                "-trace_err", "-error_file", Files.createTempFile(name, ".errors").toString()));
        log = Files.createTempFile(name, ".log");
        process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return this;
    }

    /** Waits for SIPp to end; its exit status is 0 when every call succeeded. */
    int await(int seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return -1;
        }
        return process.exitValue();
    }

    /** Kills SIPp and waits for it to be gone, so that its port is free again. */
    void stop() {
        if (process != null && process.isAlive()) {
            try {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The tail of SIPp's screen and error output, for assertion messages. */
    String output() {
        StringBuilder out = new StringBuilder(String.join(" ", command)).append('\n');
        try {
            String screen = Files.readString(log, java.nio.charset.StandardCharsets.ISO_8859_1);
            out.append(screen, Math.max(0, screen.length() - 3000), screen.length());
            String errors = Files.readString(Path.of(command.get(command.indexOf("-error_file") + 1)),
                    java.nio.charset.StandardCharsets.ISO_8859_1);
            out.append("\nerrors:\n").append(errors, 0, Math.min(errors.length(), 3000));
        } catch (IOException e) {
            out.append("(no output: ").append(e.getMessage()).append(')');
        }
        return out.toString();
    }
}
