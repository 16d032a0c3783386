package io.switchboard.engine.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import io.switchboard.engine.management.RpcSettings;
import io.switchboard.transport.net.ListenAddress;
import io.switchboard.transport.parse.SipLimits;
import io.switchboard.transport.transaction.TimerSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The typed view of the {@code switchboard} block: every value read and checked once at start-up,
 * so a wrong one stops the engine with a {@link SettingsException} naming its key.
 *
 * @param config the whole {@code switchboard} block, for routes and later modules
 */
public record EngineSettings(
        Config config,
        List<ListenAddress> listen,
        int udpReceiveBuffer,
        String route,
        List<String> aliases,
        SipLimits limits,
        int ingressBufferSize,
        int lanes,
        Duration retryAfter,
        TimerSettings timers,
        int maxForwardsLimit,
        Duration shutdownTimeout,
        RpcSettings rpc) {

    /** Reads and checks the {@code switchboard} block of {@code root}. */
    public static EngineSettings from(Config root) {
        Config c = root.getConfig("switchboard");
        List<ListenAddress> listen = new ArrayList<>();
        List<String> listenValues = read("switchboard.listen", () -> c.getStringList("listen"));
        for (int i = 0; i < listenValues.size(); i++) {
            String value = listenValues.get(i);
            listen.add(read("switchboard.listen[" + i + "]", () -> ListenAddress.parse(value)));
        }
        if (listen.isEmpty()) {
            throw new SettingsException("switchboard.listen must name at least one address");
        }
        int cores = Runtime.getRuntime().availableProcessors();
        int lanes = range("switchboard.ingress.lanes", () -> c.getInt("ingress.lanes"), 0, 1024);
        return new EngineSettings(
                c,
                List.copyOf(listen),
                (int) range("switchboard.udp-receive-buffer", () -> c.getBytes("udp-receive-buffer"), 0, 1L << 28),
                read("switchboard.route", () -> c.getString("route")),
                read("switchboard.aliases", () -> c.getStringList("aliases")),
                read("switchboard.sip", () -> new SipLimits(
                        range("switchboard.sip.max-message-size", () -> c.getInt("sip.max-message-size"), 512, 65535 * 16),
                        range("switchboard.sip.max-header-count", () -> c.getInt("sip.max-header-count"), 8, 10_000),
                        range("switchboard.sip.max-line-length", () -> c.getInt("sip.max-line-length"), 128, 1 << 20))),
                range("switchboard.ingress.buffer-size", () -> c.getInt("ingress.buffer-size"), 1, 1 << 22),
                lanes == 0 ? cores : lanes,
                read("switchboard.ingress.retry-after", () -> c.getDuration("ingress.retry-after")),
                timers(c),
                range("switchboard.maxfwd.max-limit", () -> c.getInt("maxfwd.max-limit"), 1, 256),
                read("switchboard.shutdown-timeout", () -> c.getDuration("shutdown-timeout")),
                read("switchboard.rpc.listen", () -> RpcSettings.of(c.getString("rpc.listen"),
                        read("switchboard.rpc.token", () -> c.getString("rpc.token")))));
    }

    private static TimerSettings timers(Config c) {
        var t1 = read("switchboard.tm.t1", () -> c.getDuration("tm.t1"));
        var t2 = read("switchboard.tm.t2", () -> c.getDuration("tm.t2"));
        var t4 = read("switchboard.tm.t4", () -> c.getDuration("tm.t4"));
        var tryingDelay = read("switchboard.tm.trying-delay", () -> c.getDuration("tm.trying-delay"));
        var wtTimer = read("switchboard.tm.wt-timer", () -> c.getDuration("tm.wt-timer"));
        return read("switchboard.tm", () -> new TimerSettings(t1, t2, t4, tryingDelay, wtTimer));
    }

    private static <T> T read(String key, Supplier<T> value) {
        try {
            return value.get();
        } catch (ConfigException e) {
            throw new SettingsException("setting " + key + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new SettingsException("setting " + key + ": " + e.getMessage(), e);
        }
    }

    private static int range(String key, Supplier<Integer> value, int min, int max) {
        return (int) range(key, () -> (long) value.get(), (long) min, (long) max);
    }

    private static long range(String key, Supplier<Long> value, long min, long max) {
        long v = read(key, value);
        if (v < min || v > max) {
            throw new SettingsException("setting " + key + " must be between " + min + " and " + max + ", not " + v);
        }
        return v;
    }
}
