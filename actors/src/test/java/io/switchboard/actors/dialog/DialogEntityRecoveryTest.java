package io.switchboard.actors.dialog;

import io.switchboard.actors.htable.ManualClock;
import static io.switchboard.actors.dialog.EntityHarness.settings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.transport.message.HeaderName;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The dialog entity restarted from its journal: timers armed again, passed deadlines, clean-up after the end. */
class DialogEntityRecoveryTest {

    private static final ActorTestKit KIT = ActorTestKit.create("dialog-recovery", EntityHarness.config());

    @AfterAll
    static void stop() {
        KIT.shutdownTestKit();
    }

    private static EntityHarness harness(DialogSettings settings) {
        return new EntityHarness(KIT, settings);
    }

    @Test
    void aRecoveredDialogKeepsItsTimer() {
        EntityHarness h = harness(settings("default-timeout = 100"));
        h.confirm();
        h.advance(Duration.ofSeconds(40));
        long deadline = h.get().timeoutMillis();

        Dialog recovered = h.entity.restart().state();
        assertEquals(DialogState.CONFIRMED, recovered.state());
        assertEquals(deadline, recovered.deadline());
        assertEquals(1, h.statistics.activeDialogs());
        assertEquals(DialogState.CONFIRMED, h.directory.get(h.callId).orElseThrow().state());

        h.advance(Duration.ofSeconds(59));
        assertEquals(DialogState.CONFIRMED, h.get().state());
        h.advance(Duration.ofSeconds(1));
        assertEquals(EndCause.TIMEOUT, h.await(DialogState.DELETED).endCause());
        assertEquals(0, h.statistics.activeDialogs());
        assertEquals(1, h.statistics.expiredDialogs());
    }

    @Test
    void aDeadlineThatPassedWhileDownFiresRightAfterRecovery() {
        EntityHarness h = harness(settings("default-timeout = 100, send-bye = 1"));
        h.confirm();
        h.request(Side.CALLEE, "INFO", 7);
        h.clock.advance(Duration.ofSeconds(500));
        h.entity.restart();
        DialogSnapshot ended = h.await(DialogState.DELETED);
        assertEquals(EndCause.TIMEOUT, ended.endCause());
        List<RecordingSender.Sent> sent = h.sender.sent();
        assertEquals(2, sent.size());
        assertEquals("8 BYE", sent.get(0).request().header(HeaderName.CSEQ));
        assertEquals((SampleCall.INVITE_CSEQ + 1) + " BYE", sent.get(1).request().header(HeaderName.CSEQ));
    }

    @Test
    void anUnacknowledgedDialogStillEndsAfterNoackTimeout() {
        EntityHarness h = harness(DialogSettings.defaults());
        h.track();
        h.answer();
        assertEquals(DialogState.CONFIRMED_NA, h.entity.restart().state().state());
        h.advance(Duration.ofSeconds(69));
        assertEquals(DialogState.CONFIRMED_NA, h.get().state());
        h.advance(Duration.ofSeconds(1));
        assertEquals(EndCause.TIMEOUT, h.await(DialogState.DELETED).endCause());
    }

    @Test
    void callSetupIsNotKeptAcrossARestart() {
        EntityHarness h = harness(DialogSettings.defaults());
        h.track();
        h.run(new DialogCommand.Provisional(180));
        assertEquals(1, h.statistics.earlyDialogs());
        assertTrue(!h.entity.restart().state().tracked());
        assertEquals(Optional.empty(), h.find());
        assertEquals(0, h.statistics.earlyDialogs());
        assertEquals(Optional.empty(), h.directory.get(h.callId));
        h.advance(DialogEntity.UNTRACKED_LINGER);
        h.expectPassivation();
    }

    /** A handoff (the shard's stop message) during setup writes the setup: the answer on the new node finds it. */
    @Test
    void callSetupHandedOffIsWrittenAndAnsweredOnTheNewIncarnation() {
        EntityHarness h = harness(DialogSettings.defaults());
        h.track();
        h.run(new DialogCommand.SetProfile(new ProfileMembership("p", null), true, null));
        // the test kit reads the state after each command, which a stopped entity cannot give
        assertThrows(AssertionError.class, () -> h.run(DialogCommand.Stop.INSTANCE));
        List<Object> written = h.journal();
        assertEquals(2, written.size());
        assertInstanceOf(DialogEvent.Created.class, written.get(0));
        assertInstanceOf(DialogEvent.ProfilesChanged.class, written.get(1));

        assertEquals(DialogState.UNCONFIRMED, h.entity.restart().state().state());
        List<DialogEvent> answered = h.answer();
        assertEquals(2, answered.size(), "the INVITE is not written twice: " + answered);
        assertInstanceOf(DialogEvent.Answered.class, answered.get(1));
        assertEquals(DialogState.CONFIRMED_NA, h.get().state());
        assertEquals(4, h.journal().size());
    }

    /** Once a handoff wrote the setup, a failure is written too, or the next incarnation would ring on until early-timeout. */
    @Test
    void aCallThatFailsAfterItsSetupWasHandedOffEndsInTheJournal() {
        EntityHarness h = harness(DialogSettings.defaults());
        h.track();
        assertThrows(AssertionError.class, () -> h.run(DialogCommand.Stop.INSTANCE));
        assertEquals(DialogState.UNCONFIRMED, h.entity.restart().state().state());

        List<DialogEvent> failed = h.run(new DialogCommand.Failure(503));
        assertEquals(1, failed.size());
        assertInstanceOf(DialogEvent.Failed.class, failed.get(0));
        assertEquals(DialogState.DELETED, h.entity.restart().state().state());
    }

    /**
     * An answered call that ended passivates after {@link DialogEntity#ENDED_LINGER}, not after the
     * whole end-timeout; its events stay in the journal for the end-timeout, answer for it if a
     * late message brings it back, and are deleted then by {@link EndedDialogs}.
     */
    @Test
    void anEndedDialogPassivatesAfterTheLingerAndItsEventsGoAtEndTimeout() {
        EntityHarness h = harness(DialogSettings.defaults());
        h.confirm();
        h.request(Side.CALLER, "BYE", SampleCall.INVITE_CSEQ + 1);
        assertEquals(4, h.journal().size());
        h.advance(DialogEntity.ENDED_LINGER.minusSeconds(1));
        h.shard.expectNoMessage(Duration.ofMillis(200));
        h.advance(Duration.ofSeconds(1));
        h.expectPassivation();
        assertEquals(4, h.journal().size(), "the journal answers for the ended dialog until end-timeout");

        Dialog recovered = h.entity.restart().state();
        assertEquals(DialogState.DELETED, recovered.state(), "a late message finds it ended");
        assertEquals(EndCause.CALLER_BYE, recovered.ending().cause());
        h.advance(DialogEntity.ENDED_LINGER);
        h.expectPassivation();

        h.advance(Duration.ofSeconds(300).minus(DialogEntity.ENDED_LINGER.multipliedBy(2)).minusSeconds(1));
        assertEquals(4, h.journal().size());
        h.advance(Duration.ofSeconds(1));
        long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!h.journal().isEmpty() && System.nanoTime() < until) {
            Thread.onSpinWait();
        }
        assertEquals(List.of(), h.journal(), "deleted at end-timeout, with the entity long gone");
    }

    /** A call that failed before anything was journaled stays in memory for end-timeout: nothing else answers for it. */
    @Test
    void aFailedCallWithNothingInTheJournalStaysForTheEndTimeout() {
        EntityHarness h = harness(DialogSettings.defaults());
        h.track();
        h.run(new DialogCommand.Failure(486));
        assertEquals(List.of(), h.journal());
        h.advance(Duration.ofSeconds(299));
        h.shard.expectNoMessage(Duration.ofMillis(200));
        assertEquals(DialogState.DELETED, h.get().state());
        h.advance(Duration.ofSeconds(1));
        h.expectPassivation();
    }

    @Test
    void anEndedDialogRecoveredAfterItsEndTimeoutIsCleanedUpAtOnce() {
        EntityHarness h = harness(DialogSettings.defaults());
        h.confirm();
        h.request(Side.CALLEE, "BYE", 1);
        h.clock.advance(Duration.ofSeconds(301));
        Dialog recovered = h.entity.restart().state();
        assertEquals(DialogState.DELETED, recovered.state());
        assertEquals(0, h.statistics.activeDialogs());
        h.expectPassivation();
        assertEquals(List.of(), h.journal());
    }

    @Test
    void stoppingGivesBackTheDialogsShareOfTheStatistics() {
        DialogStatistics statistics = new DialogStatistics();
        DialogDirectory directory = new DialogDirectory();
        DialogEnvironment env = new DialogEnvironment(DialogSettings.defaults(), new RecordingSender(200), statistics,
                directory, DialogListener.NONE, new ManualClock(EntityHarness.START));
        String callId = "stopped@recovery.test";
        ActorRef<DialogCommand> entity = KIT.spawn(DialogEntity.create(callId, env,
                KIT.<ClusterSharding.ShardCommand>createTestProbe().getRef()));
        entity.tell(new DialogCommand.Track(SampleCall.invite(callId), DialogProperties.NONE, null));
        entity.tell(new DialogCommand.Answer(SampleCall.CALLEE_TAG, SampleCall.CALLEE_CONTACT, List.of()));
        awaitState(directory, callId, Optional.of(DialogState.CONFIRMED_NA));
        assertEquals(1, statistics.activeDialogs());
        entity.tell(DialogCommand.Stop.INSTANCE);
        awaitState(directory, callId, Optional.empty());
        assertEquals(0, statistics.activeDialogs());
    }

    private static void awaitState(DialogDirectory directory, String callId, Optional<DialogState> expected) {
        long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!directory.get(callId).map(DialogSnapshot::state).equals(expected) && System.nanoTime() < until) {
            Thread.onSpinWait();
        }
        assertEquals(expected, directory.get(callId).map(DialogSnapshot::state));
    }
}
