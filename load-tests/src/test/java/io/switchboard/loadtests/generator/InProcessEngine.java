package io.switchboard.loadtests.generator;

import io.switchboard.engine.Engine;
import io.switchboard.engine.config.ConfigLoader;
import io.switchboard.transport.net.ListenAddress;
import io.switchboard.transport.net.Transport;
import java.net.InetSocketAddress;

/** An engine with the built-in proxy route on an ephemeral UDP port of 127.0.0.1, for the load tools' tests. */
public final class InProcessEngine implements AutoCloseable {

    private final Engine engine;

    private InProcessEngine(String extra) {
        engine = Engine.start(ConfigLoader.parse("switchboard { listen = [\"udp:127.0.0.1:0\"], "
                + "rpc.listen = \"127.0.0.1:0\", shutdown-timeout = 1s\n" + extra + " }"));
    }

    public static InProcessEngine start() {
        return new InProcessEngine("");
    }

    /** An engine with more settings inside {@code switchboard { }}. */
    public static InProcessEngine start(String settings) {
        return new InProcessEngine(settings);
    }

    public Engine engine() {
        return engine;
    }

    public InetSocketAddress sipAddress() {
        int port = engine.listeners().stream().filter(l -> l.transport() == Transport.UDP)
                .mapToInt(ListenAddress::port).findFirst().orElseThrow();
        return new InetSocketAddress("127.0.0.1", port);
    }

    public String rpcUrl() {
        return engine.management().url() + "/RPC";
    }

    @Override
    public void close() {
        engine.stop().toCompletableFuture().join();
    }
}
