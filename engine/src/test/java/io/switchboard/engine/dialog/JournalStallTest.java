package io.switchboard.engine.dialog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.actors.dialog.DialogSnapshot;
import io.switchboard.engine.Engine;
import io.switchboard.engine.config.ConfigLoader;
import io.switchboard.engine.dispatcher.UdpDestination;
import io.switchboard.engine.htable.TestEngine;
import io.switchboard.engine.route.ProxyRoute;
import io.switchboard.engine.route.RequestContext;
import io.switchboard.engine.route.Route;
import io.switchboard.engine.route.RouteSettings;
import io.switchboard.transport.message.HeaderName;
import io.switchboard.transport.message.SipMessage;
import io.switchboard.transport.message.SipRequest;
import io.switchboard.transport.message.SipResponse;
import java.io.IOException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The hot path never waits for the journal (issue 5; seed manual 001, 7.13 {@code is_known_dlg()}):
 * with a journal that cannot write ({@link StalledJournal}), a whole call — INVITE, 200, ACK, BYE
 * and its 200 — goes through the built-in route over UDP while the dialog's first write is held,
 * and the route's {@code is_known_dlg()} on the BYE answers at {@code dialog.ask-timeout} (false:
 * the dialog could not say in time) instead of hanging. Once the journal writes again the dialog
 * catches up and ends with the caller's BYE. One UDP socket is caller and callee; it answers every
 * request but ACK 200.
 */
class JournalStallTest {

    private static final long WAIT_NANOS = TimeUnit.SECONDS.toNanos(10);
    private static final long ASK_MILLIS = 1000;

    /**
     * The built-in route; on a BYE it asks {@code is_known_dlg()} first, holding the lane, and
     * keeps the answer and how long it took. It keeps the dialog events too, with the end's cause.
     */
    public static final class KnownByeRoute implements Route {
        static final BlockingQueue<String> KNOWN = new LinkedBlockingQueue<>();
        static final BlockingQueue<String> EVENTS = new LinkedBlockingQueue<>();
        private final ProxyRoute proxy;

        public KnownByeRoute(RouteSettings settings) {
            this.proxy = new ProxyRoute(settings);
        }

        @Override
        public void onRequest(RequestContext request) {
            if (request.hasToTag() && request.isMethod("BYE")) {
                long start = System.nanoTime();
                boolean known = request.isKnownDlg();
                KNOWN.add("known " + known + " after " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) + " ms");
            }
            proxy.onRequest(request);
        }

        @Override
        public void onDialogEvent(String event, DialogSnapshot dialog) {
            EVENTS.add(event.equals("dialog:end") ? event + " " + dialog.endCause() : event);
        }
    }

    private UdpDestination ua;
    private Engine engine;

    @BeforeEach
    void start() throws Exception {
        StalledJournal.shut();
        KnownByeRoute.KNOWN.clear();
        KnownByeRoute.EVENTS.clear();
        engine = Engine.start(ConfigLoader.parse("""
                switchboard {
                  listen = ["udp:127.0.0.1:0"]
                  rpc.listen = "127.0.0.1:0"
                  shutdown-timeout = 1s
                  route = "%s"
                  dialog.ask-timeout = %dms
                }
                pekko.persistence.journal.switchboard-memory {
                  class = "%s"
                  circuit-breaker.call-timeout = 120s
                }
                """.formatted(KnownByeRoute.class.getName(), ASK_MILLIS, StalledJournal.class.getName())));
        ua = new UdpDestination();
    }

    @AfterEach
    void stop() {
        StalledJournal.open();
        ua.close();
        engine.stop().toCompletableFuture().join();
    }

    @Test
    void aCallGoesThroughWhileTheJournalCannotWriteAndIsKnownDlgAnswersAtItsDeadline() throws Exception {
        String callId = ua.sendInvite("callee", "stall.test", TestEngine.udpPort(engine));
        String recordRoute = relayed(callId, "INVITE").header(HeaderName.RECORD_ROUTE);
        assertNotNull(recordRoute, "the built-in route record-routes the INVITE");
        answered(callId, "INVITE");
        long until = System.nanoTime() + WAIT_NANOS;
        while (StalledJournal.held() == 0 && System.nanoTime() < until) {
            Thread.sleep(10);
        }
        assertTrue(StalledJournal.held() > 0, "the answer's write is held");

        inDialog("ACK", 1, callId, recordRoute);
        relayed(callId, "ACK");
        inDialog("BYE", 2, callId, recordRoute);
        relayed(callId, "BYE");
        answered(callId, "BYE");
        String known = KnownByeRoute.KNOWN.poll(1, TimeUnit.SECONDS);
        assertNotNull(known, "is_known_dlg() answered");
        long millis = Long.parseLong(known.replaceAll("\\D", ""));
        assertTrue(known.startsWith("known false") && millis >= ASK_MILLIS - 100 && millis < ASK_MILLIS + 2000,
                () -> "false at dialog.ask-timeout, " + ASK_MILLIS + " ms: " + known);
        assertTrue(KnownByeRoute.EVENTS.isEmpty() && engine.dialogs().dialogs().directory().get(callId).isPresent(),
                () -> "the dialog is still waiting for the journal to write its answer: " + KnownByeRoute.EVENTS);

        StalledJournal.open();
        assertEquals("dialog:start", KnownByeRoute.EVENTS.poll(10, TimeUnit.SECONDS), "the answer written");
        assertEquals("dialog:end CALLER_BYE", KnownByeRoute.EVENTS.poll(10, TimeUnit.SECONDS), "the BYE caught up");
        until = System.nanoTime() + WAIT_NANOS;
        while (engine.dialogs().dialogs().directory().get(callId).isPresent() && System.nanoTime() < until) {
            Thread.sleep(10);
        }
        assertFalse(engine.dialogs().dialogs().directory().get(callId).isPresent(), "ended");
    }

    /** A request from the caller within the call, through this proxy by {@code recordRoute}. */
    private void inDialog(String method, int cseq, String callId, String recordRoute) throws IOException {
        ua.send(String.join("\r\n",
                method + " sip:callee@127.0.0.1:" + ua.port() + " SIP/2.0",
                "Via: SIP/2.0/UDP 127.0.0.1:" + ua.port() + ";branch=z9hG4bK-" + method + callId.hashCode(),
                "Max-Forwards: 70",
                "Route: " + recordRoute,
                "From: <sip:alice@example.com>;tag=caller",
                "To: <sip:callee@example.org>;tag=gw",
                "Call-ID: " + callId,
                "CSeq: " + cseq + " " + method,
                "Content-Length: 0", "", ""), TestEngine.udpPort(engine));
    }

    /** The relayed request of {@code callId} with this method, within 10 s: the journal holds its write far longer. */
    private SipRequest relayed(String callId, String method) throws InterruptedException {
        return await(ua.received, method, r -> callId.equals(r.header(HeaderName.CALL_ID))
                && r.method().name().equals(method));
    }

    /** The 200 to the request of {@code callId} with this method, within 10 s. */
    private SipResponse answered(String callId, String method) throws InterruptedException {
        return await(ua.answers, "200 to " + method, r -> callId.equals(r.header(HeaderName.CALL_ID))
                && r.header(HeaderName.CSEQ).endsWith(method) && r.statusCode() == 200);
    }

    private static <M extends SipMessage> M await(BlockingQueue<M> queue, String what, Predicate<M> wanted)
            throws InterruptedException {
        long until = System.nanoTime() + WAIT_NANOS;
        while (System.nanoTime() < until) {
            M message = queue.poll(100, TimeUnit.MILLISECONDS);
            if (message != null && wanted.test(message)) {
                return message;
            }
        }
        throw new AssertionError(what + " not relayed within 10 s");
    }
}
