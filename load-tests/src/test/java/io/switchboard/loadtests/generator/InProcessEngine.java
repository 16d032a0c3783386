package io.switchboard.loadtests.generator;

import io.switchboard.engine.Engine;
import io.switchboard.engine.config.ConfigLoader;
import io.switchboard.transport.net.ListenAddress;
import io.switchboard.transport.net.Transport;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An engine with the built-in proxy route on an ephemeral UDP port of 127.0.0.1, for the load
 * tools' tests: started at once ({@link #start()}), or for a whole test class as an extension
 * ({@code @RegisterExtension static final InProcessEngine ENGINE = InProcessEngine.perClass();}).
 */
public final class InProcessEngine implements AutoCloseable, BeforeAllCallback, AfterAllCallback {

    private final String settings;
    private Engine engine;

    private InProcessEngine(String settings) {
        this.settings = settings;
    }

    public static InProcessEngine start() {
        return start("");
    }

    /** An engine started at once with {@code settings} (HOCON inside {@code switchboard { }}) added. */
    public static InProcessEngine start(String settings) {
        InProcessEngine started = new InProcessEngine(settings);
        started.beforeAll(null);
        return started;
    }

    /** An engine that starts before the first test of the class registering it and stops after the last. */
    public static InProcessEngine perClass() {
        return new InProcessEngine("");
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        engine = Engine.start(ConfigLoader.parse("switchboard { listen = [\"udp:127.0.0.1:0\"], "
                + "rpc.listen = \"127.0.0.1:0\", shutdown-timeout = 1s, " + settings + " }"));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
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
