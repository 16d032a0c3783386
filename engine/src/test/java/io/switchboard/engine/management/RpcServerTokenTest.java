package io.switchboard.engine.management;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** With {@code switchboard.rpc.token} set, nothing is answered without the bearer token. */
class RpcServerTokenTest {

    private static final String TOKEN = "s3cret-token";
    private static final String CALL = "{\"jsonrpc\": \"2.0\", \"method\": \"core.version\", \"id\": 1}";
    private static final ExecutorService worker = Executors.newCachedThreadPool();
    private static Management management;
    private static RpcCalls rpc;

    @BeforeAll
    static void start() {
        management = Management.start(RpcSettings.of("127.0.0.1:0", TOKEN), worker).toCompletableFuture().join();
        rpc = new RpcCalls(management, TOKEN);
    }

    @AfterAll
    static void stop() {
        management.stop().toCompletableFuture().join();
        worker.shutdownNow();
    }

    private static void assertUnauthorized(HttpResponse<String> response) {
        assertEquals(401, response.statusCode());
        assertEquals("", response.body());
        assertTrue(response.headers().firstValue("www-authenticate").orElse("").startsWith("Bearer"));
    }

    @Test
    void withoutTheTokenTheAnswerIs401AndNoData() throws Exception {
        assertUnauthorized(rpc.post(CALL, null));
        assertUnauthorized(rpc.post(CALL, "Bearer wrong"));
        assertUnauthorized(rpc.post(CALL, TOKEN));
        assertUnauthorized(rpc.get(RpcHttpHandler.METRICS_PATH, null));
        assertUnauthorized(rpc.get(RpcHttpHandler.METRICS_PATH, "Bearer s3cret-tokenX"));
    }

    @Test
    void withTheTokenEverythingIsServed() throws Exception {
        assertTrue(rpc.result("core.version").asText().startsWith("switchboard "));
        assertEquals(200, rpc.get(RpcHttpHandler.METRICS_PATH, "Bearer " + TOKEN).statusCode());
    }

    @Test
    void ctlSendsTheToken() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] args = {"--url", rpc.rpcUrl(), "--token", TOKEN, "core.version"};
        assertEquals(RpcClient.OK, RpcClient.run(args, print(out), print(err)), err::toString);
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("\"switchboard "));
        String[] wrong = {"--url", rpc.rpcUrl(), "--token", "nope", "core.version"};
        assertEquals(RpcClient.UNREACHABLE, RpcClient.run(wrong, print(out), print(err)));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("HTTP 401"), err::toString);
    }

    static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }
}
