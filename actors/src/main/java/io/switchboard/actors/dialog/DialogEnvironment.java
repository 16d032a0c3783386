package io.switchboard.actors.dialog;

import java.time.Clock;
import java.util.Objects;

/**
 * What the dialog entities of one node share: the settings, the sender of generated requests,
 * the statistics, the directory of live dialogs, the event-route listener and the clock every
 * absolute deadline is read from (a test moves it together with Pekko's manual time).
 */
public record DialogEnvironment(DialogSettings settings, InDialogSender sender, DialogStatistics statistics,
        DialogDirectory directory, DialogListener listener, Clock clock) {

    public DialogEnvironment {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(statistics, "statistics");
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(clock, "clock");
    }

    /** New statistics and directory, no listener, the system clock. */
    public static DialogEnvironment create(DialogSettings settings, InDialogSender sender) {
        return new DialogEnvironment(settings, sender, new DialogStatistics(), new DialogDirectory(),
                DialogListener.NONE, Clock.systemUTC());
    }
}
