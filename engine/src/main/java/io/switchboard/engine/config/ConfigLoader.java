package io.switchboard.engine.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Reads the HOCON configuration: the embedded defaults ({@code reference.conf}, and the engine's
 * Pekko settings in {@code application.conf}) under a file the operator gives. Every key under
 * {@code switchboard} in the file must be one the defaults know, with a value of the same kind;
 * anything else stops start-up with a {@link SettingsException} that names the key.
 */
public final class ConfigLoader {

    private ConfigLoader() {
    }

    /** The embedded defaults alone. */
    public static Config defaults() {
        ConfigFactory.invalidateCaches();
        return ConfigFactory.load();
    }

    /** The file over the defaults. */
    public static Config load(Path file) {
        if (!Files.isReadable(file)) {
            throw new SettingsException("configuration file " + file + " cannot be read");
        }
        Config user;
        try {
            user = ConfigFactory.parseFile(file.toFile(), ConfigParseOptions.defaults().setAllowMissing(false));
        } catch (ConfigException e) {
            throw new SettingsException("configuration file " + file + ": " + e.getMessage(), e);
        }
        return over(user);
    }

    /** Settings given as a HOCON string, over the defaults (for tests and embedding). */
    public static Config parse(String hocon) {
        try {
            return over(ConfigFactory.parseString(hocon));
        } catch (ConfigException e) {
            throw new SettingsException("configuration: " + e.getMessage(), e);
        }
    }

    private static Config over(Config user) {
        Config defaults = defaults();
        if (user.root().containsKey("switchboard")
                && user.root().get("switchboard").valueType() != ConfigValueType.OBJECT) {
            throw new SettingsException("setting switchboard must be a block { ... }");
        }
        if (user.hasPath("switchboard")) {
            checkKnown(user.getConfig("switchboard"), defaults.getConfig("switchboard"), "switchboard");
        }
        try {
            return ConfigFactory.load(user.withFallback(ConfigFactory.defaultApplication()));
        } catch (ConfigException e) {
            throw new SettingsException("configuration: " + e.getMessage(), e);
        }
    }

    private static void checkKnown(Config user, Config reference, String prefix) {
        for (Map.Entry<String, ConfigValue> entry : user.root().entrySet()) {
            String key = entry.getKey();
            String path = prefix + "." + key;
            if (!reference.root().containsKey(key)) {
                throw new SettingsException("unknown setting " + path);
            }
            ConfigValue expected = reference.root().get(key);
            ConfigValue given = entry.getValue();
            if (expected.valueType() == ConfigValueType.OBJECT) {
                if (given.valueType() != ConfigValueType.OBJECT) {
                    throw new SettingsException("setting " + path + " must be a block { ... }");
                }
                checkKnown(user.getConfig(quoted(key)), reference.getConfig(quoted(key)), path);
            } else if (expected.valueType() == ConfigValueType.LIST && given.valueType() != ConfigValueType.LIST) {
                throw new SettingsException("setting " + path + " must be a list [ ... ]");
            }
        }
    }

    private static String quoted(String key) {
        return "\"" + key + "\"";
    }
}
