package io.switchboard.actors.dlgs;

import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * Runs {@link DlgsTable#sweep} every {@code timer_interval} (Kamailio dlgs README §3.4), on the
 * actor system's scheduler (so tests drive it with manual time).
 */
public final class DlgsSweeper {

    /** What the sweeper takes: only its own timer's ticks. */
    public interface Command {
    }

    private enum Tick implements Command {
        INSTANCE
    }

    private DlgsSweeper() {
    }

    public static Behavior<Command> create(DlgsTable table) {
        return Behaviors.setup(context -> Behaviors.withTimers(timers -> {
            timers.startTimerAtFixedRate(Tick.INSTANCE, table.settings().timerInterval());
            return Behaviors.receiveMessage(tick -> {
                table.sweep();
                return Behaviors.same();
            });
        }));
    }
}
