package io.switchboard.engine.management;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The parameters of one call, checked against the command's {@link RpcParam}s: given by position
 * (an array, Kamailio style) or by name (an object), JSON-RPC 2.0 §4.2. Anything that does not fit
 * is a -32602 error whose message names the parameter.
 */
public final class RpcArguments {

    private final Map<String, Object> values;

    private RpcArguments(Map<String, Object> values) {
        this.values = values;
    }

    /** Binds {@code params} (an array, an object, or null for none) to {@code spec}. */
    static RpcArguments bind(List<RpcParam> spec, JsonNode params) throws RpcException {
        Map<String, JsonNode> given = new HashMap<>();
        if (params != null && params.isArray()) {
            for (int i = 0; i < params.size(); i++) {
                if (i >= spec.size()) {
                    throw RpcException.invalidParams("too many parameters: " + params.size() + " given, "
                            + spec.size() + " taken " + spec.stream().map(RpcParam::name).toList());
                }
                RpcParam param = spec.get(i);
                if (param.variadic()) {
                    ArrayNode rest = JsonNodeFactory.instance.arrayNode();
                    for (int j = i; j < params.size(); j++) {
                        rest.add(params.get(j));
                    }
                    given.put(param.name(), rest);
                    break;
                }
                given.put(param.name(), params.get(i));
            }
        } else if (params != null && params.isObject()) {
            for (Iterator<String> names = params.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (spec.stream().noneMatch(p -> p.name().equals(name))) {
                    throw RpcException.invalidParams("unknown parameter '" + name + "'");
                }
            }
            spec.forEach(p -> given.put(p.name(), params.get(p.name())));
        }
        Map<String, Object> values = new HashMap<>();
        for (RpcParam param : spec) {
            Object value = convert(param, given.get(param.name()));
            if (value == null && param.required()) {
                throw RpcException.invalidParams("missing parameter '" + param.name() + "'");
            }
            if (value != null) {
                values.put(param.name(), value);
            }
        }
        return new RpcArguments(values);
    }

    private static Object convert(RpcParam param, JsonNode node) throws RpcException {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!param.variadic()) {
            return scalar(param, node);
        }
        List<Object> list = new ArrayList<>();
        for (JsonNode element : node.isArray() ? node : List.of(node)) {
            list.add(scalar(param, element));
        }
        return list.isEmpty() ? null : List.copyOf(list);
    }

    private static Object scalar(RpcParam param, JsonNode node) throws RpcException {
        if (param.type() == RpcParam.Type.INTEGER) {
            if (node.isIntegralNumber() && node.canConvertToLong()) {
                return node.longValue();
            }
            if (node.isTextual()) {
                try {
                    return Long.parseLong(node.textValue().trim());
                } catch (NumberFormatException e) {
                    // falls through to the error below
                }
            }
            throw RpcException.invalidParams("parameter '" + param.name() + "' must be an integer, not " + node);
        }
        if (node.isTextual() || node.isNumber() || node.isBoolean()) {
            return node.asText();
        }
        throw RpcException.invalidParams("parameter '" + param.name() + "' must be a string, not " + node);
    }

    /** True when the parameter was given. */
    public boolean has(String name) {
        return values.containsKey(name);
    }

    /** A string parameter, or null when an optional one was not given. */
    public String string(String name) {
        return (String) values.get(name);
    }

    /**
     * An integer parameter.
     *
     * @throws IllegalStateException when an optional one was not given (check {@link #has} first)
     */
    public long integer(String name) {
        Object value = values.get(name);
        if (value == null) {
            throw new IllegalStateException("parameter '" + name + "' was not given");
        }
        return (Long) value;
    }

    /** A repeated parameter's values as strings; empty when an optional one was not given. */
    public List<String> strings(String name) {
        Object value = values.get(name);
        return value == null ? List.of() : ((List<?>) value).stream().map(String::valueOf).toList();
    }
}
