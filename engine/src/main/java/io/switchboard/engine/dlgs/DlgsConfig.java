package io.switchboard.engine.dlgs;

import com.typesafe.config.Config;
import io.switchboard.actors.dlgs.DlgsSettings;
import io.switchboard.engine.config.SettingsException;
import io.switchboard.engine.htable.SecondsSetting;

/**
 * Reads {@code switchboard.dlgs}: Kamailio's dlgs parameters in kebab-case (dlgs README §3;
 * {@code hash_size} has no use here) and {@code enable}, whether the built-in route tracks calls.
 */
public final class DlgsConfig {

    private static final String PREFIX = "switchboard.dlgs";

    private DlgsConfig() {
    }

    /** The module's settings from the {@code switchboard} block. */
    public static DlgsSettings read(Config switchboard) {
        Config c = switchboard.getConfig("dlgs");
        try {
            return new DlgsSettings(SecondsSetting.read(c, "active-lifetime", PREFIX),
                    SecondsSetting.read(c, "init-lifetime", PREFIX), SecondsSetting.read(c, "finish-lifetime", PREFIX),
                    SecondsSetting.read(c, "timer-interval", PREFIX));
        } catch (IllegalArgumentException e) {
            throw new SettingsException("setting " + PREFIX + "." + e.getMessage(), e);
        }
    }

    /** {@code dlgs.enable}: the built-in proxy route calls {@code dlgs_init} and {@code dlgs_update}. */
    public static boolean enabled(Config switchboard) {
        return SecondsSetting.flag(switchboard.getConfig("dlgs"), "enable", PREFIX);
    }
}
