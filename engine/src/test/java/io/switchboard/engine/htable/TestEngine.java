package io.switchboard.engine.htable;

import io.switchboard.engine.Engine;
import io.switchboard.engine.config.ConfigLoader;
import io.switchboard.transport.net.ListenAddress;
import io.switchboard.transport.net.Transport;

/** An engine for a test: UDP and management on free ports of 127.0.0.1, plus the settings given. */
public final class TestEngine {

    private TestEngine() {
    }

    /** Starts an engine with {@code settings} (HOCON inside the {@code switchboard} block). */
    public static Engine start(String settings) {
        return Engine.start(ConfigLoader.parse("""
                switchboard {
                  listen = ["udp:127.0.0.1:0"]
                  rpc.listen = "127.0.0.1:0"
                  shutdown-timeout = 1s
                  %s
                }
                """.formatted(settings)));
    }

    /** A statistic by its full name ({@code core:err_replies}), read with {@code stats.get_statistics}. */
    public static long statistic(Engine engine, String name) {
        String line = Ctl.call(engine, "stats.get_statistics", name).result().get(0).asText();
        if (!line.startsWith(name + " = ")) {
            throw new AssertionError("stats.get_statistics " + name + " answered " + line);
        }
        return Long.parseLong(line.substring(name.length() + 3));
    }

    /** The UDP port the engine bound. */
    public static int udpPort(Engine engine) {
        return engine.listeners().stream().filter(l -> l.transport() == Transport.UDP).mapToInt(ListenAddress::port)
                .findFirst().orElseThrow();
    }
}
