package io.switchboard.engine.config;

/**
 * A setting that is wrong: unknown, of the wrong type or out of range. The message names the
 * setting by its full path, so start-up stops with something an operator can fix.
 */
public final class SettingsException extends RuntimeException {

    public SettingsException(String message) {
        super(message);
    }

    public SettingsException(String message, Throwable cause) {
        super(message, cause);
    }
}
