package io.switchboard.engine.capture;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import io.switchboard.engine.config.SettingsException;

/**
 * The {@code switchboard.capture} block: where the engine writes what it receives and sends, as
 * pcap, and how much it keeps.
 *
 * @param file the pcap file; empty: no capture at start-up ({@code capture.start FILE} starts one)
 * @param maxSize the size at which a file is rotated, in bytes
 * @param maxFiles how many files are kept, the one being written included
 */
public record CaptureSettings(String file, long maxSize, int maxFiles) {

    /** The smallest {@code max-size}: a file header and one largest packet. */
    static final long MIN_SIZE = 128 * 1024;

    public CaptureSettings {
        if (maxSize < MIN_SIZE) {
            throw new SettingsException("setting switchboard.capture.max-size must be at least " + MIN_SIZE
                    + " bytes, not " + maxSize);
        }
        if (maxFiles < 1 || maxFiles > 1000) {
            throw new SettingsException("setting switchboard.capture.max-files must be between 1 and 1000, not "
                    + maxFiles);
        }
    }

    /** Reads {@code capture} of the {@code switchboard} block. */
    public static CaptureSettings from(Config switchboard) {
        try {
            return new CaptureSettings(switchboard.getString("capture.file"),
                    switchboard.getBytes("capture.max-size"), switchboard.getInt("capture.max-files"));
        } catch (ConfigException e) {
            throw new SettingsException("setting switchboard.capture: " + e.getMessage(), e);
        }
    }

    /** The same limits for another file. */
    public CaptureSettings withFile(String other) {
        return new CaptureSettings(other, maxSize, maxFiles);
    }
}
