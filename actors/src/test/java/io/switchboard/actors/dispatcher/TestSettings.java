package io.switchboard.actors.dispatcher;

import java.time.Duration;

/** Dispatcher settings for the tests: Kamailio's defaults with the few that matter changed. */
final class TestSettings {

    private TestSettings() {
    }

    static DispatcherSettings selection(int flags, boolean useDefault) {
        DispatcherSettings d = DispatcherSettings.DEFAULTS;
        return new DispatcherSettings(flags, useDefault, d.forceDst(), d.hashPvar(), d.pingMethod(), d.pingFrom(),
                d.pingInterval(), d.probingThreshold(), d.inactiveThreshold(), d.pingReplyCodes(), d.probingMode(), 8,
                d.hashExpire(), d.hashInitExpire(), d.hashCheckInterval(), d.outboundProxy());
    }

    static DispatcherSettings probing(Duration interval, ProbingMode mode, int probingThreshold,
            int inactiveThreshold) {
        DispatcherSettings d = DispatcherSettings.DEFAULTS;
        return new DispatcherSettings(DispatcherSettings.FAILOVER, false, true, "", d.pingMethod(), d.pingFrom(),
                interval, probingThreshold, inactiveThreshold, d.pingReplyCodes(), mode, 8, Duration.ofSeconds(3600),
                Duration.ofSeconds(60), Duration.ofSeconds(30), "");
    }
}
