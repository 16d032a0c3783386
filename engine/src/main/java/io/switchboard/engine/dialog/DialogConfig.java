package io.switchboard.engine.dialog;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import io.switchboard.actors.ClusterNode;
import io.switchboard.actors.dialog.DialogSettings;
import io.switchboard.engine.config.SettingsException;
import io.switchboard.engine.route.MessageFlags;
import io.switchboard.persistence.JournalSettings;
import io.switchboard.persistence.history.CallHistorySettings;
import java.time.Duration;
import java.util.OptionalInt;

/**
 * What the dialog module needs before the actor system starts, read from the {@code switchboard}
 * block: the journal ({@code switchboard.persistence}), the dialog module's parameters
 * ({@code switchboard.dialog}, seed manual 001 section 6), {@code dialog.dlg-flag} (6.4: the
 * request flag that has an initial INVITE tracked, which only the routing reads) and the engine's
 * own two: {@code dialog.enable} (the built-in route tracks INVITEs) and {@code dialog.ask-timeout}
 * (how long a route waits for a dialog's answer), the call history ({@code dialog.history}) and
 * {@code dialog.track-cseq-updates} (6.57: accepted, 0 or 1; Switchboard never shifts a relayed
 * CSeq, so there is nothing to track). A wrong value is a {@link SettingsException} that
 * names the key. The actor system is a cluster node by the engine's {@code application.conf}.
 */
public record DialogConfig(JournalSettings journal, DialogSettings dialog, OptionalInt dlgFlag, boolean enabled,
        Duration askTimeout, CallHistorySettings history, boolean trackCseqUpdates) {

    /** Reads and checks the settings. */
    public static DialogConfig read(Config switchboard) {
        try {
            return new DialogConfig(JournalSettings.fromConfig(switchboard), DialogSettings.fromConfig(switchboard),
                    dlgFlag(switchboard), enabled(switchboard), askTimeout(switchboard),
                    CallHistorySettings.fromConfig(switchboard), trackCseqUpdates(switchboard));
        } catch (IllegalArgumentException e) {
            throw new SettingsException(e.getMessage(), e);
        }
    }

    /**
     * {@code switchboard.dialog.dlg-flag}: a flag number, 0 to 31, or {@code none} (Kamailio's
     * default), which is also what leaving it out or {@code null} means.
     */
    static OptionalInt dlgFlag(Config switchboard) {
        if (!switchboard.hasPath("dialog.dlg-flag")) {
            return OptionalInt.empty();
        }
        Object value = switchboard.getValue("dialog.dlg-flag").unwrapped();
        if ("none".equals(value)) {
            return OptionalInt.empty();
        }
        if (value instanceof Integer flag && flag >= 0 && flag <= MessageFlags.MAX_FLAG) {
            return OptionalInt.of(flag);
        }
        throw new IllegalArgumentException("setting " + DialogSettings.PATH
                + ".dlg-flag must be a flag number from 0 to " + MessageFlags.MAX_FLAG + ", or none, not " + value);
    }

    /** {@code switchboard.dialog.enable}: whether the built-in proxy route tracks initial INVITEs. */
    public static boolean enabled(Config switchboard) {
        try {
            return switchboard.getBoolean("dialog.enable");
        } catch (ConfigException e) {
            throw new IllegalArgumentException("setting " + DialogSettings.PATH + ".enable must be on or off: "
                    + e.getMessage(), e);
        }
    }

    private static boolean trackCseqUpdates(Config switchboard) {
        Object value = switchboard.getValue("dialog.track-cseq-updates").unwrapped();
        if (value instanceof Integer flag && (flag == 0 || flag == 1)) {
            return flag == 1;
        }
        throw new IllegalArgumentException("setting " + DialogSettings.PATH + ".track-cseq-updates must be 0 or 1, not "
                + value);
    }

    private static Duration askTimeout(Config switchboard) {
        Duration timeout;
        try {
            timeout = switchboard.getDuration("dialog.ask-timeout");
        } catch (ConfigException e) {
            throw new IllegalArgumentException("setting " + DialogSettings.PATH + ".ask-timeout must be a duration: "
                    + e.getMessage(), e);
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("setting " + DialogSettings.PATH + ".ask-timeout must be positive, not "
                    + timeout);
        }
        return timeout;
    }

    /**
     * The configuration of the actor system: the journal's and this cluster node's Pekko settings
     * ({@code switchboard.persistence}, {@code switchboard.cluster}) laid over {@code root} (they
     * cannot be defaults in a {@code reference.conf}, see {@link JournalSettings#overlay()}).
     */
    public Config overlay(Config root) {
        ClusterNode node;
        try {
            node = ClusterNode.fromConfig(root.getConfig("switchboard"));
        } catch (IllegalArgumentException e) {
            throw new SettingsException(e.getMessage(), e);
        }
        return journal.overlay().withFallback(node.overlay()).withFallback(root);
    }
}
