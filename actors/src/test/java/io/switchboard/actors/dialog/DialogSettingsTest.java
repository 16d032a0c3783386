package io.switchboard.actors.dialog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class DialogSettingsTest {

    private static DialogSettings read(String hocon) {
        Config config = ConfigFactory.parseString(hocon).withFallback(ConfigFactory.defaultReference());
        return DialogSettings.fromConfig(config.getConfig("switchboard"));
    }

    @Test
    void theDefaultsAreTheManuals() {
        DialogSettings settings = DialogSettings.defaults();
        assertEquals(Duration.ofHours(12), settings.defaultTimeout());
        assertEquals(Duration.ofMinutes(5), settings.earlyTimeout());
        assertEquals(Duration.ofMinutes(1), settings.noackTimeout());
        assertEquals(Duration.ofMinutes(5), settings.endTimeout());
        assertFalse(settings.timeoutNoreset());
        assertFalse(settings.sendBye());
        assertTrue(settings.detectSpirals());
        assertEquals("did", settings.rrParam());
        assertEquals(MatchMode.DID_ONLY, settings.matchMode());
        assertEquals(Duration.ZERO, settings.kaTimer());
        assertEquals(Duration.ZERO, settings.kaInterval());
        assertEquals(1, settings.kaFailedLimit());
        assertFalse(settings.keepAlives());
    }

    @Test
    void keepAlivesRunWithTimerAndIntervalOfThirtySecondsOrMore() {
        DialogSettings settings = read("switchboard.dialog { ka-timer = 10, ka-interval = 30s, ka-failed-limit = 3 }");
        assertEquals(Duration.ofSeconds(10), settings.kaTimer());
        assertEquals(Duration.ofSeconds(30), settings.kaInterval());
        assertEquals(3, settings.kaFailedLimit());
        assertTrue(settings.keepAlives());
        assertFalse(read("switchboard.dialog { ka-interval = 300 }").keepAlives());
    }

    @Test
    void extraHeadersAndBridgeAddresses() {
        DialogSettings defaults = DialogSettings.defaults();
        assertEquals(LocalHeaders.NONE, defaults.localHeaders());
        assertEquals("sip:controller@kamailio.org", defaults.bridgeController());
        assertEquals("sip:controller@kamailio.org:5060", defaults.bridgeContact());
        DialogSettings set = read("switchboard.dialog { dlg-extra-hdrs = \"Hint: credit expired\\r\\n\","
                + " lreq-callee-headers = \"TH: dlh\\r\\n\", bridge-controller = \"sip:ctd@example.org\" }");
        assertEquals(new LocalHeaders(java.util.List.of("Hint: credit expired"), java.util.List.of("TH: dlh")),
                set.localHeaders());
        assertEquals("sip:ctd@example.org", set.bridgeController());
    }

    @Test
    void bareNumbersAreSecondsAndSwitchesTakeOneOrOn() {
        DialogSettings settings = read("switchboard.dialog { default-timeout = 21600, early-timeout = 3m,"
                + " send-bye = 1, timeout-noreset = on, detect-spirals = 0, dlg-match-mode = 2, rr-param = xyz }");
        assertEquals(Duration.ofSeconds(21600), settings.defaultTimeout());
        assertEquals(Duration.ofMinutes(3), settings.earlyTimeout());
        assertTrue(settings.sendBye());
        assertTrue(settings.timeoutNoreset());
        assertFalse(settings.detectSpirals());
        assertEquals(MatchMode.DID_NONE, settings.matchMode());
        assertEquals("xyz", settings.rrParam());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "default-timeout = 0 | default-timeout",
        "noack-timeout = -5s | noack-timeout",
        "end-timeout = soon | end-timeout",
        "send-bye = 2 | send-bye",
        "timeout-noreset = maybe | timeout-noreset",
        "dlg-match-mode = 3 | dlg-match-mode",
        "rr-param = \"a;b\" | rr-param",
        "ka-timer = -1 | ka-timer",
        "ka-interval = 29 | ka-interval",
        "ka-interval = 10s | ka-interval",
        "ka-failed-limit = 0 | ka-failed-limit",
        "ka-failed-limit = many | ka-failed-limit",
        "dlg-extra-hdrs = \"Hint credit expired\" | dlg-extra-hdrs",
        "lreq-callee-headers = \"CSeq: 1 BYE\" | lreq-callee-headers",
        "bridge-controller = \"controller at example\" | bridge-controller",
        "bridge-contact = \"tel:+1555\" | bridge-contact",
    })
    void aWrongValueNamesItsKey(String setting, String key) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> read("switchboard.dialog { " + setting + " }"));
        assertTrue(e.getMessage().contains("switchboard.dialog." + key), e.getMessage());
    }
}
