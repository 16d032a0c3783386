package io.switchboard.engine.dialog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.actors.dialog.DialogSnapshot;
import io.switchboard.actors.dialog.DialogState;
import io.switchboard.actors.dialog.Dialogs;
import io.switchboard.engine.Engine;
import io.switchboard.engine.dispatcher.UdpDestination;
import io.switchboard.engine.htable.TestEngine;
import io.switchboard.engine.route.RequestContext;
import io.switchboard.engine.route.Route;
import io.switchboard.transport.message.HeaderName;
import io.switchboard.transport.message.SipRequest;
import io.switchboard.transport.message.SipResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code dlg_flag} (seed manual 001, 6.4) in a running engine: an initial INVITE whose route sets
 * {@code dialog.dlg-flag} is tracked as it is relayed, as after {@code dlg_manage()} — its
 * Record-Route carries the cookie and its 180 moves the dialog — while one whose flag is not set,
 * or was reset, is relayed without a dialog. One UDP socket is both the caller and the callee,
 * which answers every INVITE 180 ({@link UdpDestination}).
 */
class DlgFlagTest {

    private static final int DLG_FLAG = 4;
    private static final long WAIT_NANOS = TimeUnit.SECONDS.toNanos(10);

    /** Sets the dlg-flag on every request; resets it for the user {@code untracked}, sets 32 for {@code bad}. */
    public static final class FlaggingRoute implements Route {
        @Override
        public void onRequest(RequestContext request) {
            String user = request.request().requestUriText().replaceFirst("^sip:([^@]*)@.*$", "$1");
            request.setFlag(DLG_FLAG);
            if (user.equals("untracked")) {
                request.resetFlag(DLG_FLAG);
            } else if (user.equals("bad")) {
                request.setFlag(32);
            }
            request.recordRoute();
            request.tRelay();
        }
    }

    private UdpDestination ua;
    private Engine engine;
    private Dialogs dialogs;

    @BeforeEach
    void start() throws Exception {
        engine = TestEngine.start("route = \"" + FlaggingRoute.class.getName() + "\", dialog.dlg-flag = " + DLG_FLAG);
        dialogs = engine.dialogs().dialogs();
        ua = new UdpDestination();
        ua.inviteCode = 180;
    }

    @AfterEach
    void stop() {
        ua.close();
        engine.stop().toCompletableFuture().join();
    }

    /** Sends an INVITE to {@code user} at the UA through the engine; its Call-ID. */
    private String invite(String user) throws IOException {
        return ua.sendInvite(user, "dlgflag.test", TestEngine.udpPort(engine));
    }

    private SipRequest relayedInvite(String callId) throws InterruptedException {
        long until = System.nanoTime() + WAIT_NANOS;
        while (System.nanoTime() < until) {
            SipRequest request = ua.received.poll(100, TimeUnit.MILLISECONDS);
            if (request != null && callId.equals(request.header(HeaderName.CALL_ID))) {
                return request;
            }
        }
        throw new AssertionError("the INVITE of " + callId + " was not relayed");
    }

    private Optional<DialogState> awaitState(String callId, DialogState state) throws InterruptedException {
        long until = System.nanoTime() + WAIT_NANOS;
        while (dialogs.directory().get(callId).map(DialogSnapshot::state).orElse(null) != state
                && System.nanoTime() < until) {
            Thread.sleep(10);
        }
        return dialogs.directory().get(callId).map(DialogSnapshot::state);
    }

    @Test
    void anInviteWithTheDlgFlagSetIsTrackedAndOneWithoutIsNot() throws Exception {
        String untracked = invite("untracked");
        String untrackedRecordRoute = relayedInvite(untracked).header(HeaderName.RECORD_ROUTE);
        String tracked = invite("tracked");
        String trackedRecordRoute = relayedInvite(tracked).header(HeaderName.RECORD_ROUTE);

        assertTrue(trackedRecordRoute.contains(";did=" + Dialogs.did(tracked)), trackedRecordRoute);
        assertEquals(Optional.of(DialogState.EARLY), awaitState(tracked, DialogState.EARLY),
                "tracked, and moved by its 180");

        assertNotNull(untrackedRecordRoute, "record-routed all the same");
        assertFalse(untrackedRecordRoute.contains("did="), untrackedRecordRoute);
        assertEquals(Optional.empty(), dialogs.directory().get(untracked), "no dialog without the flag");
        assertEquals(Optional.empty(), dialogs.get(untracked, Duration.ofSeconds(5)).toCompletableFuture()
                .get(10, TimeUnit.SECONDS));
    }

    @Test
    void aFlagNumberAbove31FailsTheRoute() throws Exception {
        String callId = invite("bad");
        long until = System.nanoTime() + WAIT_NANOS;
        SipResponse answer = null;
        while (answer == null && System.nanoTime() < until) {
            SipResponse response = ua.answers.poll(100, TimeUnit.MILLISECONDS);
            if (response != null && callId.equals(response.header(HeaderName.CALL_ID))) {
                answer = response;
            }
        }
        assertNotNull(answer, "an answer to the INVITE");
        assertEquals(500, answer.statusCode(), "setFlag(32) threw, so the route failed");
        assertTrue(ua.received.stream().noneMatch(r -> callId.equals(r.header(HeaderName.CALL_ID))), "not relayed");
        assertEquals(Optional.empty(), dialogs.directory().get(callId));
    }
}
