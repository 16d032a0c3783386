package io.switchboard.actors.dialog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A {@link DialogListener} that queues "started", "ended", "timed out" and "failed" with the dialog's state for a test to take. */
final class RecordingListener implements DialogListener {

    private final BlockingQueue<String> events = new LinkedBlockingQueue<>();

    @Override
    public void dialogStarted(DialogSnapshot dialog) {
        events.add("started " + dialog.callId() + " " + dialog.state());
    }

    @Override
    public void dialogEnded(DialogSnapshot dialog) {
        events.add("ended " + dialog.callId() + " " + dialog.endCause());
    }

    @Override
    public void dialogTimedOut(DialogSnapshot dialog) {
        events.add("timed out " + dialog.callId() + " " + dialog.attributes().timeoutRoute());
    }

    @Override
    public void dialogFailed(DialogSnapshot dialog) {
        events.add("failed " + dialog.callId() + " " + (dialog.endCause() != null ? dialog.endCause() : dialog.failureCode()));
    }

    /** Waits up to five seconds for the next hook and checks it. */
    void expect(String event) throws InterruptedException {
        assertEquals(event, events.poll(5, TimeUnit.SECONDS));
    }

    void expectNothing() {
        assertNull(events.poll());
    }
}
