package io.switchboard.engine.management;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JSON-RPC 2.0 over one HTTP body (the specification's §4-§6, served as Kamailio's jsonrpcs serves
 * it): parses a request or a batch, runs each call's {@link RpcCommand}, and writes the responses
 * with Jackson's streaming {@link JsonGenerator} onto the HTTP response as they are produced.
 * Notifications run but are not answered; a body of notifications only has no answer at all.
 */
final class JsonRpcEndpoint {

    private static final Logger log = LoggerFactory.getLogger(JsonRpcEndpoint.class);
    private static final byte[] BATCH_START = {'['};
    private static final byte[] BATCH_SEPARATOR = {','};
    private static final byte[] BATCH_END = {']'};

    private final RpcCommands commands;
    private final ObjectMapper mapper;

    JsonRpcEndpoint(RpcCommands commands) {
        this.commands = commands;
        this.mapper = new ObjectMapper()
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    }

    /** The requests of an HTTP body, and whether they came as a batch (§6). */
    record Body(List<JsonRpcRequest> requests, boolean batch) {

        /** True unless every request is a notification (§6: then nothing is returned). */
        boolean expectsAnswer() {
            return requests.stream().anyMatch(JsonRpcRequest::expectsAnswer);
        }
    }

    Body parse(byte[] body) {
        JsonNode root;
        try {
            root = mapper.readTree(body);
        } catch (IOException e) {
            String problem = e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
            return new Body(List.of(JsonRpcRequest.unparseable(problem)), false);
        }
        if (root == null || root.isMissingNode()) {
            return new Body(List.of(JsonRpcRequest.unparseable("the body is empty")), false);
        }
        if (!root.isArray()) {
            return new Body(List.of(JsonRpcRequest.of(root)), false);
        }
        if (root.isEmpty()) {
            return new Body(List.of(JsonRpcRequest.emptyBatch()), false);
        }
        List<JsonRpcRequest> requests = new ArrayList<>(root.size());
        root.forEach(node -> requests.add(JsonRpcRequest.of(node)));
        return new Body(requests, true);
    }

    /**
     * Runs every request of {@code body} in order and writes the answers to {@code out}. A result
     * that fails while it is written becomes an error response when none of it has been sent;
     * otherwise the {@link IOException} ends the exchange.
     */
    void answer(Body body, HttpResponseStream out) throws IOException {
        boolean first = true;
        if (body.batch()) {
            out.write(BATCH_START);
        }
        for (JsonRpcRequest request : body.requests()) {
            if (!request.expectsAnswer()) {
                runNotification(request);
                continue;
            }
            if (body.batch() && !first) {
                out.write(BATCH_SEPARATOR);
            }
            first = false;
            long start = out.position();
            try {
                Object result = run(request);
                write(out, request, generator -> {
                    generator.writeFieldName("result");
                    generator.writeObject(result);
                });
            } catch (RpcException e) {
                writeError(out, request, e);
            } catch (IOException | RuntimeException e) {
                if (!out.rewind(start)) {
                    throw e instanceof IOException io ? io : new IOException(e);
                }
                log.warn("the result of {} could not be written", request.method(), e);
                writeError(out, request, new RpcException(RpcException.INTERNAL_ERROR,
                        "the result of " + request.method() + " could not be written: " + e.getMessage()));
            }
        }
        if (body.batch()) {
            out.write(BATCH_END);
        }
    }

    /** Runs a body of notifications only, which gets no answer (§4.1). */
    void runNotifications(Body body) {
        body.requests().forEach(this::runNotification);
    }

    private void runNotification(JsonRpcRequest request) {
        try {
            run(request);
        } catch (RpcException e) {
            log.debug("notification {} failed: {}", request.method(), e.getMessage());
        }
    }

    /** Runs a valid request; the error to answer with otherwise. */
    private Object run(JsonRpcRequest request) throws RpcException {
        if (request.invalid() != null) {
            throw request.invalid();
        }
        RpcCommand command = commands.find(request.method()).orElseThrow(() -> new RpcException(
                RpcException.METHOD_NOT_FOUND, "unknown method '" + request.method()
                + "' (system.listMethods lists them)"));
        RpcArguments arguments;
        try {
            arguments = RpcArguments.bind(command.params(), request.params());
        } catch (RpcException e) {
            throw RpcException.invalidParams(command.name() + ": " + e.getMessage() + " (usage: "
                    + command.synopsis() + ")");
        }
        try {
            return command.handler().call(arguments);
        } catch (RuntimeException e) {
            log.warn("RPC command {} failed", command.name(), e);
            throw new RpcException(RpcException.INTERNAL_ERROR, command.name() + " failed: " + e);
        }
    }

    private void writeError(HttpResponseStream out, JsonRpcRequest request, RpcException error) throws IOException {
        write(out, request, generator -> {
            generator.writeObjectFieldStart("error");
            generator.writeNumberField("code", error.code());
            generator.writeStringField("message", error.getMessage());
            generator.writeEndObject();
        });
    }

    /** One response object (§5): {@code jsonrpc}, the result or error {@code member}, {@code id}. */
    private void write(HttpResponseStream out, JsonRpcRequest request, Member member) throws IOException {
        try (JsonGenerator generator = mapper.createGenerator(out)) {
            generator.writeStartObject();
            generator.writeStringField("jsonrpc", "2.0");
            member.write(generator);
            generator.writeFieldName("id");
            generator.writeTree(request.id());
            generator.writeEndObject();
        }
    }

    @FunctionalInterface
    private interface Member {
        void write(JsonGenerator generator) throws IOException;
    }
}
