package io.switchboard.loadtests.sipp;

import io.switchboard.engine.Engine;
import io.switchboard.engine.config.ConfigLoader;
import io.switchboard.transport.net.Transport;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/**
 * What the whole-call tests share: they need SIPp, run one engine in this JVM, and stop it and
 * every SIPp peer they started after each test.
 */
abstract class SippCalls {

    protected Engine engine;
    private final List<Sipp> peers = new ArrayList<>();

    @BeforeAll
    static void sippIsThere() {
        Sipp.assumeInstalled();
    }

    @AfterEach
    void stopPeersAndEngine() {
        peers.forEach(Sipp::stop);
        if (engine != null) {
            engine.stop().toCompletableFuture().join();
        }
    }

    /** Starts {@code sipp}, to be stopped after the test. */
    protected Sipp peer(Sipp sipp, int timeoutSeconds) throws Exception {
        peers.add(sipp);
        return sipp.start(timeoutSeconds);
    }

    /**
     * Starts the engine on an ephemeral UDP port and management port, with {@code settings} added
     * to its {@code switchboard} block; returns its SIP port.
     */
    protected int startEngine(String settings) {
        engine = Engine.start(ConfigLoader.parse("""
                switchboard {
                  listen = ["udp:127.0.0.1:0"]
                  rpc.listen = "127.0.0.1:0"
                  shutdown-timeout = 1s
                  %s
                }
                """.formatted(settings)));
        return udpPort();
    }

    /** The engine's UDP port. */
    protected int udpPort() {
        return engine.listeners().stream().filter(l -> l.transport() == Transport.UDP).findFirst().orElseThrow().port();
    }
}
