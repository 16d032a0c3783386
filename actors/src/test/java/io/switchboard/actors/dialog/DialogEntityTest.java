package io.switchboard.actors.dialog;

import static io.switchboard.actors.dialog.EntityHarness.settings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.transport.message.HeaderName;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.pekko.Done;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The dialog entity through a call's life: states, what is journaled, timers, BYEs, spirals, statistics. */
class DialogEntityTest {

    private static final ActorTestKit KIT = ActorTestKit.create("dialog-entity", EntityHarness.config());

    @AfterAll
    static void stop() {
        KIT.shutdownTestKit();
    }

    private static EntityHarness harness(DialogSettings settings) {
        return new EntityHarness(KIT, settings);
    }

    private static EntityHarness harness() {
        return harness(DialogSettings.defaults());
    }

    /**
     * A BYE that overtakes the answer (relayed by another node while the shard moved) gets no
     * receipt, so it is sent again; once the call is answered it ends it and is receipted after
     * the end is journaled. A BYE for an ended dialog is receipted at once.
     */
    @Test
    void aByeIsReceiptedOnlyWhenItEndsTheCallOrCannotAnyMore() {
        EntityHarness h = harness();
        h.track();
        TestProbe<Done> receipts = KIT.createTestProbe();
        assertEquals(List.of(), h.run(bye(h, receipts)));
        receipts.expectNoMessage(Duration.ofMillis(200));

        h.answer();
        h.request(Side.CALLER, "ACK", SampleCall.INVITE_CSEQ);
        List<DialogEvent> ended = h.run(bye(h, receipts));
        assertInstanceOf(DialogEvent.Terminated.class, ended.get(0));
        receipts.expectMessage(Done.getInstance());

        assertEquals(List.of(), h.run(bye(h, receipts)));
        receipts.expectMessage(Done.getInstance());
    }

    private static DialogCommand bye(EntityHarness h, TestProbe<Done> receipts) {
        return new DialogCommand.InDialogRequest("BYE", SampleCall.INVITE_CSEQ + 1, SampleCall.CALLER_TAG,
                SampleCall.CALLEE_TAG, Dialogs.did(h.callId), receipts.getRef());
    }

    @Test
    void aCallGoesThroughTheStatesOnThreeWrites() throws Exception {
        EntityHarness h = harness();
        assertEquals(TrackOutcome.CREATED, h.track());
        assertEquals(DialogState.UNCONFIRMED, h.get().state());
        assertEquals(1, h.statistics.processedDialogs());

        assertEquals(List.of(), h.run(new DialogCommand.Provisional(180)));
        assertEquals(DialogState.EARLY, h.get().state());
        assertEquals(1, h.statistics.earlyDialogs());
        assertEquals(DialogState.EARLY, h.directory.get(h.callId).orElseThrow().state());

        List<DialogEvent> confirmed = h.answer();
        assertEquals(2, confirmed.size());
        assertInstanceOf(DialogEvent.Created.class, confirmed.get(0));
        assertInstanceOf(DialogEvent.Answered.class, confirmed.get(1));
        assertEquals(DialogState.CONFIRMED_NA, h.get().state());
        assertEquals(0, h.statistics.earlyDialogs());
        assertEquals(1, h.statistics.activeDialogs());
        h.listener.expect("started " + h.callId + " CONFIRMED_NA");

        List<DialogEvent> acked = h.request(Side.CALLER, "ACK", SampleCall.INVITE_CSEQ);
        assertInstanceOf(DialogEvent.Acked.class, acked.get(0));
        assertEquals(DialogState.CONFIRMED, h.get().state());
        assertEquals(DialogState.CONFIRMED, h.entity.getState().state());

        List<DialogEvent> ended = h.request(Side.CALLEE, "BYE", 1);
        assertEquals(EndCause.CALLEE_BYE, ((DialogEvent.Terminated) ended.get(0)).cause());
        assertEquals(DialogState.DELETED, h.get().state());
        assertEquals(0, h.statistics.activeDialogs());
        assertEquals(Optional.empty(), h.directory.get(h.callId));
        h.listener.expect("ended " + h.callId + " CALLEE_BYE");
        assertEquals(4, h.journal().size());
    }

    @Test
    void aFailedCallWritesNothing() throws Exception {
        EntityHarness h = harness();
        h.track();
        h.run(new DialogCommand.Provisional(183));
        assertEquals(List.of(), h.run(new DialogCommand.Failure(486)));
        DialogSnapshot failed = h.get();
        assertEquals(DialogState.DELETED, failed.state());
        assertEquals(486, failed.failureCode());
        assertEquals(1, h.statistics.failedDialogs());
        assertEquals(0, h.statistics.earlyDialogs());
        h.listener.expect("failed " + h.callId + " 486");
        assertEquals(List.of(), h.answer());
        assertEquals(List.of(), h.journal());
    }

    @Test
    void earlyTimeoutEndsAnUnansweredDialog() throws Exception {
        EntityHarness h = harness();
        h.track();
        h.run(new DialogCommand.Provisional(180));
        h.advance(Duration.ofSeconds(299));
        assertEquals(DialogState.EARLY, h.get().state());
        h.advance(Duration.ofSeconds(1));
        assertEquals(DialogState.DELETED, h.await(DialogState.DELETED).state());
        assertEquals(EndCause.TIMEOUT, h.get().endCause());
        assertEquals(1, h.statistics.failedDialogs());
        assertEquals(0, h.statistics.expiredDialogs());
        h.listener.expect("failed " + h.callId + " TIMEOUT");
        assertEquals(List.of(), h.journal());
        h.advance(Duration.ofSeconds(300));
        h.expectPassivation();
    }

    @Test
    void noAckEndsTheDialogTenSecondsAfterNoackTimeout() throws Exception {
        EntityHarness h = harness();
        h.track();
        h.answer();
        h.advance(Duration.ofSeconds(60));
        assertEquals(DialogState.CONFIRMED_NA, h.get().state());
        h.advance(Duration.ofSeconds(10));
        DialogSnapshot ended = h.await(DialogState.DELETED);
        assertEquals(EndCause.TIMEOUT, ended.endCause());
        assertEquals(1, h.statistics.expiredDialogs());
        assertEquals(0, h.statistics.activeDialogs());
        h.listener.expect("started " + h.callId + " CONFIRMED_NA");
        h.listener.expect("ended " + h.callId + " TIMEOUT");
        assertTrue(h.sender.sent().isEmpty());
    }

    @Test
    void theLifetimeEndsTheCallWithoutByeByDefault() {
        EntityHarness h = harness(settings("default-timeout = 100"));
        h.confirm();
        h.advance(Duration.ofSeconds(99));
        assertEquals(DialogState.CONFIRMED, h.get().state());
        h.advance(Duration.ofSeconds(1));
        assertEquals(EndCause.TIMEOUT, h.await(DialogState.DELETED).endCause());
        assertTrue(h.sender.sent().isEmpty());
        assertEquals(1, h.statistics.expiredDialogs());
    }

    @Test
    void withSendByeBothSidesGetABye() {
        EntityHarness h = harness(settings("default-timeout = 100, send-bye = 1"));
        h.confirm();
        h.request(Side.CALLEE, "INFO", 7);
        h.advance(Duration.ofSeconds(100));
        assertEquals(EndCause.TIMEOUT, h.await(DialogState.DELETED).endCause());
        List<RecordingSender.Sent> sent = h.sender.sent();
        assertEquals(2, sent.size());

        RecordingSender.Sent toCaller = sent.get(0);
        assertEquals(SampleCall.CALLER_CONTACT, toCaller.request().requestUriText());
        assertEquals(List.of(SampleCall.UPSTREAM_RR), toCaller.request().headerValues(HeaderName.ROUTE));
        assertEquals("<sip:bob@example.org>;tag=" + SampleCall.CALLEE_TAG, toCaller.request().header(HeaderName.FROM));
        assertEquals("<sip:alice@example.net>;tag=" + SampleCall.CALLER_TAG, toCaller.request().header(HeaderName.TO));
        assertEquals("8 BYE", toCaller.request().header(HeaderName.CSEQ));
        assertEquals("udp:192.0.2.10:5060", toCaller.socket());

        RecordingSender.Sent toCallee = sent.get(1);
        assertEquals(SampleCall.CALLEE_CONTACT, toCallee.request().requestUriText());
        assertEquals(List.of(SampleCall.DOWNSTREAM_RR), toCallee.request().headerValues(HeaderName.ROUTE));
        assertEquals("<sip:alice@example.net>;tag=" + SampleCall.CALLER_TAG, toCallee.request().header(HeaderName.FROM));
        assertEquals("<sip:bob@example.org>;tag=" + SampleCall.CALLEE_TAG, toCallee.request().header(HeaderName.TO));
        assertEquals((SampleCall.INVITE_CSEQ + 1) + " BYE", toCallee.request().header(HeaderName.CSEQ));
        assertEquals(h.callId, toCallee.request().header(HeaderName.CALL_ID));
        assertEquals("udp:192.0.2.10:5062", toCallee.socket());
    }

    @Test
    void theDialogsTimeoutByeAsksForByesToo() {
        EntityHarness h = harness(settings("default-timeout = 100"));
        h.track(h.invite(), new DialogProperties(true, false, false, false));
        h.answer();
        h.request(Side.CALLER, "ACK", SampleCall.INVITE_CSEQ);
        h.advance(Duration.ofSeconds(100));
        h.await(DialogState.DELETED);
        assertEquals(2, h.sender.sent().size());
    }

    @Test
    void sequentialRequestsStartTheLifetimeAgain() {
        EntityHarness h = harness(settings("default-timeout = 100"));
        h.confirm();
        h.advance(Duration.ofSeconds(50));
        List<DialogEvent> info = h.request(Side.CALLER, "INFO", SampleCall.INVITE_CSEQ + 1);
        assertInstanceOf(DialogEvent.SequentialRequest.class, info.get(0));
        h.advance(Duration.ofSeconds(99));
        assertEquals(DialogState.CONFIRMED, h.get().state());
        assertEquals(SampleCall.INVITE_CSEQ + 1, h.get().callerCseq());
        h.advance(Duration.ofSeconds(1));
        h.await(DialogState.DELETED);
    }

    @Test
    void anAckOfAReinviteResetsTheLifetimeInMemoryOnly() {
        EntityHarness h = harness(settings("default-timeout = 100"));
        h.confirm();
        assertEquals(1, h.request(Side.CALLEE, "INVITE", 5).size());
        h.advance(Duration.ofSeconds(50));
        assertEquals(List.of(), h.request(Side.CALLEE, "ACK", 5));
        assertEquals(h.clock.millis() + 100_000, h.get().timeoutMillis());
    }

    @Test
    void timeoutNoresetKeepsTheDeadline() {
        checkNoReset(harness(settings("default-timeout = 100, timeout-noreset = 1")), DialogProperties.NONE);
        checkNoReset(harness(settings("default-timeout = 100")), new DialogProperties(false, true, false, false));
    }

    private static void checkNoReset(EntityHarness h, DialogProperties properties) {
        h.track(h.invite(), properties);
        h.answer();
        h.request(Side.CALLER, "ACK", SampleCall.INVITE_CSEQ);
        long deadline = h.get().timeoutMillis();
        h.advance(Duration.ofSeconds(50));
        h.request(Side.CALLER, "INFO", SampleCall.INVITE_CSEQ + 1);
        assertEquals(deadline, h.get().timeoutMillis());
        h.advance(Duration.ofSeconds(50));
        h.await(DialogState.DELETED);
    }

    @Test
    void spiralsMapToTheirDialog() {
        EntityHarness h = harness();
        assertEquals(TrackOutcome.CREATED, h.track());
        assertEquals(TrackOutcome.SPIRAL, h.track());
        InitialInvite base = h.invite();
        InitialInvite otherTag = new InitialInvite(base.callId(), base.fromUri(), "another-tag", base.toUri(),
                base.requestUri(), base.callerContact(), base.cseq(), base.recordRoutes(), 1, base.callerSocket(),
                base.calleeSocket());
        assertEquals(TrackOutcome.IGNORED, h.track(otherTag, DialogProperties.NONE));
        assertEquals(1, h.statistics.processedDialogs());

        EntityHarness off = harness(settings("detect-spirals = 0"));
        off.track();
        assertEquals(TrackOutcome.IGNORED, off.track());
    }

    @Test
    void anInviteAfterAFailureStartsANewDialog() {
        EntityHarness h = harness();
        h.track();
        h.run(new DialogCommand.Failure(407));
        InitialInvite base = h.invite();
        InitialInvite again = new InitialInvite(base.callId(), base.fromUri(), base.fromTag(), base.toUri(),
                base.requestUri(), base.callerContact(), base.cseq() + 1, base.recordRoutes(), 1, base.callerSocket(),
                base.calleeSocket());
        assertEquals(TrackOutcome.CREATED, h.track(again, DialogProperties.NONE));
        assertEquals(DialogState.UNCONFIRMED, h.get().state());
        assertEquals(2, h.statistics.processedDialogs());
        assertEquals(2, h.answer().size());
        assertEquals(SampleCall.INVITE_CSEQ + 1, h.get().callerCseq());
    }

    @Test
    void eventsNotValidInTheStateAreIgnored() {
        EntityHarness h = harness(settings("dlg-match-mode = 0"));
        h.track();
        assertEquals(List.of(), h.request(Side.CALLER, "ACK", SampleCall.INVITE_CSEQ));
        assertEquals(List.of(), h.request(Side.CALLER, "BYE", SampleCall.INVITE_CSEQ + 1));
        assertEquals(List.of(), h.run(new DialogCommand.Provisional(100)));
        assertEquals(DialogState.UNCONFIRMED, h.get().state());
        h.answer();
        assertEquals(List.of(), h.answer());
        assertEquals(List.of(), h.run(new DialogCommand.Provisional(180)));
        assertEquals(List.of(), h.run(new DialogCommand.Failure(503)));
        assertEquals(List.of(), h.run(new DialogCommand.InDialogRequest("BYE", 9, SampleCall.CALLER_TAG, "other", Dialogs.did(h.callId))));
        assertEquals(List.of(), h.run(new DialogCommand.InDialogRequest("BYE", 9, SampleCall.CALLER_TAG, SampleCall.CALLEE_TAG, null)));
        assertEquals(List.of(), h.request(Side.CALLER, "ACK", 55));
        assertEquals(DialogState.CONFIRMED_NA, h.get().state());
        h.request(Side.CALLER, "BYE", SampleCall.INVITE_CSEQ + 1);
        assertEquals(List.of(), h.request(Side.CALLEE, "BYE", 1));
        assertEquals(List.of(), h.answer());
        assertEquals(EndCause.CALLER_BYE, h.get().endCause());
    }

    @Test
    void dlgSetTimeoutBeforeTheAnswerIsWrittenWithIt() {
        EntityHarness h = harness();
        h.track();
        assertTrue(h.entity.<Boolean>runCommand(replyTo -> new DialogCommand.SetTimeout(30, replyTo)).reply());
        assertEquals(List.of(), h.journal());
        List<DialogEvent> confirmed = h.answer();
        assertEquals(30, ((DialogEvent.Created) confirmed.get(0)).lifetimeSeconds());
        h.request(Side.CALLER, "ACK", SampleCall.INVITE_CSEQ);
        assertEquals(h.clock.millis() + 30_000, h.get().timeoutMillis());

        var changed = h.entity.<Boolean>runCommand(replyTo -> new DialogCommand.SetTimeout(5, replyTo));
        assertTrue(changed.reply());
        assertInstanceOf(DialogEvent.TimeoutChanged.class, changed.events().get(0));
        h.advance(Duration.ofSeconds(5));
        h.await(DialogState.DELETED);
        assertFalse(h.entity.<Boolean>runCommand(replyTo -> new DialogCommand.SetTimeout(5, replyTo)).reply());
    }

    @Test
    void terminateWithByeEndsAConfirmedDialog() throws Exception {
        EntityHarness h = harness();
        h.track();
        assertFalse(h.entity.<Boolean>runCommand(r -> new DialogCommand.Terminate(Set.of(Side.CALLER, Side.CALLEE), "ops", r)).reply());
        h.answer();
        h.request(Side.CALLER, "ACK", SampleCall.INVITE_CSEQ);
        assertTrue(h.entity.<Boolean>runCommand(r -> new DialogCommand.Terminate(Set.of(Side.CALLEE, Side.CALLER), "ops", r)).reply());
        DialogSnapshot ended = h.await(DialogState.DELETED);
        assertEquals(EndCause.MANAGEMENT, ended.endCause());
        assertEquals(2, h.sender.sent().size());
        assertEquals(0, h.statistics.expiredDialogs());

        EntityHarness silent = harness();
        silent.confirm();
        var result = silent.entity.<Boolean>runCommand(r -> new DialogCommand.Terminate(Set.of(), "set_state 5", r));
        assertTrue(result.reply());
        assertInstanceOf(DialogEvent.Terminated.class, result.events().get(0));
        assertEquals(EndCause.STATE_SET, silent.await(DialogState.DELETED).endCause());
        assertTrue(silent.sender.sent().isEmpty());
        silent.listener.expect("started " + silent.callId + " CONFIRMED_NA");
        silent.listener.expectNothing();
    }

    @Test
    void isKnownAndGetAnswerFromTheDialog() {
        EntityHarness h = harness();
        assertEquals(Optional.empty(), h.find());
        h.confirm();
        Optional<DialogState> known = h.entity.<DialogCommand.Known>runCommand(r -> new DialogCommand.IsKnown(
                SampleCall.CALLEE_TAG, SampleCall.CALLER_TAG, Dialogs.did(h.callId), r)).reply().state();
        assertEquals(Optional.of(DialogState.CONFIRMED), known);
        Optional<DialogState> stranger = h.entity.<DialogCommand.Known>runCommand(r -> new DialogCommand.IsKnown(
                "x", SampleCall.CALLER_TAG, null, r)).reply().state();
        assertEquals(Optional.empty(), stranger);
    }

    @Test
    void anEntityWithoutDialogPassivatesSoon() {
        EntityHarness h = harness();
        assertEquals(Optional.empty(), h.find());
        h.advance(DialogEntity.UNTRACKED_LINGER);
        h.expectPassivation();
    }
}
