package io.switchboard.engine.management;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The registry of management commands the JSON-RPC endpoint serves (Kamailio's RPC interface,
 * issue 4). It starts with {@code system.listMethods} and {@code system.methodHelp}; the engine
 * adds the {@code core.*} and {@code stats.*} commands, and every later module its own
 * ({@code dlg.*}, {@code dispatcher.*}, {@code htable.*}) with {@link #add}. Thread-safe.
 */
public final class RpcCommands {

    private final ConcurrentSkipListMap<String, RpcCommand> commands = new ConcurrentSkipListMap<>();

    public RpcCommands() {
        add(new RpcCommand("system.listMethods", "Lists the names of every command.", args -> names()));
        add(new RpcCommand("system.methodHelp", "Tells what a command does and takes.",
                List.of(RpcParam.string("method")), args -> {
                    String method = args.string("method");
                    return find(method).map(RpcCommand::usage).orElseThrow(() -> RpcException.invalidParams(
                            "parameter 'method': no command named '" + method + "'"));
                }));
    }

    /**
     * Adds a command.
     *
     * @throws IllegalArgumentException when a command of that name is there already
     */
    public void add(RpcCommand command) {
        if (commands.putIfAbsent(command.name(), command) != null) {
            throw new IllegalArgumentException("RPC command " + command.name() + " is already registered");
        }
    }

    public Optional<RpcCommand> find(String name) {
        return Optional.ofNullable(commands.get(name));
    }

    /** The command names in alphabetical order. */
    public List<String> names() {
        return List.copyOf(commands.keySet());
    }
}
