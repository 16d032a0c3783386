package io.switchboard.actors.dialog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.apache.pekko.Done;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * What makes or ends a call reaches its dialog at least once ({@link Dialogs}): the entity's side,
 * which receipts the INVITE, the answer, the failure and the ACK only once they count, withholds
 * the receipt while the dialog they belong to may still be on its way, and takes a second copy
 * without a second effect.
 */
class DialogReceiptTest {

    private static final ActorTestKit KIT = ActorTestKit.create("dialog-receipts", EntityHarness.config());
    private static final Duration NONE_COMES = Duration.ofMillis(200);

    @AfterAll
    static void stop() {
        KIT.shutdownTestKit();
    }

    private static EntityHarness harness() {
        return new EntityHarness(KIT, DialogSettings.defaults());
    }

    private static DialogCommand answer(TestProbe<Done> receipts) {
        return new DialogCommand.Answer(SampleCall.CALLEE_TAG, SampleCall.CALLEE_CONTACT, SampleCall.answerRecordRoutes(),
                receipts.getRef());
    }

    private static DialogCommand ack(EntityHarness h, TestProbe<Done> receipts) {
        return new DialogCommand.InDialogRequest("ACK", SampleCall.INVITE_CSEQ, SampleCall.CALLER_TAG,
                SampleCall.CALLEE_TAG, Dialogs.did(h.callId), receipts.getRef());
    }

    @Test
    void theAnswerIsReceiptedOnceJournaledAndNotBeforeItsInviteIsTracked() {
        EntityHarness h = harness();
        TestProbe<Done> receipts = KIT.createTestProbe();
        assertEquals(List.of(), h.run(answer(receipts)));
        receipts.expectNoMessage(NONE_COMES);

        h.track();
        List<DialogEvent> written = h.run(answer(receipts));
        assertInstanceOf(DialogEvent.Answered.class, written.get(written.size() - 1));
        receipts.expectMessage(Done.getInstance());

        assertEquals(List.of(), h.run(answer(receipts)), "a second copy of the answer writes nothing");
        receipts.expectMessage(Done.getInstance());
        assertEquals(DialogState.CONFIRMED_NA, h.get().state());
    }

    @Test
    void theAckIsReceiptedOnceJournaledAndNotBeforeTheAnswer() {
        EntityHarness h = harness();
        TestProbe<Done> receipts = KIT.createTestProbe();
        h.track();
        assertEquals(List.of(), h.run(ack(h, receipts)));
        receipts.expectNoMessage(NONE_COMES);

        h.answer();
        List<DialogEvent> acked = h.run(ack(h, receipts));
        assertInstanceOf(DialogEvent.Acked.class, acked.get(0));
        receipts.expectMessage(Done.getInstance());
        assertEquals(DialogState.CONFIRMED, h.get().state());
    }

    @Test
    void aFailureIsReceiptedOnceTakenAndNotBeforeItsInviteIsTracked() {
        EntityHarness h = harness();
        TestProbe<Done> receipts = KIT.createTestProbe();
        h.run(new DialogCommand.Failure(486, receipts.getRef()));
        receipts.expectNoMessage(NONE_COMES);

        h.track();
        h.run(new DialogCommand.Failure(486, receipts.getRef()));
        receipts.expectMessage(Done.getInstance());
        assertEquals(DialogState.DELETED, h.get().state());
        assertEquals(486, h.get().failureCode());
    }

    /** A copy of the Track that arrives after the call failed must not start a second dialog. */
    @Test
    void theSameInviteTrackedAgainAfterTheCallFailedMakesNoNewDialog() {
        EntityHarness h = harness();
        assertEquals(TrackOutcome.CREATED, h.track());
        h.run(new DialogCommand.Failure(486));
        assertEquals(TrackOutcome.IGNORED, h.track());
        assertEquals(DialogState.DELETED, h.get().state());
        assertEquals(1, h.statistics.processedDialogs());
        assertEquals(0, h.statistics.activeDialogs() + h.statistics.earlyDialogs());
    }

    @Test
    void whatTheRouteSetBeforeRelayingArrivesWithTheInvite() {
        EntityHarness h = harness();
        ProfileMembership caller = new ProfileMembership("caller", "alice");
        DialogCommand.RouteSetup setup = new DialogCommand.RouteSetup(120, List.of(caller),
                List.of(new DialogChange.Variable("billing", "gold"), new DialogChange.Flag(3, true)));
        TrackOutcome outcome = h.entity.<TrackOutcome>runCommand(replyTo -> new DialogCommand.Track(h.invite(),
                DialogProperties.NONE, setup, replyTo)).reply();
        assertEquals(TrackOutcome.CREATED, outcome);

        h.answer();
        DialogSnapshot answered = h.get();
        assertEquals(120, answered.lifetimeSeconds());
        assertEquals(List.of(caller), answered.profiles());
        assertEquals("gold", answered.attributes().variable("billing"));
        assertTrue(answered.attributes().flagSet(3));
        assertEquals(DialogState.CONFIRMED_NA, h.entity.restart().state().state());
        assertEquals(120, h.get().lifetimeSeconds(), "the route's timeout is written with the answer");
    }
}
