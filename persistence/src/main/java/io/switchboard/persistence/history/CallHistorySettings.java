package io.switchboard.persistence.history;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import java.time.Duration;

/**
 * {@code switchboard.dialog.history}: whether ended calls leave a record, how the writer batches
 * them ({@code batch-size} records or {@code flush-interval}, whichever comes first) and how many
 * the memory journal keeps ({@code memory-size}). A wrong value is an
 * {@link IllegalArgumentException} naming the key.
 */
public record CallHistorySettings(boolean enabled, int batchSize, Duration flushInterval, int memorySize) {

    /** Path of the settings block within the root configuration. */
    public static final String PATH = "switchboard.dialog.history";

    /** Records waiting for the database beyond this many batches are dropped and counted as errors. */
    static final int PENDING_BATCHES = 100;

    /** Reads {@code dialog.history} of the {@code switchboard} block. */
    public static CallHistorySettings fromConfig(Config switchboard) {
        Config history = switchboard.getConfig("dialog.history");
        boolean enabled;
        Duration interval;
        try {
            enabled = history.getBoolean("enable");
        } catch (ConfigException e) {
            throw new IllegalArgumentException("setting " + PATH + ".enable must be on or off: " + e.getMessage(), e);
        }
        try {
            interval = history.getDuration("flush-interval");
        } catch (ConfigException e) {
            throw new IllegalArgumentException("setting " + PATH + ".flush-interval must be a duration: "
                    + e.getMessage(), e);
        }
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("setting " + PATH + ".flush-interval must be positive, not " + interval);
        }
        return new CallHistorySettings(enabled, positive(history, "batch-size"), interval,
                positive(history, "memory-size"));
    }

    private static int positive(Config history, String key) {
        int value;
        try {
            value = history.getInt(key);
        } catch (ConfigException e) {
            throw new IllegalArgumentException("setting " + PATH + "." + key + " must be a number: " + e.getMessage(),
                    e);
        }
        if (value < 1) {
            throw new IllegalArgumentException("setting " + PATH + "." + key + " must be 1 or more, not " + value);
        }
        return value;
    }

    /** How many records may wait for the database. */
    int maxPending() {
        return batchSize * PENDING_BATCHES;
    }
}
