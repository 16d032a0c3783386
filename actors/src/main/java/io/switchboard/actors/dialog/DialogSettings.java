package io.switchboard.actors.dialog;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueType;
import io.switchboard.transport.parse.SipParseException;
import io.switchboard.transport.uri.SipUri;
import java.time.Duration;
import java.util.List;

/**
 * The dialog module's parameters under {@code switchboard.dialog}, with the seed manual's names in
 * kebab-case and its defaults (section 6): {@code default-timeout} 43200 s (6.6),
 * {@code early-timeout} 300 s (6.7), {@code noack-timeout} 60 s (6.8), {@code end-timeout} 300 s
 * (6.9), {@code timeout-noreset} 0 (6.54), {@code send-bye} 0 (6.49), {@code detect-spirals} 1
 * (6.12), {@code rr-param} "did" (6.3), {@code dlg-match-mode} 0 (6.11), {@code profiles-with-value} and
 * {@code profiles-no-value} empty (6.44, 6.45; lists of names here), {@code ka-timer} 0 (6.51, 0 =
 * no keep-alives), {@code ka-interval} 0 (6.52, 0 = none, else at least {@link #KA_INTERVAL_FLOOR}),
 * {@code ka-failed-limit} 1 (6.53), {@code dlg-extra-hdrs} and {@code lreq-callee-headers} none (6.10,
 * 6.58: {@code Name: value} lines, see {@link LocalHeaders}), {@code bridge-controller}
 * "sip:controller@kamailio.org" and {@code bridge-contact} "sip:controller@kamailio.org:5060"
 * (6.46, 6.47: SIP URIs). A timeout given as a bare
 * number is in seconds, Kamailio's unit; a HOCON duration ({@code 90s}, {@code 2m}) also works.
 * {@code detect-spirals} 0 is not Kamailio's: there each spiral makes a new, possibly dangling
 * dialog, while here there is one dialog entity per Call-ID, so a spiral is ignored and the call
 * keeps the dialog its first pass made.
 * Switches take 0/1 or on/off. A wrong value is an {@link IllegalArgumentException} naming the key.
 */
public record DialogSettings(Duration defaultTimeout, Duration earlyTimeout, Duration noackTimeout,
        Duration endTimeout, boolean timeoutNoreset, boolean sendBye, boolean detectSpirals, String rrParam,
        MatchMode matchMode, ProfileDefinitions profiles, Duration kaTimer, Duration kaInterval, int kaFailedLimit,
        LocalHeaders localHeaders, String bridgeController, String bridgeContact) {

    /** Path of the settings block within the root configuration. */
    public static final String PATH = "switchboard.dialog";

    /** The lowest {@code ka-interval} other than 0 (seed manual 6.52: "The lowest settable interval is 30 seconds"). */
    public static final Duration KA_INTERVAL_FLOOR = Duration.ofSeconds(30);

    /** The defaults of {@code reference.conf}. */
    public static DialogSettings defaults() {
        return fromConfig(ConfigFactory.defaultReference().getConfig("switchboard"));
    }

    /** Reads the {@code dialog} block of the {@code switchboard} configuration. */
    public static DialogSettings fromConfig(Config switchboard) {
        Config c = switchboard.getConfig("dialog");
        String rrParam = string(c, "rr-param");
        if (!rrParam.matches("[A-Za-z0-9.!%*_+`'~-]+")) {
            throw new IllegalArgumentException("setting " + PATH + ".rr-param must be a SIP token, not \"" + rrParam + "\"");
        }
        int mode = integer(c, "dlg-match-mode");
        return new DialogSettings(timeout(c, "default-timeout"), timeout(c, "early-timeout"),
                timeout(c, "noack-timeout"), timeout(c, "end-timeout"), flag(c, "timeout-noreset"),
                flag(c, "send-bye"), flag(c, "detect-spirals"), rrParam, MatchMode.of(mode).orElseThrow(
                        () -> new IllegalArgumentException("setting " + PATH + ".dlg-match-mode must be 0, 1 or 2, not " + mode)),
                profiles(c), duration(c, "ka-timer"), kaInterval(c), kaFailedLimit(c),
                new LocalHeaders(headers(c, "dlg-extra-hdrs"), headers(c, "lreq-callee-headers")),
                sipUri(c, "bridge-controller"), sipUri(c, "bridge-contact"));
    }

    /** True when dialogs with {@code ka-src} or {@code ka-dst} send keep-alives: both {@code ka-timer} and {@code ka-interval} set. */
    public boolean keepAlives() {
        return !kaTimer.isZero() && !kaInterval.isZero();
    }

    private static Duration kaInterval(Config c) {
        Duration value = duration(c, "ka-interval");
        if (!value.isZero() && value.compareTo(KA_INTERVAL_FLOOR) < 0) {
            throw new IllegalArgumentException("setting " + PATH + ".ka-interval must be 0 (no keep-alives) or at least "
                    + KA_INTERVAL_FLOOR.toSeconds() + " seconds, not " + value);
        }
        return value;
    }

    private static int kaFailedLimit(Config c) {
        int value = integer(c, "ka-failed-limit");
        if (value < 1) {
            throw new IllegalArgumentException("setting " + PATH + ".ka-failed-limit must be 1 or more, not " + value);
        }
        return value;
    }

    private static List<String> headers(Config c, String key) {
        try {
            return LocalHeaders.parse(string(c, key));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("setting " + PATH + "." + key + ": " + e.getMessage(), e);
        }
    }

    private static String sipUri(Config c, String key) {
        String value = string(c, key);
        try {
            return SipUri.parse(value).toString();
        } catch (SipParseException e) {
            throw new IllegalArgumentException("setting " + PATH + "." + key + " must be a SIP URI, not \"" + value
                    + "\": " + e.getMessage(), e);
        }
    }

    private static ProfileDefinitions profiles(Config c) {
        try {
            return ProfileDefinitions.of(names(c, "profiles-with-value"), names(c, "profiles-no-value"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("setting " + PATH + ".profiles-with-value/profiles-no-value: "
                    + e.getMessage(), e);
        }
    }

    private static List<String> names(Config c, String key) {
        try {
            return c.getStringList(key);
        } catch (ConfigException e) {
            throw new IllegalArgumentException("setting " + PATH + "." + key + " must be a list of profile names: "
                    + e.getMessage(), e);
        }
    }

    private static Duration timeout(Config c, String key) {
        Duration value = duration(c, key);
        if (value.isZero()) {
            throw new IllegalArgumentException("setting " + PATH + "." + key + " must be positive, not " + value);
        }
        return value;
    }

    /** A duration of 0 or more: a bare number in seconds, or a HOCON duration. */
    private static Duration duration(Config c, String key) {
        Duration value;
        try {
            value = c.getValue(key).valueType() == ConfigValueType.NUMBER
                    ? Duration.ofSeconds(c.getLong(key))
                    : c.getDuration(key);
        } catch (ConfigException e) {
            throw new IllegalArgumentException("setting " + PATH + "." + key + " must be a duration: " + e.getMessage(), e);
        }
        if (value.isNegative()) {
            throw new IllegalArgumentException("setting " + PATH + "." + key + " must not be negative, not " + value);
        }
        return value;
    }

    private static boolean flag(Config c, String key) {
        try {
            if (c.getValue(key).valueType() == ConfigValueType.NUMBER) {
                int value = c.getInt(key);
                if (value == 0 || value == 1) {
                    return value == 1;
                }
                throw new IllegalArgumentException("setting " + PATH + "." + key + " must be 0 or 1, not " + value);
            }
            return c.getBoolean(key);
        } catch (ConfigException e) {
            throw new IllegalArgumentException("setting " + PATH + "." + key + " must be 0 or 1: " + e.getMessage(), e);
        }
    }

    private static int integer(Config c, String key) {
        try {
            return c.getInt(key);
        } catch (ConfigException e) {
            throw new IllegalArgumentException("setting " + PATH + "." + key + ": " + e.getMessage(), e);
        }
    }

    private static String string(Config c, String key) {
        try {
            return c.getString(key);
        } catch (ConfigException e) {
            throw new IllegalArgumentException("setting " + PATH + "." + key + ": " + e.getMessage(), e);
        }
    }
}
