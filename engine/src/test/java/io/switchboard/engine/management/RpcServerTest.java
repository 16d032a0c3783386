package io.switchboard.engine.management;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.engine.stats.Statistic;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The JSON-RPC 2.0 endpoint over real HTTP: every error of the specification, batches, streaming. */
class RpcServerTest {

    private static final ExecutorService worker = Executors.newCachedThreadPool();
    private static final AtomicInteger notified = new AtomicInteger();
    private static Management management;
    private static RpcCalls rpc;

    @BeforeAll
    static void start() {
        management = Management.start(RpcSettings.of("127.0.0.1:0", ""), worker).toCompletableFuture().join();
        RpcCommands commands = management.commands();
        commands.add(new RpcCommand("test.echo", "Echoes its parameters.",
                List.of(RpcParam.string("text"), RpcParam.integer("count").optional()),
                args -> Map.of("text", args.string("text"), "count", args.has("count") ? args.integer("count") : -1)));
        commands.add(new RpcCommand("test.notify", "Counts its calls.", args -> notified.incrementAndGet()));
        commands.add(new RpcCommand("test.many", "Returns count items, lazily.", List.of(RpcParam.integer("count")),
                args -> IntStream.range(0, (int) args.integer("count"))
                        .mapToObj(i -> Map.of("index", i, "name", "item-" + i)).iterator()));
        commands.add(new RpcCommand("test.fail", "Throws.", args -> {
            throw new IllegalStateException("boom");
        }));
        commands.add(new RpcCommand("test.fault", "Fails as Kamailio's rpc->fault does.", args -> {
            throw new RpcException(500, "no such dialog");
        }));
        commands.add(new RpcCommand("test.brokenIterator", "Fails after two items.", args -> new Iterator<Integer>() {
            private int next;

            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Integer next() {
                if (next == 2) {
                    throw new NoSuchElementException("the source went away");
                }
                return next++;
            }
        }));
        management.statistics().add("test", "things", Statistic.Kind.COUNTER, () -> 42);
        rpc = new RpcCalls(management, null);
    }

    @AfterAll
    static void stop() {
        management.stop().toCompletableFuture().join();
        worker.shutdownNow();
    }

    private static JsonNode post(String body) throws Exception {
        HttpResponse<String> response = rpc.post(body);
        assertEquals(200, response.statusCode(), response::body);
        return RpcCalls.JSON.readTree(response.body());
    }

    private static void assertError(int code, String mentions, JsonNode response) {
        assertEquals("2.0", response.get("jsonrpc").asText(), response::toString);
        assertEquals(code, response.path("error").path("code").asInt(), response::toString);
        assertTrue(response.path("error").path("message").asText().contains(mentions), response::toString);
        assertFalse(response.has("result"), response::toString);
    }

    @Test
    void invalidJsonIsAParseErrorWithANullId() throws Exception {
        JsonNode response = post("{\"jsonrpc\": \"2.0\", \"method\": \"core.version\", \"id\": 1");
        assertError(RpcException.PARSE_ERROR, "invalid JSON", response);
        assertTrue(response.get("id").isNull());
        assertError(RpcException.PARSE_ERROR, "invalid JSON", post("{\"method\": \"core.version\", \"id\": 1} trailing"));
        assertError(RpcException.PARSE_ERROR, "empty", post(""));
    }

    @Test
    void malformedRequestsAreInvalidRequests() throws Exception {
        JsonNode noMethod = post("{\"jsonrpc\": \"2.0\", \"method\": 1, \"id\": 3}");
        assertError(RpcException.INVALID_REQUEST, "method", noMethod);
        assertEquals(3, noMethod.get("id").asInt());
        assertError(RpcException.INVALID_REQUEST, "2.0", post("{\"jsonrpc\": \"1.0\", \"method\": \"core.version\", \"id\": 1}"));
        assertError(RpcException.INVALID_REQUEST, "params", post("{\"method\": \"core.version\", \"params\": \"x\", \"id\": 1}"));
        assertError(RpcException.INVALID_REQUEST, "id", post("{\"method\": \"core.version\", \"id\": {}}"));
        assertError(RpcException.INVALID_REQUEST, "object", post("\"core.version\""));
        assertError(RpcException.INVALID_REQUEST, "empty batch", post("[]"));
        JsonNode batch = post("[1, 2]");
        assertEquals(2, batch.size());
        batch.forEach(response -> assertError(RpcException.INVALID_REQUEST, "object", response));
    }

    @Test
    void anUnknownMethodIsNamed() throws Exception {
        assertError(RpcException.METHOD_NOT_FOUND, "'dlg.nosuch'", rpc.call("dlg.nosuch"));
    }

    @Test
    void wrongOrMissingParametersAreNamed() throws Exception {
        assertError(RpcException.INVALID_PARAMS, "missing parameter 'text'", rpc.call("test.echo"));
        assertError(RpcException.INVALID_PARAMS, "parameter 'count' must be an integer", rpc.call("test.echo", "a", "many"));
        assertError(RpcException.INVALID_PARAMS, "parameter 'text' must be a string",
                post("{\"method\": \"test.echo\", \"params\": {\"text\": [1]}, \"id\": 1}"));
        assertError(RpcException.INVALID_PARAMS, "unknown parameter 'colour'",
                post("{\"method\": \"test.echo\", \"params\": {\"text\": \"a\", \"colour\": \"red\"}, \"id\": 1}"));
        assertError(RpcException.INVALID_PARAMS, "too many parameters", rpc.call("test.echo", "a", 1, 2));
        assertError(RpcException.INVALID_PARAMS, "usage: test.echo text [count]", rpc.call("test.echo"));
    }

    @Test
    void paramsGoByPositionOrByName() throws Exception {
        JsonNode byPosition = rpc.result("test.echo", "hello", 5);
        JsonNode byName = post("{\"jsonrpc\": \"2.0\", \"method\": \"test.echo\", \"params\": {\"count\": \"5\", \"text\": \"hello\"}, \"id\": 1}")
                .get("result");
        assertEquals(byPosition, byName);
        assertEquals("hello", byName.get("text").asText());
        assertEquals(5, byName.get("count").asInt());
        assertEquals(-1, rpc.result("test.echo", 12).get("count").asInt(), "a number is taken for a string");
        assertEquals("12", rpc.result("test.echo", 12).get("text").asText());
    }

    @Test
    void aBatchAnswersEachRequestInOrderAndSkipsNotifications() throws Exception {
        int before = notified.get();
        JsonNode batch = post("""
                [{"jsonrpc": "2.0", "method": "test.echo", "params": ["one"], "id": "a"},
                 {"jsonrpc": "2.0", "method": "test.notify"},
                 {"jsonrpc": "2.0", "method": "nope", "id": "b"},
                 {"jsonrpc": "2.0", "method": "test.echo", "id": "c"},
                 {"foo": "boo"}]""");
        assertEquals(4, batch.size(), batch::toString);
        assertEquals("one", batch.get(0).get("result").get("text").asText());
        assertEquals("a", batch.get(0).get("id").asText());
        assertError(RpcException.METHOD_NOT_FOUND, "nope", batch.get(1));
        assertEquals("b", batch.get(1).get("id").asText());
        assertError(RpcException.INVALID_PARAMS, "'text'", batch.get(2));
        assertEquals("c", batch.get(2).get("id").asText());
        assertError(RpcException.INVALID_REQUEST, "method", batch.get(3));
        assertTrue(batch.get(3).get("id").isNull());
        assertEquals(before + 1, notified.get());
    }

    @Test
    void notificationsRunButGetNoBody() throws Exception {
        int before = notified.get();
        HttpResponse<String> single = rpc.post("{\"jsonrpc\": \"2.0\", \"method\": \"test.notify\"}");
        assertEquals(204, single.statusCode());
        assertEquals("", single.body());
        HttpResponse<String> batch = rpc.post("[{\"method\": \"test.notify\"}, {\"method\": \"nope\"}]");
        assertEquals(204, batch.statusCode());
        assertEquals("", batch.body());
        assertEquals(before + 2, notified.get());
    }

    @Test
    void systemListsAndExplainsTheMethods() throws Exception {
        List<String> methods = new ArrayList<>();
        rpc.result("system.listMethods").forEach(name -> methods.add(name.asText()));
        assertTrue(methods.containsAll(List.of("system.listMethods", "system.methodHelp", "core.version", "core.uptime",
                "core.shmmem", "stats.get_statistics", "stats.reset_statistics", "stats.fetch", "test.echo")), methods::toString);
        assertEquals("Echoes its parameters. Usage: test.echo text [count]",
                rpc.result("system.methodHelp", "test.echo").asText());
        assertTrue(rpc.result("system.methodHelp", "stats.get_statistics").asText().contains("statistic..."));
        assertError(RpcException.INVALID_PARAMS, "'method'", rpc.call("system.methodHelp", "no.such"));
    }

    @Test
    void aLargeAnswerIsStreamedInChunks() throws Exception {
        HttpResponse<String> response = rpc.post("{\"jsonrpc\": \"2.0\", \"method\": \"test.many\", \"params\": [100000], \"id\": 9}");
        assertEquals(200, response.statusCode());
        assertEquals("chunked", response.headers().firstValue("transfer-encoding").orElse(""), response.headers()::toString);
        assertTrue(response.headers().firstValue("content-length").isEmpty());
        JsonNode result = RpcCalls.JSON.readTree(response.body()).get("result");
        assertEquals(100_000, result.size());
        assertEquals("item-99999", result.get(99_999).get("name").asText());
        assertEquals(9, RpcCalls.JSON.readTree(response.body()).get("id").asInt());
    }

    @Test
    void aSmallAnswerHasItsLength() throws Exception {
        HttpResponse<String> response = rpc.post("{\"jsonrpc\": \"2.0\", \"method\": \"core.version\", \"id\": 1}");
        assertEquals(String.valueOf(response.body().length()), response.headers().firstValue("content-length").orElse(""));
        assertTrue(response.headers().firstValue("content-type").orElse("").startsWith("application/json"));
    }

    @Test
    void handlerFailuresAreErrors() throws Exception {
        assertError(RpcException.INTERNAL_ERROR, "test.fail failed", rpc.call("test.fail"));
        assertError(500, "no such dialog", rpc.call("test.fault"));
        assertError(RpcException.INTERNAL_ERROR, "could not be written", rpc.call("test.brokenIterator"));
        assertEquals("hello", rpc.result("test.echo", "hello").get("text").asText(), "the connection still serves");
    }

    @Test
    void coreCommandsAnswerInKamailiosShapes() throws Exception {
        assertTrue(rpc.result("core.version").asText().matches("switchboard \\S+ \\(.+\\) java .+"),
                () -> "core.version");
        JsonNode uptime = rpc.result("core.uptime");
        assertTrue(uptime.get("now").asText().matches("\\w{3} \\w{3} [ \\d]\\d \\d\\d:\\d\\d:\\d\\d \\d{4}"), uptime::toString);
        assertTrue(uptime.get("up_since").isTextual());
        assertTrue(uptime.get("uptime").isIntegralNumber() && uptime.get("uptime").asLong() >= 0);
        JsonNode shmmem = rpc.result("core.shmmem");
        assertEquals(List.of("total", "free", "used", "real_used", "max_used", "fragments"), fieldNames(shmmem));
        assertEquals(shmmem.get("total").asLong(), shmmem.get("free").asLong() + shmmem.get("used").asLong());
        assertTrue(shmmem.get("max_used").asLong() >= shmmem.get("used").asLong());
    }

    @Test
    void metricsAreServedFromTheSameRegistry() throws Exception {
        HttpResponse<String> metrics = rpc.get(RpcHttpHandler.METRICS_PATH, null);
        assertEquals(200, metrics.statusCode());
        assertTrue(metrics.headers().firstValue("content-type").orElse("").startsWith("text/plain"));
        assertTrue(metrics.body().contains("switchboard_test_things_total 42.0"), metrics::body);
        assertTrue(metrics.body().contains("jvm_memory_used_bytes"));
        assertTrue(metrics.body().contains("process_uptime_seconds"));
        assertTrue(metrics.body().contains("jvm_threads_live_threads"));
        assertTrue(metrics.body().contains("system_cpu_count"));
    }

    @Test
    void otherPathsAndMethodsAreRefused() throws Exception {
        assertEquals(404, rpc.get("/other", null).statusCode());
        HttpResponse<String> get = rpc.get(RpcHttpHandler.RPC_PATH, null);
        assertEquals(405, get.statusCode());
        assertEquals("POST", get.headers().firstValue("allow").orElse(""));
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrderAndGarbageGets400() throws Exception {
        String first = "{\"method\": \"test.many\", \"params\": [20000], \"id\": \"first\"}";
        String second = "{\"method\": \"core.version\", \"id\": \"second\"}";
        String requests = rawPost(first) + rawPost(second) + "GARBAGE\r\n\r\n";
        try (Socket socket = new Socket(management.address().getAddress(), management.address().getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(requests.getBytes(StandardCharsets.US_ASCII));
            String answers = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            int firstAt = answers.indexOf("\"id\":\"first\"");
            int secondAt = answers.indexOf("\"id\":\"second\"");
            assertTrue(firstAt > 0 && secondAt > firstAt, answers.length() + " bytes");
            assertTrue(answers.indexOf("HTTP/1.1 400 Bad Request") > secondAt);
        }
    }

    private static String rawPost(String json) {
        return "POST /RPC HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\nContent-Length: "
                + json.length() + "\r\n\r\n" + json;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
