package io.switchboard.loadtests.sipp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;

/** The engine's JSON-RPC endpoint as an operator's script calls it, over HTTP. */
final class ManagementRpc {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI endpoint;

    /** @param url the management URL the engine names when ready, e.g. {@code http://127.0.0.1:8060} */
    ManagementRpc(String url) {
        this.endpoint = URI.create(url + "/RPC");
    }

    /** The response object of {@code method} with {@code params} by position. */
    JsonNode call(String method, Object... params) throws IOException, InterruptedException {
        String body = JSON.writeValueAsString(Map.of("jsonrpc", "2.0", "id", 1, "method", method, "params", params));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response::body);
        return JSON.readTree(response.body());
    }

    /** The result of a call that must succeed. */
    JsonNode result(String method, Object... params) throws IOException, InterruptedException {
        JsonNode response = call(method, params);
        assertNull(response.get("error"), response::toString);
        return response.get("result");
    }

    /** One statistic's value, {@code dialog:active_dialogs}. */
    long statistic(String name) throws IOException, InterruptedException {
        return result("stats.fetch", name).get(name.replace(':', '.')).asLong();
    }

    /** Calls {@code method} until its whole response satisfies {@code condition} or {@code seconds} pass; the last one. */
    JsonNode awaitResponse(int seconds, Predicate<JsonNode> condition, String method, Object... params)
            throws Exception {
        long until = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        JsonNode response = call(method, params);
        while (!condition.test(response) && System.nanoTime() < until) {
            Thread.sleep(200);
            response = call(method, params);
        }
        return response;
    }

    /**
     * Calls {@code method} until it succeeds with a result that satisfies {@code condition} or
     * {@code seconds} pass; the last result (an error then fails the test).
     */
    JsonNode await(int seconds, Predicate<JsonNode> condition, String method, Object... params) throws Exception {
        JsonNode response = awaitResponse(seconds, r -> r.get("error") == null && condition.test(r.get("result")),
                method, params);
        assertNull(response.get("error"), response::toString);
        return response.get("result");
    }
}
