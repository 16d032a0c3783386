package io.switchboard.engine.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file over the embedded defaults, and the keys it may not add or mistype. */
class ConfigLoaderTest {

    @TempDir
    Path dir;

    @Test
    void defaultsHoldTheReferenceValues() {
        Config c = ConfigLoader.defaults().getConfig("switchboard");
        assertEquals(List.of("udp:127.0.0.1:5060", "tcp:127.0.0.1:5060"), c.getStringList("listen"));
        assertEquals("proxy", c.getString("route"));
        assertEquals(70, c.getInt("maxfwd.max-limit"));
        assertEquals(List.of(), c.getStringList("proxy.destinations"));
    }

    @Test
    void parsedSettingsOverrideTheDefaultsAndKeepTheRest() {
        Config c = ConfigLoader.parse("switchboard { route = com.example.MyRoute, maxfwd.max-limit = 16 }")
                .getConfig("switchboard");
        assertEquals("com.example.MyRoute", c.getString("route"));
        assertEquals(16, c.getInt("maxfwd.max-limit"));
        assertEquals(List.of("udp:127.0.0.1:5060", "tcp:127.0.0.1:5060"), c.getStringList("listen"));
    }

    @Test
    void settingsOutsideTheSwitchboardBlockAreNotChecked() {
        Config c = ConfigLoader.parse("pekko.loglevel = DEBUG\nmy-route { anything = 1 }");
        assertEquals("DEBUG", c.getString("pekko.loglevel"));
        assertEquals(1, c.getInt("my-route.anything"));
    }

    @Test
    void unknownKeyIsNamed() {
        SettingsException e = assertThrows(SettingsException.class,
                () -> ConfigLoader.parse("switchboard { bogus = 1 }"));
        assertTrue(e.getMessage().contains("switchboard.bogus"), e.getMessage());
    }

    @Test
    void unknownNestedKeyIsNamedByItsFullPath() {
        SettingsException e = assertThrows(SettingsException.class,
                () -> ConfigLoader.parse("switchboard.tm { t9 = 1s }"));
        assertTrue(e.getMessage().contains("switchboard.tm.t9"), e.getMessage());
    }

    @Test
    void scalarWhereAListBelongsIsNamed() {
        SettingsException e = assertThrows(SettingsException.class,
                () -> ConfigLoader.parse("switchboard.listen = 5"));
        assertTrue(e.getMessage().contains("switchboard.listen"), e.getMessage());
    }

    @Test
    void scalarWhereABlockBelongsIsNamed() {
        SettingsException e = assertThrows(SettingsException.class,
                () -> ConfigLoader.parse("switchboard.tm = 5"));
        assertTrue(e.getMessage().contains("switchboard.tm"), e.getMessage());
    }

    @Test
    void malformedHoconStringIsASettingsException() {
        assertThrows(SettingsException.class, () -> ConfigLoader.parse("switchboard { route = "));
    }

    @Test
    void fileOverridesTheDefaults() throws Exception {
        Path file = write("switchboard.conf", "switchboard {\n  listen = [\"udp:127.0.0.1:5090\"]\n  tm.t1 = 250ms\n}\n");
        Config c = ConfigLoader.load(file).getConfig("switchboard");
        assertEquals(List.of("udp:127.0.0.1:5090"), c.getStringList("listen"));
        assertEquals(250, c.getDuration("tm.t1").toMillis());
        assertEquals(4000, c.getDuration("tm.t2").toMillis());
    }

    @Test
    void missingFileIsNamed() {
        Path missing = dir.resolve("nowhere.conf");
        SettingsException e = assertThrows(SettingsException.class, () -> ConfigLoader.load(missing));
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
    }

    @Test
    void malformedFileIsNamed() throws Exception {
        Path file = write("broken.conf", "switchboard {\n  route = proxy\n  listen = [\"udp:127.0.0.1:5060\"\n");
        SettingsException e = assertThrows(SettingsException.class, () -> ConfigLoader.load(file));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    }

    @Test
    void unknownKeyInAFileIsNamed() throws Exception {
        Path file = write("unknown.conf", "switchboard.maxfwd { max-limt = 10 }\n");
        SettingsException e = assertThrows(SettingsException.class, () -> ConfigLoader.load(file));
        assertTrue(e.getMessage().contains("switchboard.maxfwd.max-limt"), e.getMessage());
    }

    @Test
    void fileWithAScalarSwitchboardIsASettingsException() throws Exception {
        Path file = write("scalar.conf", "switchboard = 5\n");
        assertThrows(SettingsException.class, () -> ConfigLoader.load(file));
    }

    private Path write(String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }
}
