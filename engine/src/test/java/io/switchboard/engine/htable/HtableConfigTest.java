package io.switchboard.engine.htable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.switchboard.actors.htable.HtableSettings;
import io.switchboard.engine.config.ConfigLoader;
import io.switchboard.engine.config.SettingsException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** switchboard.htable and switchboard.proxy.ipban: defaults, and wrong settings stopping start-up by name. */
class HtableConfigTest {

    private static HtableSettings read(String hocon) {
        return HtableConfig.read(ConfigLoader.parse("switchboard { " + hocon + " }").getConfig("switchboard"));
    }

    private static String refused(String hocon) {
        return assertThrows(SettingsException.class, () -> TestEngine.start(hocon)).getMessage();
    }

    @Test
    void kamailiosDefaults() {
        HtableSettings settings = read("");
        assertEquals(0, settings.tables().size());
        assertEquals("::size", settings.arraySizeSuffix());
        assertEquals(Duration.ofSeconds(20), settings.timerInterval());
        assertEquals(false, settings.dbExpires());
        assertEquals(null, settings.database());
    }

    @Test
    void aBareNumberIsSecondsAsInKamailio() {
        assertEquals(Duration.ofSeconds(10), read("htable.timer-interval = 10").timerInterval());
        assertEquals(Duration.ofMillis(500), read("htable.timer-interval = 500ms").timerInterval());
        assertEquals(true, read("htable.db-expires = 1").dbExpires());
    }

    @Test
    void aBadDefinitionStopsStartUpNamingIt() {
        assertEquals("setting switchboard.htable.tables[1]: table b: unknown attribute 'autoexpires'",
                refused("htable.tables = [\"a=>size=4\", \"b=>autoexpires=300\"]"));
        assertEquals("setting switchboard.htable: table a is defined twice",
                refused("htable.tables = [\"a=>\", \"a=>size=8\"]"));
        assertEquals("setting switchboard.htable: table u has dbtable=users but no db-url is set",
                refused("htable.tables = [\"u=>dbtable=users\"]"));
        assertEquals("setting switchboard.htable.timer-interval must not be negative, not PT-1S",
                refused("htable.timer-interval = -1"));
    }

    @Test
    void aTableThatCannotBeLoadedStopsStartUp() {
        String message = refused("htable { tables = [\"u=>dbtable=no_such_table\"], db-url = "
                + "\"jdbc:h2:mem:htable_config_test\" }");
        assertEquals(true, message.startsWith("setting switchboard.htable.tables: cannot load table u from no_such_table"),
                message);
    }

    /** The ban rule's settings with the two tables defined as {@code ban} and {@code count}. */
    private static String banRule(String ban, String count, String rule) {
        return "htable.tables = [\"ipban=>" + ban + "\", \"ipcount=>" + count + "\"],"
                + " proxy.ipban { table = ipban, count-table = ipcount" + rule + " }";
    }

    @Test
    void theBanRuleNeedsItsTablesDefinedAsItUsesThem() {
        String window = "autoexpire=10;updateexpire=0;initval=0";
        assertEquals("setting switchboard.proxy.ipban.table: no table 'ipban' in switchboard.htable.tables",
                refused("proxy.ipban.table = ipban"));
        assertEquals("setting switchboard.proxy.ipban.count-table: table ipcount needs an autoexpire (the window)"
                + " and initval=0", refused(banRule("autoexpire=300", "autoexpire=10", "")));
        assertEquals("setting switchboard.proxy.ipban.table: table ipban needs an autoexpire (the ban time)"
                + " and no initval", refused(banRule("", window, "")));
        assertEquals("setting switchboard.proxy.ipban.action must be reply or drop, not ignore",
                refused(banRule("autoexpire=300", window, ", action = ignore")));
    }

    /** updateexpire=1, Kamailio's default, would let a slow but steady sender's count grow until it is banned. */
    @Test
    void theBanRuleRefusesACountTableWhoseWindowRestartsWithEachRequest() {
        String refusal = "setting switchboard.proxy.ipban.count-table: table ipcount needs updateexpire=0: with"
                + " updateexpire=1 each request restarts the window, so an address that keeps sending is banned"
                + " however slowly it sends";
        assertEquals(refusal, refused(banRule("autoexpire=300", "autoexpire=10;initval=0", "")), "the default");
        assertEquals(refusal, refused(banRule("autoexpire=300", "autoexpire=10;updateexpire=1;initval=0", "")));
    }
}
