package io.switchboard.engine.management;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;

/**
 * {@code java -jar switchboard.jar ctl [--url URL] [--token TOKEN] METHOD [PARAMS...]}: the
 * command-line client of the management endpoint (issue 4), as kamcmd is Kamailio's. Parameters
 * go by position; one that looks like an integer is sent as a number, as kamcmd does, unless
 * written {@code s:VALUE}. The result is printed as indented JSON; a JSON-RPC error goes to
 * standard error and the exit status is {@value #RPC_ERROR}.
 */
public final class RpcClient {

    public static final String DEFAULT_URL = "http://127.0.0.1:8060" + RpcHttpHandler.RPC_PATH;
    /** Read for the token when {@code --token} is not given, so it need not show in the process list. */
    public static final String TOKEN_VARIABLE = "SWITCHBOARD_RPC_TOKEN";
    public static final int OK = 0;
    public static final int RPC_ERROR = 1;
    public static final int USAGE = 2;
    public static final int UNREACHABLE = 3;
    private static final String USAGE_LINE =
            "usage: switchboard ctl [--url URL] [--token TOKEN] METHOD [PARAMS...]   (ctl system.listMethods lists them)";
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Indents arrays as well as objects: a list of statistics prints one per line, as kamcmd does. */
    private static final ObjectWriter INDENTED = JSON.writer(
            new DefaultPrettyPrinter().withArrayIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE));

    private RpcClient() {
    }

    /** Runs the client; returns the exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        String url = DEFAULT_URL;
        String token = System.getenv(TOKEN_VARIABLE);
        int i = 0;
        for (; i < args.length && args[i].startsWith("-"); i++) {
            switch (args[i]) {
                case "--url", "--token" -> {
                    if (i + 1 >= args.length) {
                        err.println("switchboard ctl: " + args[i] + " needs a value");
                        return USAGE;
                    }
                    if (args[i].equals("--url")) {
                        url = args[++i];
                    } else {
                        token = args[++i];
                    }
                }
                case "-h", "--help" -> {
                    out.println(USAGE_LINE);
                    return OK;
                }
                default -> {
                    err.println("switchboard ctl: unknown option " + args[i] + "\n" + USAGE_LINE);
                    return USAGE;
                }
            }
        }
        if (i >= args.length) {
            err.println(USAGE_LINE);
            return USAGE;
        }
        ObjectNode request = JSON.createObjectNode().put("jsonrpc", "2.0").put("method", args[i]);
        request.set("params", params(Arrays.copyOfRange(args, i + 1, args.length)));
        request.put("id", 1);
        return call(url, token, request, out, err);
    }

    /** The params array: integers as numbers, as kamcmd sends them; {@code s:VALUE} always a string. */
    static ArrayNode params(String[] args) {
        ArrayNode params = JSON.createArrayNode();
        for (String arg : args) {
            if (arg.startsWith("s:")) {
                params.add(arg.substring(2));
                continue;
            }
            try {
                params.add(Long.parseLong(arg));
            } catch (NumberFormatException e) {
                params.add(arg);
            }
        }
        return params;
    }

    private static int call(String url, String token, ObjectNode request, PrintStream out, PrintStream err) {
        HttpRequest.Builder http;
        try {
            http = HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(request)));
        } catch (IllegalArgumentException | IOException e) {
            err.println("switchboard ctl: bad --url " + url + ": " + e.getMessage());
            return USAGE;
        }
        if (token != null && !token.isEmpty()) {
            http.header("Authorization", "Bearer " + token);
        }
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT).build();
        try {
            HttpResponse<byte[]> response = client.send(http.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                err.println("switchboard ctl: " + url + " answered HTTP " + response.statusCode()
                        + (response.statusCode() == 401 ? " (a wrong or missing --token)" : ""));
                return UNREACHABLE;
            }
            JsonNode answer = JSON.readTree(response.body());
            if (answer.has("error")) {
                err.println(INDENTED.writeValueAsString(answer.get("error")));
                return RPC_ERROR;
            }
            JsonNode result = answer.get("result");
            if (result != null && !result.isNull()) {
                out.println(INDENTED.writeValueAsString(result));
            }
            return OK;
        } catch (IOException e) {
            err.println("switchboard ctl: cannot call " + url + ": " + e);
            return UNREACHABLE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return UNREACHABLE;
        }
    }
}
