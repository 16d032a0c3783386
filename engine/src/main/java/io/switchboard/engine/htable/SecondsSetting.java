package io.switchboard.engine.htable;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigValueType;
import io.switchboard.engine.config.SettingsException;
import java.time.Duration;

/**
 * A Kamailio time parameter in HOCON: a bare number is seconds, as in Kamailio's
 * {@code modparam("htable", "timer_interval", 20)}; a duration ({@code 20s}, {@code 5m}) works too.
 */
public final class SecondsSetting {

    private SecondsSetting() {
    }

    /**
     * @param block the block holding the setting
     * @param key its name in {@code block}
     * @param prefix the block's path, for the message ({@code switchboard.dlgs})
     * @throws SettingsException naming the setting when it is neither a number nor a duration, or negative
     */
    public static Duration read(Config block, String key, String prefix) {
        try {
            Duration value = block.getValue(key).valueType() == ConfigValueType.NUMBER
                    ? Duration.ofMillis(Math.round(block.getDouble(key) * 1000)) : block.getDuration(key);
            if (value.isNegative()) {
                throw new SettingsException("setting " + prefix + "." + key + " must not be negative, not " + value);
            }
            return value;
        } catch (ConfigException e) {
            throw new SettingsException("setting " + prefix + "." + key + ": " + e.getMessage(), e);
        }
    }

    /** A Kamailio 0/1 switch, also written {@code on}/{@code off} or {@code true}/{@code false}. */
    public static boolean flag(Config block, String key, String prefix) {
        try {
            return block.getValue(key).valueType() == ConfigValueType.NUMBER ? block.getInt(key) != 0
                    : block.getBoolean(key);
        } catch (ConfigException e) {
            throw new SettingsException("setting " + prefix + "." + key + ": " + e.getMessage(), e);
        }
    }
}
