package io.switchboard.engine.management;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.actors.dialog.DialogSnapshot;
import io.switchboard.actors.dialog.Side;
import io.switchboard.engine.Engine;
import io.switchboard.engine.dispatcher.UdpDestination;
import io.switchboard.engine.htable.TestEngine;
import io.switchboard.engine.route.RequestContext;
import io.switchboard.engine.route.Route;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live page (issue 7) of a running engine with a token: {@code GET /live} serves the page,
 * {@code /live/events} streams snapshots in which a call driven through the engine over UDP
 * appears and, once ended, is gone, next to the dispatcher's gateway; without the token both
 * answer 401. Then the same in headless Chromium: the page, open on the stream, shows the call
 * and drops it. The UA is one UDP socket that answers its own INVITE 200 ({@link UdpDestination}).
 */
class LiveViewTest {

    private static final String TOKEN = "live-s3cret";
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final long WAIT_NANOS = WAIT.toNanos();

    /** Tracks every INVITE, in profile {@code caller} with the callee's user, and relays it. */
    public static final class TrackingRoute implements Route {
        @Override
        public void onRequest(RequestContext request) {
            if (request.isMethod("INVITE") && !request.hasToTag()) {
                request.dlgManage();
                request.setDlgProfile("caller", "alice");
                request.recordRoute();
            }
            request.tRelay();
        }
    }

    @TempDir
    Path dir;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private UdpDestination ua;
    private Engine engine;

    @BeforeEach
    void start() throws Exception {
        ua = new UdpDestination();
        ua.inviteCode = 200;
        Path list = Files.writeString(dir.resolve("dispatcher.list"), "3 " + ua.uri() + " 0 7\n");
        engine = TestEngine.start("route = \"" + TrackingRoute.class.getName() + "\"\n"
                + "rpc.token = \"" + TOKEN + "\"\n"
                + "dialog.profiles-with-value = [caller]\n"
                + "dispatcher.list-file = \"" + list + "\"");
    }

    @AfterEach
    void stop() {
        ua.close();
        engine.stop().toCompletableFuture().join();
    }

    private HttpResponse<String> get(String pathAndQuery, String header, String value) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(engine.management().url() + pathAndQuery))
                .timeout(Duration.ofSeconds(20));
        if (header != null) {
            request.header(header, value);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Sends an INVITE to {@code user} through the engine and waits for its dialog; its Call-ID. */
    private String call(String user) throws Exception {
        String callId = ua.sendInvite(user, "live.test", TestEngine.udpPort(engine));
        long until = System.nanoTime() + WAIT_NANOS;
        while (engine.dialogs().dialogs().directory().get(callId).map(DialogSnapshot::startMillis).orElse(0L) == 0
                && System.nanoTime() < until) {
            Thread.sleep(10);
        }
        assertTrue(engine.dialogs().dialogs().directory().get(callId).isPresent(), "the dialog of " + callId);
        return callId;
    }

    private void hangUp(String callId) throws Exception {
        assertTrue(engine.dialogs().dialogs().terminate(callId, Set.of(Side.CALLER, Side.CALLEE), "live test",
                Duration.ofSeconds(5)).toCompletableFuture().get(10, TimeUnit.SECONDS), "terminated");
    }

    /** The {@code data} of each {@code snapshot} event of {@code /live/events}, read on a background thread. */
    private BlockingQueue<JsonNode> events(String query, CompletableFuture<HttpResponse<Stream<String>>> opened) {
        BlockingQueue<JsonNode> snapshots = new LinkedBlockingQueue<>();
        HttpRequest request = HttpRequest.newBuilder(URI.create(engine.management().url() + "/live/events" + query))
                .build();
        http.sendAsync(request, HttpResponse.BodyHandlers.ofLines()).thenAccept(response -> {
            opened.complete(response);
            Thread reader = new Thread(() -> response.body().filter(line -> line.startsWith("data: ")).forEach(line -> {
                try {
                    snapshots.add(RpcCalls.JSON.readTree(line.substring(6)));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }), "live-events");
            reader.setDaemon(true);
            reader.start();
        });
        return snapshots;
    }

    private static JsonNode awaitSnapshot(BlockingQueue<JsonNode> snapshots, Predicate<JsonNode> wanted)
            throws InterruptedException {
        long until = System.nanoTime() + WAIT_NANOS;
        while (System.nanoTime() < until) {
            JsonNode snapshot = snapshots.poll(100, TimeUnit.MILLISECONDS);
            if (snapshot != null && wanted.test(snapshot)) {
                return snapshot;
            }
        }
        throw new AssertionError("no snapshot as wanted within " + WAIT.toSeconds() + " s");
    }

    private static JsonNode callIn(JsonNode snapshot, String callId) {
        for (JsonNode call : snapshot.path("view").path("calls")) {
            if (call.path("callId").asText().equals(callId)) {
                return call;
            }
        }
        return null;
    }

    @Test
    void withoutTheTokenThePageAndTheStreamAre401() throws Exception {
        assertEquals(401, get("/live", null, null).statusCode());
        assertEquals(401, get("/live?token=wrong", null, null).statusCode());
        assertEquals(401, get("/live/events", null, null).statusCode());
        assertEquals(401, get("/live/events", "Cookie", "switchboard_token=wrong").statusCode());
        assertEquals(401, get("/metrics?token=" + TOKEN, null, null).statusCode(), "the query token is for /live only");
        assertEquals(200, get("/live", "Authorization", "Bearer " + TOKEN).statusCode(), "or with the header");
    }

    @Test
    void thePageIsServedAndTheStreamShowsACallUntilItEnds() throws Exception {
        HttpResponse<String> page = get("/live?token=" + TOKEN, null, null);
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("content-type").orElse("").startsWith("text/html"));
        assertTrue(page.body().contains("new EventSource("), "the page opens the stream");
        assertEquals(200, get("/live", "Cookie", "switchboard_token=" + TOKEN).statusCode(), "or with the cookie");

        CompletableFuture<HttpResponse<Stream<String>>> opened = new CompletableFuture<>();
        BlockingQueue<JsonNode> snapshots = events("?token=" + TOKEN, opened);
        HttpResponse<Stream<String>> stream = opened.get(20, TimeUnit.SECONDS);
        assertEquals(200, stream.statusCode());
        assertTrue(stream.headers().firstValue("content-type").orElse("").startsWith("text/event-stream"));
        JsonNode first = awaitSnapshot(snapshots, s -> true);
        JsonNode gateway = first.path("view").path("gateways").get(0);
        assertEquals(3, gateway.path("set").asInt(), first::toString);
        assertEquals(ua.uri(), gateway.path("uri").asText());
        assertTrue(gateway.path("state").asText().startsWith("A"), gateway::toString);

        String callId = call("bob");
        JsonNode shown = callIn(awaitSnapshot(snapshots, s -> callIn(s, callId) != null), callId);
        assertEquals("sip:alice@example.com", shown.path("caller").asText());
        assertEquals("sip:bob@example.org", shown.path("callee").asText());
        assertEquals("answered", shown.path("stateText").asText(), shown::toString);
        assertTrue(shown.path("start").asLong() > 0, "answered at");
        assertTrue(shown.path("destination").asText().startsWith("sip:bob@127.0.0.1:"), shown::toString);
        assertEquals("caller", shown.path("profiles").get(0).path("name").asText());
        assertEquals("alice", shown.path("profiles").get(0).path("value").asText());

        hangUp(callId);
        awaitSnapshot(snapshots, s -> callIn(s, callId) == null);
        stream.body().close();
    }

    @Test
    void chromiumShowsTheCallAndDropsItWhenItEnds() throws Exception {
        Chromium.assumeInstalled();
        try (Chromium browser = new Chromium(engine.management().url() + "/live?token=" + TOKEN)) {
            browser.await("document.body.dataset.updated !== undefined && "
                    + "document.querySelector('#gateways tbody').innerText.includes('" + ua.uri() + "')", WAIT);
            String callId = call("carol");
            String row = "document.querySelector('#calls tbody tr[data-call-id=\"" + callId + "\"]')";
            browser.await(row + " !== null && " + row + ".innerText.includes('answered')", WAIT);
            JsonNode text = browser.evaluate(row + ".innerText");
            assertTrue(text.asText().contains("sip:carol@example.org"), text::toString);
            assertTrue(text.asText().contains("caller=alice"), text::toString);
            assertEquals(0, browser.evaluate("(function () { const f = document.getElementById('filter');"
                    + " f.value = 'nobody'; f.dispatchEvent(new Event('input'));"
                    + " return document.querySelectorAll('#calls tbody tr[data-call-id]').length; })()").asInt(),
                    "filtered out by text");
            assertEquals(1, browser.evaluate("(function () { const f = document.getElementById('filter');"
                    + " f.value = 'CAROL'; f.dispatchEvent(new Event('input'));"
                    + " return document.querySelectorAll('#calls tbody tr[data-call-id]').length; })()").asInt(),
                    "shown again");

            hangUp(callId);
            browser.await(row + " === null && document.querySelector('#calls tbody').innerText.includes('no call')", WAIT);
        }
    }
}
