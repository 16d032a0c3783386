package io.switchboard.engine.management;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.engine.testing.InstalledTool;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Headless Chromium (Debian package {@code chromium}) for the tests, holding one page open and
 * reading it over the DevTools protocol ({@code --remote-debugging-port}): {@code --dump-dom}
 * cannot wait for a page whose event stream never ends. Without Chromium the test is skipped, or
 * fails when {@code SWITCHBOARD_REQUIRE_CHROMIUM} is set, as CI sets it. The engine's test-jar
 * holds this class alone, so the whole-call tests in {@code load-tests} drive the page with it too.
 */
public final class Chromium implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LISTENING = Pattern.compile("DevTools listening on ws://[^:]+:(\\d+)/");
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();

    /** Skips the test when {@code chromium} is missing, or fails it when {@code SWITCHBOARD_REQUIRE_CHROMIUM} is set. */
    public static void assumeInstalled() {
        InstalledTool.assume("SWITCHBOARD_REQUIRE_CHROMIUM", "apt-get install chromium", "chromium", "--version");
    }

    /** Starts Chromium showing {@code url}. */
    public Chromium(String url) throws Exception {
        profile = Files.createTempDirectory("switchboard-chromium");
        process = new ProcessBuilder("chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--remote-debugging-port=0", url)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            int port = devToolsPort();
            HttpClient http = HttpClient.newHttpClient();
            String pageSocket = null;
            long until = System.nanoTime() + WAIT.toNanos();
            while (pageSocket == null && System.nanoTime() < until) {
                JsonNode targets = JSON.readTree(http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/json/list")).build(),
                        HttpResponse.BodyHandlers.ofString()).body());
                for (JsonNode target : targets) {
                    if (target.path("type").asText().equals("page")) {
                        pageSocket = target.path("webSocketDebuggerUrl").asText();
                    }
                }
                Thread.sleep(100);
            }
            if (pageSocket == null) {
                throw new IllegalStateException("Chromium shows no page");
            }
            socket = http.newWebSocketBuilder().buildAsync(URI.create(pageSocket), new Listener())
                    .get(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            close();
            throw e;
        }
    }

    /** Reads the port Chromium prints on standard error, then drains the rest. */
    private int devToolsPort() throws IOException {
        BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = err.readLine()) != null) {
            Matcher m = LISTENING.matcher(line);
            if (m.find()) {
                Thread drain = new Thread(() -> {
                    try {
                        err.transferTo(java.io.Writer.nullWriter());
                    } catch (IOException ignored) {
                        // Chromium has gone
                    }
                }, "chromium-stderr");
                drain.setDaemon(true);
                drain.start();
                return Integer.parseInt(m.group(1));
            }
        }
        throw new IOException("Chromium ended without opening its DevTools port");
    }

    /** The value of the JavaScript {@code expression} in the page. */
    public JsonNode evaluate(String expression) throws Exception {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, answer);
        ObjectNode command = JSON.createObjectNode().put("id", id).put("method", "Runtime.evaluate");
        command.putObject("params").put("expression", expression).put("returnByValue", true);
        socket.sendText(command.toString(), true).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        JsonNode response = answer.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        return response.path("result").path("result").path("value");
    }

    /**
     * Evaluates {@code condition} every 100 ms until it is true; fails, naming it and what the page
     * shows, when {@code within} has passed first.
     */
    public void await(String condition, Duration within) throws Exception {
        long until = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < until) {
            if (evaluate(condition).asBoolean()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the page never showed " + condition + " within " + within.toSeconds()
                + " s; it shows " + evaluate("document.body.innerText"));
    }

    /** Collects the DevTools answers, which may come in several frames. */
    private final class Listener implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                try {
                    JsonNode message = JSON.readTree(text.toString());
                    CompletableFuture<JsonNode> answer = pending.remove(message.path("id").asInt(-1));
                    if (answer != null) {
                        answer.complete(message);
                    }
                } catch (IOException e) {
                    // not an answer to a command of ours
                }
                text.setLength(0);
            }
            webSocket.request(1);
            return null;
        }
    }

    @Override
    public void close() throws IOException {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
