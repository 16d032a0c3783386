package io.switchboard.engine.htable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.engine.Engine;
import io.switchboard.engine.management.RpcClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Management commands over HTTP, through {@code switchboard.jar ctl}'s client, as an operator runs them. */
public record Ctl(int status, JsonNode result, String error) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static Ctl call(Engine engine, String... command) {
        String[] args = new String[command.length + 2];
        args[0] = "--url";
        args[1] = engine.management().url() + "/RPC";
        System.arraycopy(command, 0, args, 2, command.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = RpcClient.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            String text = out.toString(StandardCharsets.UTF_8);
            return new Ctl(status, text.isBlank() ? null : JSON.readTree(text), err.toString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
