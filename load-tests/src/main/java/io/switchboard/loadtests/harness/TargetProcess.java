package io.switchboard.loadtests.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * The proxy under test as a process: its resident memory from {@code /proc/PID/status} (VmRSS,
 * proc(5)), its heap from the management command {@code core.shmmem} ({@code real_used}; for
 * Kamailio the shared memory in use, for Switchboard the JVM heap), and a full collection through
 * {@code jcmd PID GC.run} so a heap figure holds only live objects. Each figure is empty when the
 * pid or the RPC URL was not given or the reading failed.
 */
final class TargetProcess {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Long pid;
    private final String rpcUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * @param pid the target's process id, or null
     * @param rpcUrl its JSON-RPC endpoint ({@code http://127.0.0.1:8060/RPC}), or null
     */
    TargetProcess(Long pid, String rpcUrl) {
        this.pid = pid;
        this.rpcUrl = rpcUrl;
    }

    /** Resident set size in bytes. */
    OptionalLong rss() {
        if (pid == null) {
            return OptionalLong.empty();
        }
        try {
            for (String line : Files.readAllLines(Path.of("/proc", pid.toString(), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return OptionalLong.of(Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024);
                }
            }
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
        return OptionalLong.empty();
    }

    /** Heap (or shared memory) in use, in bytes. */
    OptionalLong heapUsed() {
        if (rpcUrl == null) {
            return OptionalLong.empty();
        }
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(rpcUrl)).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"method\":\"core.shmmem\",\"id\":1}"))
                    .build();
            JsonNode result = JSON.readTree(http.send(request, HttpResponse.BodyHandlers.ofString()).body()).path("result");
            return result.has("real_used") ? OptionalLong.of(result.get("real_used").asLong()) : OptionalLong.empty();
        } catch (IOException e) {
            return OptionalLong.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalLong.empty();
        }
    }

    /** Asks the target JVM for a full collection; false when there is no pid or jcmd failed. */
    boolean collectGarbage() {
        if (pid == null) {
            return false;
        }
        try {
            Process jcmd = new ProcessBuilder("jcmd", pid.toString(), "GC.run").redirectErrorStream(true).start();
            jcmd.getInputStream().readAllBytes();
            return jcmd.waitFor(60, TimeUnit.SECONDS) && jcmd.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
