package io.switchboard.engine.management;

import java.util.List;

/**
 * One management command, as Kamailio's modules export them ({@code rpc_export_t}: name, doc,
 * function): a later module adds its own to the engine's {@link RpcCommands} in a few lines.
 *
 * <pre>{@code
 * commands.add(new RpcCommand("dlg.profile_get_size", "Returns the number of dialogs in a profile.",
 *         List.of(RpcParam.string("profile"), RpcParam.string("value").optional()),
 *         args -> profiles.size(args.string("profile"), args.string("value"))));
 * }</pre>
 *
 * @param name the method name, Kamailio's where Kamailio has the command ({@code dlg.list})
 * @param help one line for {@code system.methodHelp}
 * @param params the parameters in positional order
 * @param handler what it does
 */
public record RpcCommand(String name, String help, List<RpcParam> params, RpcHandler handler) {

    public RpcCommand {
        if (name == null || name.isBlank() || help == null || handler == null) {
            throw new IllegalArgumentException("a command needs a name, a help line and a handler");
        }
        params = List.copyOf(params);
        for (int i = 0; i < params.size() - 1; i++) {
            if (params.get(i).variadic()) {
                throw new IllegalArgumentException(name + ": only the last parameter may be repeated");
            }
        }
    }

    /** A command without parameters. */
    public RpcCommand(String name, String help, RpcHandler handler) {
        this(name, help, List.of(), handler);
    }

    /** The name and the parameters: {@code stats.get_statistics statistic...}. */
    public String synopsis() {
        StringBuilder synopsis = new StringBuilder(name);
        params.forEach(p -> synopsis.append(' ').append(p.synopsis()));
        return synopsis.toString();
    }

    /** The help line with the synopsis, as {@code system.methodHelp} answers. */
    public String usage() {
        return help + " Usage: " + synopsis();
    }
}
