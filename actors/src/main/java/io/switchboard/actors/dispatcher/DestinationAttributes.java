package io.switchboard.actors.dispatcher;

import io.switchboard.persistence.CborSerializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A destination's attributes (seed manual 002, 7.1.1 "Special Attributes"), parsed from
 * {@code name1=value1;...;nameN=valueN}: {@code duid} (call load), {@code maxload} (0 = no limit),
 * {@code weight} and {@code rweight} (1 to 100, otherwise 0 and left out of the distribution, as
 * Kamailio does), {@code socket}; any other pair is kept as given.
 *
 * @param body the attributes as written
 * @param others the pairs that are not special, in order
 */
public record DestinationAttributes(String body, String duid, int maxload, int weight, int rweight, String socket,
        Map<String, String> others) implements CborSerializable {

    public static final DestinationAttributes NONE = new DestinationAttributes("", "", 0, 0, 0, "", Map.of());

    /** Copies {@code others}, keeping its order, also when it was read from CBOR. */
    public DestinationAttributes {
        others = Collections.unmodifiableMap(new LinkedHashMap<>(others));
    }

    /** Parses an attribute string; names are matched ignoring case. */
    public static DestinationAttributes parse(String body) {
        if (body == null || body.isBlank()) {
            return NONE;
        }
        String duid = "";
        String socket = "";
        int maxload = 0;
        int weight = 0;
        int rweight = 0;
        Map<String, String> others = new LinkedHashMap<>();
        for (String pair : body.split(";")) {
            int eq = pair.indexOf('=');
            String name = (eq < 0 ? pair : pair.substring(0, eq)).trim();
            String value = eq < 0 ? "" : pair.substring(eq + 1).trim();
            switch (name.toLowerCase(Locale.ROOT)) {
                case "duid" -> duid = value;
                case "maxload" -> maxload = Math.max(0, number(value));
                case "weight" -> weight = percent(value);
                case "rweight" -> rweight = percent(value);
                case "socket" -> socket = value;
                default -> {
                    if (!name.isEmpty()) {
                        others.put(name, value);
                    }
                }
            }
        }
        return new DestinationAttributes(body, duid, maxload, weight, rweight, socket, others);
    }

    private static int percent(String value) {
        int n = number(value);
        return n >= 1 && n <= 100 ? n : 0;
    }

    private static int number(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
