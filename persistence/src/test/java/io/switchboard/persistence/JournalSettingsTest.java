package io.switchboard.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class JournalSettingsTest {

    private static Config switchboard(String hocon) {
        return ConfigFactory.parseString(hocon).withFallback(ConfigFactory.defaultReference()).getConfig("switchboard");
    }

    @Test
    void defaultsAreAnH2FileUnderData() {
        JournalSettings settings = JournalSettings.fromConfig(switchboard(""));
        assertEquals(JournalSettings.Kind.H2, settings.journal());
        assertEquals(Path.of("data").toAbsolutePath().normalize(), settings.dataDir());
        assertTrue(settings.durable());
        Config overlay = settings.overlay();
        assertEquals("jdbc-journal", overlay.getString("pekko.persistence.journal.plugin"));
        assertEquals("jdbc-snapshot-store", overlay.getString("pekko.persistence.snapshot-store.plugin"));
        assertEquals("slick.jdbc.H2Profile$", overlay.getString("pekko-persistence-jdbc.shared-databases.switchboard.profile"));
        String url = overlay.getString("pekko-persistence-jdbc.shared-databases.switchboard.db.url");
        assertTrue(url.startsWith("jdbc:h2:file:" + settings.h2File()), url);
        assertTrue(url.contains(";AUTO_SERVER=FALSE"), url);
    }

    @Test
    void memoryUsesTheInMemoryJournalAndNoSnapshots() {
        JournalSettings settings = JournalSettings.fromConfig(switchboard("switchboard.persistence.journal = memory"));
        assertFalse(settings.durable());
        assertEquals("pekko.persistence.journal.switchboard-memory",
                settings.overlay().getString("pekko.persistence.journal.plugin"));
        assertEquals("pekko.persistence.no-snapshot-store",
                settings.overlay().getString("pekko.persistence.snapshot-store.plugin"));
    }

    @Test
    void theOverlayCarriesTheChoice() {
        JournalSettings settings = JournalSettings.fromConfig(switchboard("switchboard.persistence.journal = memory"));
        assertEquals(settings, JournalSettings.fromConfig(settings.overlay().getConfig("switchboard")));
    }

    @Test
    void theJournalNameIsCaseInsensitive() {
        assertEquals(JournalSettings.Kind.MEMORY,
                JournalSettings.fromConfig(switchboard("switchboard.persistence.journal = MEMORY")).journal());
    }

    @Test
    void anUnknownJournalNamesTheKey() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> JournalSettings.fromConfig(switchboard("switchboard.persistence.journal = postgres-ish")));
        assertTrue(e.getMessage().contains("switchboard.persistence.journal"), e.getMessage());
    }

    @Test
    void aBlankDataDirNamesTheKey() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> JournalSettings.fromConfig(switchboard("switchboard.persistence.data-dir = \" \"")));
        assertTrue(e.getMessage().contains("switchboard.persistence.data-dir"), e.getMessage());
    }

    @Test
    void aDataDirThatIsNoStringNamesTheKey() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> JournalSettings.fromConfig(switchboard("switchboard.persistence.data-dir = [a, b]")));
        assertTrue(e.getMessage().contains("switchboard.persistence.data-dir"), e.getMessage());
    }

    @Test
    void postgresSelectsThePluginsOnTheConfiguredDatabaseAndSchema() {
        JournalSettings settings = JournalSettings.fromConfig(switchboard("""
                switchboard.persistence {
                  journal = postgres
                  postgres { url = "jdbc:postgresql://db.example.com/sip?ssl=true", user = sb, password = secret,
                             schema = calls, pool-size = 12 }
                }
                """));
        assertTrue(settings.durable());
        Config database = settings.overlay().getConfig("pekko-persistence-jdbc.shared-databases.switchboard");
        assertEquals("slick.jdbc.PostgresProfile$", database.getString("profile"));
        assertEquals("jdbc:postgresql://db.example.com/sip?ssl=true&currentSchema=calls", database.getString("db.url"));
        assertEquals("sb", database.getString("db.user"));
        assertEquals("secret", database.getString("db.password"));
        assertEquals(12, database.getInt("db.maxConnections"));
        assertEquals(settings, JournalSettings.fromConfig(settings.overlay().getConfig("switchboard")));
    }

    @Test
    void aPostgresUrlOfAnotherDatabaseNamesTheKey() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> JournalSettings.fromConfig(
                switchboard("switchboard.persistence.postgres.url = \"jdbc:mysql://db/sip\"")));
        assertTrue(e.getMessage().contains("switchboard.persistence.postgres.url"), e.getMessage());
    }

    @Test
    void aSchemaThatIsNoPlainNameNamesTheKey() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> JournalSettings.fromConfig(
                switchboard("switchboard.persistence.postgres.schema = \"calls; DROP TABLE x\"")));
        assertTrue(e.getMessage().contains("switchboard.persistence.postgres.schema"), e.getMessage());
    }

    @Test
    void aPoolOfNoConnectionsNamesTheKey() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> JournalSettings.fromConfig(
                switchboard("switchboard.persistence.postgres.pool-size = 0")));
        assertTrue(e.getMessage().contains("switchboard.persistence.postgres.pool-size"), e.getMessage());
    }
}
