package io.switchboard.engine.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.transport.net.ListenAddress;
import io.switchboard.transport.net.Transport;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The typed, checked view of the {@code switchboard} block. */
class EngineSettingsTest {

    @Test
    void defaults() {
        EngineSettings s = EngineSettings.from(ConfigLoader.defaults());
        assertEquals(List.of(new ListenAddress(Transport.UDP, "127.0.0.1", 5060),
                new ListenAddress(Transport.TCP, "127.0.0.1", 5060)), s.listen());
        assertEquals("proxy", s.route());
        assertEquals(List.of(), s.aliases());
        assertEquals(Duration.ofMillis(500), s.timers().t1());
        assertEquals(Duration.ofSeconds(4), s.timers().t2());
        assertEquals(Duration.ofSeconds(5), s.timers().t4());
        assertEquals(Duration.ofMillis(200), s.timers().tryingDelay());
        assertEquals(Duration.ofSeconds(5), s.timers().wtTimer(), "Kamailio's wt_timer default");
        assertEquals(Duration.ofSeconds(5), s.timers().timerJ(false));
        assertEquals(70, s.maxForwardsLimit());
        assertEquals(65535, s.limits().maxMessageSize());
        assertEquals(Duration.ofSeconds(40), s.shutdownTimeout());
        assertEquals(Runtime.getRuntime().availableProcessors(), s.lanes());
        assertEquals(4 << 20, s.udpReceiveBuffer());
    }

    @Test
    void readsGivenValues() {
        EngineSettings s = settings("switchboard { listen = [\"tcp:[::1]:5070\"], aliases = [\"proxy.example.com\"],"
                + " tm { t1 = 100ms, t2 = 1s, wt-timer = 32s }, maxfwd.max-limit = 256, ingress.lanes = 3,"
                + " udp-receive-buffer = 512KiB }");
        assertEquals(List.of(new ListenAddress(Transport.TCP, "::1", 5070)), s.listen());
        assertEquals(List.of("proxy.example.com"), s.aliases());
        assertEquals(Duration.ofMillis(100), s.timers().t1());
        assertEquals(Duration.ofSeconds(1), s.timers().t2());
        assertEquals(Duration.ofSeconds(32), s.timers().timerL());
        assertEquals(256, s.maxForwardsLimit());
        assertEquals(3, s.lanes());
        assertEquals(512 << 10, s.udpReceiveBuffer());
    }

    @Test
    void udpReceiveBufferOutOfRangeIsNamed() {
        assertNames("switchboard.udp-receive-buffer", "switchboard.udp-receive-buffer = 1GiB");
        assertNames("switchboard.udp-receive-buffer", "switchboard.udp-receive-buffer = lots");
    }

    @Test
    void wtTimerThatIsNotPositiveIsNamed() {
        assertTrue(assertNames("switchboard.tm", "switchboard.tm.wt-timer = 0s").getMessage().contains("wt-timer"));
        assertNames("switchboard.tm.wt-timer", "switchboard.tm.wt-timer = soon");
    }

    @Test
    void badListenAddressIsNamedByIndex() {
        assertNames("switchboard.listen[0]", "switchboard.listen = [\"sctp:1.2.3.4:5060\"]");
        assertNames("switchboard.listen[1]", "switchboard.listen = [\"udp:1.2.3.4\", \"tcp:1.2.3.4:99999\"]");
    }

    @Test
    void emptyListenIsRejected() {
        assertNames("switchboard.listen", "switchboard.listen = []");
    }

    @Test
    void maxForwardsLimitOutOfRangeIsNamed() {
        assertNames("switchboard.maxfwd.max-limit", "switchboard.maxfwd.max-limit = 0");
        assertNames("switchboard.maxfwd.max-limit", "switchboard.maxfwd.max-limit = 257");
        assertNames("switchboard.maxfwd.max-limit", "switchboard.maxfwd.max-limit = many");
    }

    @Test
    void malformedDurationIsNamed() {
        assertNames("switchboard.ingress.retry-after", "switchboard.ingress.retry-after = soon");
    }

    @Test
    void malformedTimerNamesTheTimersBlock() {
        assertNames("switchboard.tm", "switchboard.tm.t1 = abc");
    }

    @Test
    void malformedTimerIsNamedByItsFullPath() {
        assertNames("switchboard.tm.t1", "switchboard.tm.t1 = abc");
    }

    @Test
    void t2ShorterThanT1IsRejected() {
        SettingsException e = assertNames("switchboard.tm", "switchboard.tm { t1 = 2s, t2 = 1s }");
        assertTrue(e.getMessage().contains("T2"), e.getMessage());
    }

    @Test
    void nonPositiveTimerIsRejected() {
        assertNames("switchboard.tm", "switchboard.tm.t4 = 0s");
    }

    private static EngineSettings settings(String hocon) {
        return EngineSettings.from(ConfigLoader.parse(hocon));
    }

    private static SettingsException assertNames(String key, String hocon) {
        SettingsException e = assertThrows(SettingsException.class, () -> settings(hocon));
        assertTrue(e.getMessage().contains(key), "'" + key + "' not named in: " + e.getMessage());
        return e;
    }
}
