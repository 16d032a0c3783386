package io.switchboard.loadtests.sipp;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.engine.Main;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An engine in a JVM of its own, as an operator runs it ({@code switchboard run --config FILE}):
 * started, read until it logs that it is ready, and reached through the management URL that line
 * names. The tests that kill an engine or run the packaged jar use it.
 */
final class EngineProcess {

    private static final Pattern MANAGEMENT = Pattern.compile("management on (http://\\S+)");
    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");

    private final Process process;
    private final ManagementRpc rpc;
    private final StringBuffer output;

    private EngineProcess(Process process, ManagementRpc rpc, StringBuffer output) {
        this.process = process;
        this.rpc = rpc;
        this.output = output;
    }

    /** {@link Main} on this test's class path, logging as the engine does (the tests' logback logs only warnings). */
    static EngineProcess onClassPath(Path config) throws Exception {
        return start(List.of("-Dlogback.configurationFile=logback.xml", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "run", "--config", config.toString()));
    }

    /**
     * The README's run command, {@code bin/switchboard}, with this test's JVM as its java, a heap of
     * {@code heap} and the jar beside it.
     */
    static EngineProcess launcher(Path script, String heap, Path config) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(script.toString(), "--config", config.toString());
        builder.environment().put("JAVA", JAVA.toString());
        builder.environment().put("SWITCHBOARD_HEAP", heap);
        builder.environment().remove("JAVA_OPTS");
        builder.environment().remove("SWITCHBOARD_JAR");
        return start(builder);
    }

    private static EngineProcess start(List<String> arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(JAVA.toString()));
        command.addAll(arguments);
        return start(new ProcessBuilder(command));
    }

    private static EngineProcess start(ProcessBuilder builder) throws Exception {
        Process process = builder.redirectErrorStream(true).start();
        StringBuffer output = new StringBuffer();
        CompletableFuture<String> url = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    output.append(line).append('\n');
                    Matcher ready = MANAGEMENT.matcher(line);
                    if (ready.find()) {
                        url.complete(ready.group(1));
                    }
                }
            } catch (IOException e) {
                output.append("(output closed: ").append(e.getMessage()).append(")\n");
            }
            url.complete(null);
        }, "engine-output");
        reader.setDaemon(true);
        reader.start();
        String management = url.get(60, TimeUnit.SECONDS);
        if (management == null) {
            process.destroyForcibly();
        }
        assertTrue(management != null, () -> "the engine did not get ready:\n" + output);
        return new EngineProcess(process, new ManagementRpc(management), output);
    }

    Process process() {
        return process;
    }

    ManagementRpc rpc() {
        return rpc;
    }

    /** Everything the engine printed so far. */
    String output() {
        return output.toString();
    }

    /** Sends SIGKILL and waits for the process to be gone. */
    void kill() throws Exception {
        new ProcessBuilder("kill", "-KILL", Long.toString(process.pid())).start().waitFor();
        assertTrue(process.waitFor(10, TimeUnit.SECONDS), "the engine did not die");
    }

    /** Sends SIGTERM and returns the exit status, or -1 if the engine is still running after {@code seconds}. */
    int terminate(int seconds) throws Exception {
        process.destroy();
        return process.waitFor(seconds, TimeUnit.SECONDS) ? process.exitValue() : -1;
    }

    void destroy() {
        process.destroyForcibly();
    }
}
