package io.switchboard.engine.dispatcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.actors.dispatcher.DispatcherSettings;
import io.switchboard.actors.dispatcher.ProbingMode;
import io.switchboard.engine.Engine;
import io.switchboard.engine.config.ConfigLoader;
import io.switchboard.engine.config.SettingsException;
import io.switchboard.persistence.dispatcher.DestinationListFile;
import io.switchboard.persistence.dispatcher.DestinationTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code switchboard.dispatcher} block: Kamailio's defaults, the sources, and the errors that stop start-up. */
class DispatcherConfigTest {

    private static DispatcherConfig read(String hocon) {
        return DispatcherConfig.read(ConfigLoader.parse("switchboard.dispatcher { " + hocon + " }")
                .getConfig("switchboard"));
    }

    private static String problem(String hocon) {
        return assertThrows(SettingsException.class, () -> read(hocon)).getMessage();
    }

    @Test
    void kamailiosDefaults() {
        DispatcherConfig config = read("");
        assertEquals(DispatcherSettings.DEFAULTS, config.settings());
        assertFalse(config.enabled(), "no list file and no database: the dispatcher is off");
    }

    @Test
    void theManualsParameters() {
        DispatcherSettings s = read("""
                list-file = "/etc/switchboard/dispatcher.list", flags = 3, use-default = 1, force-dst = 0,
                hash-pvar = "$fU@$ci", ds-ping-method = INFO, ds-ping-from = "sip:proxy@sip.somehost.com",
                ds-ping-interval = 30, ds-probing-threshold = 10, ds-inactive-threshold = 10,
                ds-ping-reply-codes = "class=2;code=403;code=488;class=3", ds-probing-mode = 1, ds-hash-size = 9,
                ds-hash-expire = 3600, ds-hash-initexpire = 60, ds-hash-check-interval = 60,
                outbound-proxy = "sip:outbound.example.com"
                """).settings();
        assertTrue(s.hashUserOnly() && s.failover() && s.useDefault() && !s.forceDst());
        assertEquals("$fU@$ci", s.hashPvar());
        assertEquals("INFO", s.pingMethod());
        assertEquals(Duration.ofSeconds(30), s.pingInterval());
        assertEquals(ProbingMode.ALL, s.probingMode());
        assertTrue(s.pingReplyCodes().accepts(488));
        assertTrue(s.countsCallLoad());
        assertEquals(Duration.ofSeconds(60), s.hashInitExpire());
        assertEquals("sip:outbound.example.com", s.outboundProxy());
    }

    @Test
    void timesMayBeDurations() {
        assertEquals(Duration.ofMillis(500), read("ds-ping-interval = 500ms").settings().pingInterval());
    }

    @Test
    void theSourceIsTheListFileOrTheDatabase() {
        assertInstanceOf(DestinationListFile.class, read("list-file = \"d.list\"").source());
        DispatcherConfig db = read("list-file = \"d.list\", db-url = \"jdbc:h2:mem:x\", table-name = gw, setid-col = grp");
        DestinationTable table = assertInstanceOf(DestinationTable.class, db.source());
        assertEquals("gw", table.table());
        assertEquals("grp", table.columns().setId());
    }

    @Test
    void wrongValuesNameTheirSetting() {
        assertEquals("setting switchboard.dispatcher.flags must be between 0 and 3, not 8", problem("flags = 8"));
        assertEquals("setting switchboard.dispatcher.ds-probing-mode must be between 0 and 3, not 4",
                problem("ds-probing-mode = 4"));
        assertTrue(problem("ds-ping-reply-codes = \"code=99\"").startsWith(
                "setting switchboard.dispatcher.ds-ping-reply-codes: 'code=99'"));
        assertTrue(problem("hash-pvar = \"$avp(x)\"").startsWith("setting switchboard.dispatcher.hash-pvar:"));
        assertTrue(problem("ds-ping-from = \"not a uri\"").startsWith("setting switchboard.dispatcher.ds-ping-from:"));
        assertTrue(problem("table-name = \"x; drop\", db-url = \"jdbc:h2:mem:y\"")
                .startsWith("setting switchboard.dispatcher.table-name:"));
        assertEquals("setting switchboard.dispatcher.ds-hash-check-interval must be above 0, not PT0S",
                problem("ds-hash-check-interval = 0"));
    }

    @Test
    void unknownSettingsStopStartUp() {
        assertEquals("unknown setting switchboard.dispatcher.dst-avp",
                assertThrows(SettingsException.class, () -> ConfigLoader.parse("switchboard.dispatcher.dst-avp = x"))
                        .getMessage());
    }

    @Test
    void aListThatDoesNotLoadStopsTheEngineNamingTheLine(@TempDir Path dir) throws Exception {
        Path list = dir.resolve("dispatcher.list");
        Files.writeString(list, "1 sip:127.0.0.1:7070\n1 sip:127.0.0.1:7072 x\n");
        SettingsException e = assertThrows(SettingsException.class, () -> Engine.start(ConfigLoader.parse(
                "switchboard { listen = [\"udp:127.0.0.1:0\"], rpc.listen = \"127.0.0.1:0\", dispatcher.list-file = \""
                        + list + "\" }")));
        assertEquals("dispatcher: " + list + " line 2: flags 'x' is not a number", e.getMessage());
    }
}
