package io.switchboard.engine.htable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.engine.Engine;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code htable.dump} of a table too large for one HTTP chunk (issue 4: large answers are
 * streamed): it arrives as HTTP/1.1 chunked transfer coding (RFC 9112 §7.1), without a
 * Content-Length, in Kamailio's shape (htable README §6, {@code htable.dump}) with every item.
 */
class HtableDumpStreamingTest {

    private static final int ITEMS = 5000;
    private static Engine engine;

    /** A database table of {@value #ITEMS} string items, in HtableCommandsTest's in-memory database. */
    @BeforeAll
    static void start() throws Exception {
        HtableCommandsTest.sql("DROP TABLE IF EXISTS htable_big",
                "CREATE TABLE htable_big (key_name VARCHAR(64), key_type INT, value_type INT, key_value VARCHAR(128),"
                        + " expires INT)",
                "INSERT INTO htable_big SELECT 'key-' || X, 0, 0, 'value-' || X, 0 FROM SYSTEM_RANGE(1, " + ITEMS + ")");
        engine = TestEngine.start("""
                htable {
                  tables = ["big=>size=4;dbtable=htable_big"]
                  db-url = "%s"
                }
                """.formatted(HtableCommandsTest.DB));
    }

    @AfterAll
    static void stop() {
        engine.stop().toCompletableFuture().join();
    }

    @Test
    void aLargeDumpArrivesInChunksWithEveryItemBySlot() throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(engine.management().url() + "/RPC"))
                .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"jsonrpc\": \"2.0\", \"method\": \"htable.dump\", \"params\": [\"big\"], \"id\": 4}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response::body);
        assertEquals("chunked", response.headers().firstValue("transfer-encoding").orElse(""),
                response.headers()::toString);
        assertTrue(response.headers().firstValue("content-length").isEmpty(), response.headers()::toString);

        JsonNode dump = new ObjectMapper().readTree(response.body()).get("result");
        List<Integer> slots = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (JsonNode entry : dump) {
            slots.add(entry.get("entry").asInt());
            assertEquals(entry.get("size").asInt(), entry.get("slot").size(), entry.get("entry")::toString);
            List<String> inSlot = new ArrayList<>();
            for (JsonNode cell : entry.get("slot")) {
                String name = cell.get("name").asText();
                inSlot.add(name);
                assertEquals("value-" + name.substring("key-".length()), cell.get("value").asText());
                assertEquals("str", cell.get("type").asText());
            }
            assertEquals(inSlot.stream().sorted().toList(), inSlot, "the items of a slot in key order");
            names.addAll(inSlot);
        }
        assertEquals(16, slots.size(), "size=4: 16 slots, all occupied by 5000 keys");
        assertEquals(IntStream.range(0, 16).boxed().toList(), slots, "the slots in order");
        assertEquals(IntStream.rangeClosed(1, ITEMS).mapToObj(i -> "key-" + i).collect(Collectors.toSet()), names);
    }
}
