package io.switchboard.engine.htable;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.switchboard.engine.Engine;
import io.switchboard.engine.config.ConfigLoader;
import io.switchboard.transport.net.ListenAddress;
import io.switchboard.transport.net.Transport;
import java.util.concurrent.TimeUnit;

/** An engine for a test: UDP and management on free ports of 127.0.0.1, plus the settings given. */
public final class TestEngine {

    private static final long AWAIT_NANOS = TimeUnit.SECONDS.toNanos(5);

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

    /**
     * Asserts the statistic {@code name} reaches {@code expected} within 5 s. The engine counts a
     * reply it generated or a request it forwarded on the lane after handing it to the egress, so
     * the message can reach the test a moment before the count moves; and a message it drops or
     * absorbs sends nothing back that a test could wait for.
     */
    public static void awaitStatistic(Engine engine, String name, long expected, String message)
            throws InterruptedException {
        long until = System.nanoTime() + AWAIT_NANOS;
        while (statistic(engine, name) != expected && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        assertEquals(expected, statistic(engine, name), message);
    }

    /** The UDP port the engine bound. */
    public static int udpPort(Engine engine) {
        return engine.listeners().stream().filter(l -> l.transport() == Transport.UDP).mapToInt(ListenAddress::port)
                .findFirst().orElseThrow();
    }
}
