package io.switchboard.actors.dialog;

import static io.switchboard.actors.dialog.EntityHarness.settings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.transport.message.HeaderName;
import io.switchboard.transport.message.SipRequest;
import java.time.Duration;
import java.util.List;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Keep-alives of a confirmed dialog (seed manual 6.51–6.53, 7.16): in-dialog OPTIONS to the side
 * whose property is set, every {@code ka-interval}, failures counted, the call ended past
 * {@code ka-failed-limit}, and the rhythm kept after recovery.
 */
class DialogKeepAliveTest {

    private static final ActorTestKit KIT = ActorTestKit.create("dialog-keepalive", EntityHarness.config());
    private static final DialogProperties KA_SRC = DialogProperties.NONE.with(DialogProperties.KA_SRC, true);
    private static final DialogProperties KA_DST = DialogProperties.NONE.with(DialogProperties.KA_DST, true);
    private static final DialogProperties KA_BOTH = KA_SRC.with(DialogProperties.KA_DST, true);
    private static final Duration INTERVAL = Duration.ofSeconds(30);

    @AfterAll
    static void stop() {
        KIT.shutdownTestKit();
    }

    private static EntityHarness harness(String dialogBlock) {
        return new EntityHarness(KIT, settings("ka-timer = 10, ka-interval = 30, " + dialogBlock));
    }

    @Test
    void theCalleeGetsAnOptionsEveryIntervalWithTheCallersLowerCseq() {
        EntityHarness h = harness("");
        h.confirm(KA_DST);
        h.advance(INTERVAL.minusSeconds(1));
        assertEquals(0, h.sender.sent().size());
        h.advance(Duration.ofSeconds(1));
        SipRequest options = awaitOptions(h, 1).get(0).request();
        assertEquals(SampleCall.CALLEE_CONTACT, options.requestUriText());
        assertEquals(List.of(SampleCall.DOWNSTREAM_RR), options.headerValues(HeaderName.ROUTE));
        assertEquals("<sip:alice@example.net>;tag=" + SampleCall.CALLER_TAG, options.header(HeaderName.FROM));
        assertEquals("<sip:bob@example.org>;tag=" + SampleCall.CALLEE_TAG, options.header(HeaderName.TO));
        assertEquals(h.callId, options.header(HeaderName.CALL_ID));
        assertEquals((SampleCall.INVITE_CSEQ - 1) + " OPTIONS", options.header(HeaderName.CSEQ));
        assertEquals("udp:192.0.2.10:5062", h.sender.sent().get(0).socket());

        h.request(Side.CALLER, "INFO", 110);
        h.advance(INTERVAL);
        assertEquals("109 OPTIONS", awaitOptions(h, 2).get(1).request().header(HeaderName.CSEQ));
        assertEquals(110, h.get().callerCseq());
        assertEquals(DialogState.CONFIRMED, h.get().state());
    }

    @Test
    void theCallerGetsThemWithKaSrcFromTheCallee() {
        EntityHarness h = harness("");
        h.confirm(KA_SRC);
        h.advance(INTERVAL);
        SipRequest first = awaitOptions(h, 1).get(0).request();
        assertEquals(SampleCall.CALLER_CONTACT, first.requestUriText());
        assertEquals(List.of(SampleCall.UPSTREAM_RR), first.headerValues(HeaderName.ROUTE));
        assertEquals("<sip:bob@example.org>;tag=" + SampleCall.CALLEE_TAG, first.header(HeaderName.FROM));
        assertEquals("1 OPTIONS", first.header(HeaderName.CSEQ));
        assertEquals("udp:192.0.2.10:5060", h.sender.sent().get(0).socket());

        h.request(Side.CALLEE, "INFO", 7);
        h.advance(INTERVAL);
        assertEquals("6 OPTIONS", awaitOptions(h, 2).get(1).request().header(HeaderName.CSEQ));
        assertEquals(7, h.get().calleeCseq());
    }

    @Test
    void noPropertyOrNoTimerMeansNoOptions() {
        EntityHarness without = harness("");
        without.confirm();
        EntityHarness off = new EntityHarness(KIT, settings("ka-interval = 30"));
        off.confirm(KA_BOTH);
        without.advance(INTERVAL.multipliedBy(3));
        off.advance(INTERVAL.multipliedBy(3));
        assertEquals(DialogState.CONFIRMED, without.get().state());
        assertEquals(DialogState.CONFIRMED, off.get().state());
        assertTrue(without.sender.sent().isEmpty());
        assertTrue(off.sender.sent().isEmpty());
    }

    @Test
    void failuresCountUntilTheLimitAndAnyOtherAnswerClearsThem() throws Exception {
        EntityHarness h = harness("ka-failed-limit = 2");
        h.confirm(KA_DST);
        h.sender.answerWith(481);
        h.advance(INTERVAL);
        awaitOptions(h, 1);
        h.sender.answerWith(500);
        h.advance(INTERVAL);
        awaitOptions(h, 2);
        h.sender.answerWith(408);
        h.advance(INTERVAL);
        awaitOptions(h, 3);
        assertEquals(DialogState.CONFIRMED, h.get().state());

        h.advance(INTERVAL);
        DialogSnapshot ended = h.await(DialogState.DELETED);
        assertEquals(EndCause.KEEPALIVE_FAILURE, ended.endCause());
        assertEquals(4, h.sender.sent().size());
        assertEquals(0, h.sender.sent("BYE").size());
        h.listener.expect("started " + h.callId + " CONFIRMED_NA");
        h.listener.expect("ended " + h.callId + " KEEPALIVE_FAILURE");
    }

    @Test
    void withSendByeBothSidesGetAByeWhenTheLimitIsReached() {
        EntityHarness h = harness("send-bye = 1");
        h.confirm(KA_DST);
        h.sender.answerWith(481);
        h.advance(INTERVAL);
        DialogSnapshot ended = h.await(DialogState.DELETED);
        assertEquals(EndCause.KEEPALIVE_FAILURE, ended.endCause());
        List<RecordingSender.Sent> byes = h.sender.sent("BYE");
        assertEquals(2, byes.size());
        assertEquals(SampleCall.CALLER_CONTACT, byes.get(0).request().requestUriText());
        assertEquals(SampleCall.CALLEE_CONTACT, byes.get(1).request().requestUriText());
        assertEquals((SampleCall.INVITE_CSEQ + 1) + " BYE", byes.get(1).request().header(HeaderName.CSEQ));
        assertEquals(1, h.sender.sent("OPTIONS").size());
    }

    @Test
    void aRecoveredDialogKeepsSendingOnItsRhythm() {
        EntityHarness h = harness("");
        h.confirm(KA_BOTH);
        h.advance(Duration.ofSeconds(40));
        assertEquals(2, awaitOptions(h, 2).size());

        h.entity.restart();
        h.advance(Duration.ofSeconds(19));
        assertEquals(2, h.sender.sent().size());
        h.advance(Duration.ofSeconds(1));
        List<RecordingSender.Sent> options = awaitOptions(h, 4);
        assertEquals(SampleCall.CALLER_CONTACT, options.get(2).request().requestUriText());
        assertEquals(SampleCall.CALLEE_CONTACT, options.get(3).request().requestUriText());
        assertEquals(DialogState.CONFIRMED, h.get().state());
    }

    /** {@code dlg_set_property} on a request within the call: written, kept after recovery, undone by reset. */
    @Test
    void aPropertySetOnAConfirmedDialogStartsKeepAlivesAndIsWritten() {
        EntityHarness h = harness("");
        h.confirm();
        List<DialogEvent> written = h.run(new DialogCommand.SetProperty(DialogProperties.KA_DST, true));
        assertEquals(List.of(new DialogEvent.PropertiesChanged(KA_DST)), written);
        assertTrue(h.run(new DialogCommand.SetProperty(DialogProperties.KA_DST, true)).isEmpty(), "set twice, written once");

        h.entity.restart();
        assertEquals(KA_DST, h.get().properties());
        h.advance(INTERVAL);
        assertEquals(SampleCall.CALLEE_CONTACT, awaitOptions(h, 1).get(0).request().requestUriText());

        h.run(new DialogCommand.SetProperty(DialogProperties.KA_DST, false));
        h.advance(INTERVAL.multipliedBy(2));
        assertEquals(1, h.sender.sent("OPTIONS").size(), "reset: no more keep-alives");
        assertEquals(DialogProperties.NONE, h.get().properties());
    }

    /** Waits until {@code count} OPTIONS went out (the sender is called from the entity's own messages), caller first per round. */
    private static List<RecordingSender.Sent> awaitOptions(EntityHarness h, int count) {
        long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (h.sender.sent("OPTIONS").size() < count && System.nanoTime() < until) {
            Thread.onSpinWait();
        }
        List<RecordingSender.Sent> sent = h.sender.sent("OPTIONS");
        assertEquals(count, sent.size());
        return sent;
    }
}
