package io.switchboard.engine.dialog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.switchboard.actors.dialog.MatchMode;
import io.switchboard.engine.config.ConfigLoader;
import io.switchboard.engine.config.SettingsException;
import java.util.OptionalInt;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** {@code switchboard.dialog.dlg-flag} (seed manual 001, 6.4) and the manual's defaults as the engine reads them. */
class DialogConfigTest {

    private static DialogConfig read(String hocon) {
        return DialogConfig.read(ConfigLoader.parse(hocon).getConfig("switchboard"));
    }

    @Test
    void theDefaultsAreTheManuals() {
        DialogConfig config = read("");
        assertEquals(OptionalInt.empty(), config.dlgFlag(), "dlg_flag: none");
        assertEquals(MatchMode.DID_ONLY, config.dialog().matchMode(), "dlg_match_mode: 0");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 4, 31})
    void aFlagNumberIsTheDlgFlag(int flag) {
        assertEquals(OptionalInt.of(flag), read("switchboard.dialog.dlg-flag = " + flag).dlgFlag());
    }

    @Test
    void noneOrNullOrLeftOutIsNoFlag() {
        assertEquals(OptionalInt.empty(), read("switchboard.dialog.dlg-flag = none").dlgFlag());
        assertEquals(OptionalInt.empty(), read("switchboard.dialog.dlg-flag = null").dlgFlag());
        Config without = ConfigFactory.parseString("dialog.enable = on");
        assertEquals(OptionalInt.empty(), DialogConfig.dlgFlag(without));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "32", "4.5", "yes", "\"4\"", "[4]"})
    void anythingElseStopsStartUpNamingTheKey(String value) {
        SettingsException e = assertThrows(SettingsException.class,
                () -> read("switchboard.dialog.dlg-flag = " + value));
        assertTrue(e.getMessage().contains("switchboard.dialog.dlg-flag"), e.getMessage());
    }
}
