package io.switchboard.engine.dispatcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.engine.Engine;
import io.switchboard.engine.management.RpcClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** {@code switchboard ctl} against a test engine: the result, or the error, of one command as JSON. */
final class Ctl {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Ctl() {
    }

    /** The command's result; its error object when it failed. */
    static JsonNode call(Engine engine, String... command) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] args = new String[command.length + 2];
        args[0] = "--url";
        args[1] = engine.management().url() + "/RPC";
        System.arraycopy(command, 0, args, 2, command.length);
        int status = RpcClient.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            return JSON.readTree(status == RpcClient.OK ? out.toByteArray() : err.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
