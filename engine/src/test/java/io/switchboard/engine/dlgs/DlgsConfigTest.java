package io.switchboard.engine.dlgs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.actors.dlgs.DlgsSettings;
import io.switchboard.engine.config.ConfigLoader;
import io.switchboard.engine.config.SettingsException;
import io.switchboard.engine.htable.TestEngine;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * switchboard.dlgs (seed manual 000, dlgs README §3): Kamailio's defaults, its bare numbers of
 * seconds, and wrong values stopping start-up by name.
 */
class DlgsConfigTest {

    private static DlgsSettings read(String hocon) {
        return DlgsConfig.read(ConfigLoader.parse("switchboard { " + hocon + " }").getConfig("switchboard"));
    }

    private static String refused(String hocon) {
        return assertThrows(SettingsException.class, () -> TestEngine.start(hocon)).getMessage();
    }

    /** §3.1 active_lifetime "Default value is 10800 (3 hours)", §3.2 timer_interval "Default value is 30". */
    @Test
    void kamailiosDefaults() {
        DlgsSettings settings = read("");
        assertEquals(Duration.ofSeconds(10800), settings.activeLifetime());
        assertEquals(Duration.ofSeconds(30), settings.timerInterval());
        assertFalse(DlgsConfig.enabled(ConfigLoader.parse("").getConfig("switchboard")),
                "the built-in route tracks no calls");
    }

    /** The manual's examples 1.1 and 1.2, modparam("dlgs", "active_lifetime", 3600) and ("timer_interval", 60). */
    @Test
    void aBareNumberIsSecondsAsInKamailio() {
        DlgsSettings settings = read("dlgs { active-lifetime = 3600, timer-interval = 60 }");
        assertEquals(Duration.ofSeconds(3600), settings.activeLifetime());
        assertEquals(Duration.ofSeconds(60), settings.timerInterval());
        assertEquals(Duration.ofMinutes(2), read("dlgs.timer-interval = 2m").timerInterval(), "a duration works too");
        assertTrue(DlgsConfig.enabled(ConfigLoader.parse("switchboard.dlgs.enable = 1").getConfig("switchboard")));
    }

    @Test
    void aBadValueStopsStartUpNamingIt() {
        assertEquals("setting switchboard.dlgs.timer-interval must be positive, not PT0S",
                refused("dlgs.timer-interval = 0"));
        assertEquals("setting switchboard.dlgs.active-lifetime must not be negative, not PT-1S",
                refused("dlgs.active-lifetime = -1"));
        String message = refused("dlgs.init-lifetime = forever");
        assertTrue(message.startsWith("setting switchboard.dlgs.init-lifetime: "), message);
    }
}
