package io.switchboard.loadtests.generator;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The {@code --name value} options of the load tools' command lines, each checked against the
 * names a tool knows, so a misspelt option stops the tool with a message instead of being ignored.
 */
public final class Arguments {

    private final Map<String, String> values = new HashMap<>();

    private Arguments() {
    }

    /**
     * Reads {@code args}.
     *
     * @throws IllegalArgumentException naming an option that is unknown or has no value
     */
    public static Arguments parse(String[] args, Set<String> known) {
        Arguments parsed = new Arguments();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (!name.startsWith("--") || !known.contains(name.substring(2))) {
                throw new IllegalArgumentException("unknown option " + name + " (known: --" + String.join(", --",
                        known.stream().sorted().toList()) + ")");
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("option " + name + " needs a value");
            }
            parsed.values.put(name.substring(2), args[++i]);
        }
        return parsed;
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    public String string(String name, String otherwise) {
        return values.getOrDefault(name, otherwise);
    }

    public long number(String name, long otherwise) {
        return has(name) ? Long.parseLong(values.get(name)) : otherwise;
    }

    public double decimal(String name, double otherwise) {
        return has(name) ? Double.parseDouble(values.get(name)) : otherwise;
    }

    /** A duration as {@code 500ms}, {@code 20s} or {@code 2m}; a bare number is seconds. */
    public Duration duration(String name, Duration otherwise) {
        if (!has(name)) {
            return otherwise;
        }
        String text = values.get(name).trim().toLowerCase(Locale.ROOT);
        if (text.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
        }
        if (text.endsWith("m")) {
            return Duration.ofMinutes(Long.parseLong(text.substring(0, text.length() - 1)));
        }
        return Duration.ofMillis((long) (1000 * Double.parseDouble(text.endsWith("s")
                ? text.substring(0, text.length() - 1) : text)));
    }

    /** An address as {@code host:port} or {@code [v6]:port}; null when not given and {@code otherwise} is null. */
    public InetSocketAddress address(String name, String otherwise) {
        String text = string(name, otherwise);
        return text == null ? null : parseAddress(name, text.trim());
    }

    /** Addresses separated by commas, each as {@link #address} reads one; empty when not given and {@code otherwise} is null. */
    public List<InetSocketAddress> addresses(String name, String otherwise) {
        String text = string(name, otherwise);
        if (text == null) {
            return List.of();
        }
        List<InetSocketAddress> addresses = new ArrayList<>();
        for (String one : text.split(",")) {
            addresses.add(parseAddress(name, one.trim()));
        }
        return addresses;
    }

    private static InetSocketAddress parseAddress(String name, String text) {
        int colon = text.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("option --" + name + " must be host:port, not " + text);
        }
        String host = text.substring(0, colon).replace("[", "").replace("]", "");
        return new InetSocketAddress(host, Integer.parseInt(text.substring(colon + 1)));
    }
}
