package io.switchboard.actors.dlgs;

import java.time.Duration;

/**
 * The dlgs module's parameters (Kamailio dlgs README §3): how long a record is kept once
 * confirmed ({@code active_lifetime}, 10800 s), before it is answered ({@code init_lifetime},
 * 180 s) and after it ended ({@code finish_lifetime}, 10 s), and how often the records past them
 * are removed ({@code timer_interval}, 30 s).
 */
public record DlgsSettings(Duration activeLifetime, Duration initLifetime, Duration finishLifetime,
        Duration timerInterval) {

    public DlgsSettings {
        if (timerInterval.isZero() || timerInterval.isNegative()) {
            throw new IllegalArgumentException("timer-interval must be positive, not " + timerInterval);
        }
    }
}
