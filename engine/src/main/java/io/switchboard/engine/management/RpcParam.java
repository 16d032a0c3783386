package io.switchboard.engine.management;

/**
 * One parameter of an {@link RpcCommand}. Parameters are given by position, as kamcmd sends them,
 * or by name (JSON-RPC 2.0 §4.2); both resolve to the same {@link RpcArguments}.
 *
 * <pre>{@code
 * List.of(RpcParam.string("profile"), RpcParam.string("value").optional())
 * List.of(RpcParam.string("statistic").repeated())   // one or more, kamcmd's "stats.get_statistics core: tm:"
 * }</pre>
 *
 * @param name the name used in {@code params} objects and in error messages
 * @param type what a value must be
 * @param required false when the parameter may be left out
 * @param variadic true when it takes the rest of the positional values, as a list; only the last
 *     parameter may be repeated
 */
public record RpcParam(String name, Type type, boolean required, boolean variadic) {

    /** What a value must be. Numbers are accepted for strings, and digit strings for integers. */
    public enum Type {
        STRING,
        INTEGER
    }

    public RpcParam {
        if (name == null || name.isBlank() || type == null) {
            throw new IllegalArgumentException("a parameter needs a name and a type");
        }
    }

    /** A required string. */
    public static RpcParam string(String name) {
        return new RpcParam(name, Type.STRING, true, false);
    }

    /** A required integer. */
    public static RpcParam integer(String name) {
        return new RpcParam(name, Type.INTEGER, true, false);
    }

    /** This parameter, which may be left out. */
    public RpcParam optional() {
        return new RpcParam(name, type, false, variadic);
    }

    /** This parameter taking the rest of the positional values (one or more, unless also optional). */
    public RpcParam repeated() {
        return new RpcParam(name, type, required, true);
    }

    /** How {@code system.methodHelp} shows it: {@code name}, {@code [name]}, {@code name...}. */
    String synopsis() {
        String shown = variadic ? name + "..." : name;
        return required ? shown : "[" + shown + "]";
    }
}
