package io.switchboard.engine.dispatcher;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigValueType;
import io.switchboard.actors.dispatcher.DispatcherSettings;
import io.switchboard.actors.dispatcher.PingReplyCodes;
import io.switchboard.actors.dispatcher.ProbingMode;
import io.switchboard.engine.config.SettingsException;
import io.switchboard.persistence.dispatcher.DestinationListFile;
import io.switchboard.persistence.dispatcher.DestinationLoadException;
import io.switchboard.persistence.dispatcher.DestinationSource;
import io.switchboard.persistence.dispatcher.DestinationTable;
import io.switchboard.transport.message.SipMethod;
import io.switchboard.transport.parse.SipParseException;
import io.switchboard.transport.uri.SipUri;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The {@code switchboard.dispatcher} block: seed manual 002's parameters under their names in
 * kebab-case, checked once at start-up so that a wrong one stops the engine with a message that
 * names it. Times are seconds as in Kamailio, or HOCON durations ({@code 500ms}).
 *
 * @param settings the parameters
 * @param source where the sets come from: the table when {@code db-url} is set, else the list
 *     file; null when neither is set and the dispatcher is off
 * @param hashPvar {@code hash-pvar} parsed
 */
public record DispatcherConfig(DispatcherSettings settings, DestinationSource source, HashPvar hashPvar) {

    private static final String PREFIX = "switchboard.dispatcher.";

    /** Reads the {@code dispatcher} block of the {@code switchboard} block. */
    public static DispatcherConfig read(Config switchboard) {
        Config c = switchboard.getConfig("dispatcher");
        HashPvar hashPvar = read("hash-pvar", () -> HashPvar.parse(c.getString("hash-pvar")));
        String pingFrom = read("ds-ping-from", () -> sipUri(c.getString("ds-ping-from")));
        String outboundProxy = read("outbound-proxy", () -> c.getString("outbound-proxy").isBlank() ? ""
                : sipUri(c.getString("outbound-proxy")));
        DispatcherSettings settings = new DispatcherSettings(
                range(c, "flags", 0, 3),
                range(c, "use-default", 0, 1) == 1,
                range(c, "force-dst", 0, 1) == 1,
                hashPvar.toString(),
                read("ds-ping-method", () -> SipMethod.of(c.getString("ds-ping-method")).name()),
                pingFrom,
                seconds(c, "ds-ping-interval", true),
                range(c, "ds-probing-threshold", 1, 1_000_000),
                range(c, "ds-inactive-threshold", 1, 1_000_000),
                read("ds-ping-reply-codes", () -> PingReplyCodes.parse(c.getString("ds-ping-reply-codes"))),
                ProbingMode.of(range(c, "ds-probing-mode", 0, 3)),
                range(c, "ds-hash-size", 0, 30),
                seconds(c, "ds-hash-expire", false),
                seconds(c, "ds-hash-initexpire", false),
                seconds(c, "ds-hash-check-interval", false),
                outboundProxy);
        return new DispatcherConfig(settings, source(c), hashPvar);
    }

    private static DestinationSource source(Config c) {
        String dbUrl = read("db-url", () -> c.getString("db-url"));
        if (!dbUrl.isBlank()) {
            return read("table-name", () -> new DestinationTable(dbUrl, c.getString("table-name"),
                    new DestinationTable.Columns(c.getString("setid-col"), c.getString("destination-col"),
                            c.getString("flags-col"), c.getString("priority-col"), c.getString("attrs-col"))));
        }
        String listFile = read("list-file", () -> c.getString("list-file"));
        return listFile.isBlank() ? null : new DestinationListFile(Path.of(listFile));
    }

    /** True when a list file or database is configured. */
    public boolean enabled() {
        return source != null;
    }

    /**
     * Loads the source once, so that a list that does not load stops start-up, as Kamailio does
     * ("no dispatching list loaded from file").
     *
     * @throws SettingsException naming the source and the bad line or row
     */
    public void checkSource() {
        if (source == null) {
            return;
        }
        try {
            source.load();
        } catch (DestinationLoadException e) {
            throw new SettingsException("dispatcher: " + e.getMessage(), e);
        }
    }

    private static String sipUri(String text) {
        try {
            SipUri.parse(text);
            return text;
        } catch (SipParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a SIP URI", e);
        }
    }

    /** A number of seconds, or a HOCON duration; zero is only allowed where it turns a feature off. */
    private static Duration seconds(Config c, String key, boolean zeroAllowed) {
        Duration d = read(key, () -> c.getValue(key).valueType() == ConfigValueType.NUMBER
                ? Duration.ofSeconds(c.getLong(key)) : c.getDuration(key));
        if (d.isNegative() || d.isZero() && !zeroAllowed) {
            throw new SettingsException("setting " + PREFIX + key + " must be " + (zeroAllowed ? "0 or more" : "above 0")
                    + ", not " + d);
        }
        return d;
    }

    private static int range(Config c, String key, int min, int max) {
        int v = read(key, () -> c.getInt(key));
        if (v < min || v > max) {
            throw new SettingsException("setting " + PREFIX + key + " must be between " + min + " and " + max
                    + ", not " + v);
        }
        return v;
    }

    private static <T> T read(String key, Supplier<T> value) {
        try {
            return value.get();
        } catch (ConfigException | IllegalArgumentException e) {
            throw new SettingsException("setting " + PREFIX + key + ": " + e.getMessage(), e);
        }
    }
}
