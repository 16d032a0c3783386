package io.switchboard.loadtests.sipp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.engine.Engine;
import io.switchboard.engine.management.RpcClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

/** A management command that must succeed, sent over HTTP by the {@code ctl} client; its result. */
final class Rpc {

    private Rpc() {
    }

    static JsonNode result(Engine engine, String... command) throws IOException {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        String[] args = Stream.concat(Stream.of("--url", engine.management().url() + "/RPC"), Stream.of(command))
                .toArray(String[]::new);
        assertEquals(0, RpcClient.run(args, new PrintStream(printed, true, StandardCharsets.UTF_8), System.err),
                String.join(" ", command));
        return new ObjectMapper().readTree(printed.toString(StandardCharsets.UTF_8));
    }
}
