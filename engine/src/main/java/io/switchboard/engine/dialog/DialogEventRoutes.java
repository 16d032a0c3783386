package io.switchboard.engine.dialog;

import io.switchboard.actors.dialog.DialogListener;
import io.switchboard.actors.dialog.DialogSnapshot;
import io.switchboard.engine.proxy.Lanes;
import io.switchboard.engine.route.Route;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dialog module's event routes (seed manual 001, section 11): {@code dialog:start},
 * {@code dialog:end} and {@code dialog:failed} run {@link Route#onDialogEvent} on the lane of the
 * call, so a route sees them in order with the call's messages and the dialog's thread returns at
 * once. A dialog with a {@code $dlg_ctx(timeout_route)} runs that route, by its name, when it times
 * out (before {@code dialog:end}). Events of a dialog this node recovered after a restart are not replayed.
 */
public final class DialogEventRoutes implements DialogListener {

    /** 11.1 {@code event_route[dialog:start]}: the 2xx to the INVITE was processed. */
    public static final String START = "dialog:start";
    /** 11.2 {@code event_route[dialog:end]}: the BYE was processed or the dialog timed out. */
    public static final String END = "dialog:end";
    /** 11.3 {@code event_route[dialog:failed]}: a final reply of 300 or more, or no answer in time. */
    public static final String FAILED = "dialog:failed";

    private static final Logger log = LoggerFactory.getLogger(DialogEventRoutes.class);

    private final Route route;
    private final Lanes lanes;

    public DialogEventRoutes(Route route, Lanes lanes) {
        this.route = route;
        this.lanes = lanes;
    }

    @Override
    public void dialogStarted(DialogSnapshot dialog) {
        run(START, dialog);
    }

    @Override
    public void dialogEnded(DialogSnapshot dialog) {
        run(END, dialog);
    }

    /** {@code $dlg_ctx(timeout_route)}: the route of that name runs as the dialog times out. */
    @Override
    public void dialogTimedOut(DialogSnapshot dialog) {
        run(dialog.attributes().timeoutRoute(), dialog);
    }

    @Override
    public void dialogFailed(DialogSnapshot dialog) {
        run(FAILED, dialog);
    }

    private void run(String event, DialogSnapshot dialog) {
        try {
            lanes.lane(dialog.callId()).execute(() -> {
                try {
                    route.onDialogEvent(event, dialog);
                } catch (RuntimeException e) {
                    log.error("event route {} failed for {}", event, dialog.callId(), e);
                }
            });
        } catch (RejectedExecutionException e) {
            log.debug("event route {} of {} not run: the engine is stopping", event, dialog.callId());
        }
    }
}
