package io.switchboard.engine.management;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;

/**
 * One request object of a JSON-RPC 2.0 call or batch (§4), checked: a request that is not valid
 * carries the -32600 error to answer with, and the id as far as it could be read (§5: null when
 * it could not). As Kamailio's jsonrpcs does, a request without the {@code "jsonrpc"} member is
 * accepted; one with any value but {@code "2.0"} is not.
 *
 * @param id the id to answer with
 * @param notification true for a request without an id (§4.1), which gets no answer
 * @param method the method name, or null when invalid
 * @param params the params member (array or object), or null when absent
 * @param invalid the error to answer with instead of running anything, or null
 */
record JsonRpcRequest(JsonNode id, boolean notification, String method, JsonNode params, RpcException invalid) {

    /** Reads one element of the body. */
    static JsonRpcRequest of(JsonNode node) {
        if (!node.isObject()) {
            return invalid(NullNode.getInstance(), "a request must be a JSON object, not " + node.getNodeType());
        }
        JsonNode id = node.get("id");
        if (id != null && !id.isTextual() && !id.isNumber() && !id.isNull()) {
            return invalid(NullNode.getInstance(), "\"id\" must be a string, a number or null");
        }
        JsonNode answerId = id == null ? NullNode.getInstance() : id;
        JsonNode version = node.get("jsonrpc");
        if (version != null && !"2.0".equals(version.textValue())) {
            return invalid(answerId, "\"jsonrpc\" must be \"2.0\"");
        }
        JsonNode method = node.get("method");
        if (method == null || !method.isTextual()) {
            return invalid(answerId, "\"method\" must be a string");
        }
        JsonNode params = node.get("params");
        if (params != null && !params.isArray() && !params.isObject()) {
            return invalid(answerId, "\"params\" must be an array (by position) or an object (by name)");
        }
        return new JsonRpcRequest(answerId, id == null, method.textValue(), params, null);
    }

    /** The answer to a body that is not JSON (§5.1, -32700). */
    static JsonRpcRequest unparseable(String problem) {
        return new JsonRpcRequest(NullNode.getInstance(), false, null, null,
                new RpcException(RpcException.PARSE_ERROR, "invalid JSON: " + problem));
    }

    /** The answer to an empty batch (§6: one error, not an empty array). */
    static JsonRpcRequest emptyBatch() {
        return invalid(NullNode.getInstance(), "an empty batch");
    }

    /** True when an answer is due: the request has an id, or it was not valid (§5). */
    boolean expectsAnswer() {
        return !notification || invalid != null;
    }

    private static JsonRpcRequest invalid(JsonNode id, String problem) {
        return new JsonRpcRequest(id, false, null, null, new RpcException(RpcException.INVALID_REQUEST,
                "invalid request: " + problem));
    }
}
