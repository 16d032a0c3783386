package io.switchboard.actors.dialog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.switchboard.persistence.history.CallRecord;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The record an ended call leaves in the call history, through the entity with manual time. */
class CallHistoryRecordTest {

    private static final ActorTestKit KIT = ActorTestKit.create("call-history", EntityHarness.config());
    private static final long START = EntityHarness.START;

    @AfterAll
    static void stop() {
        KIT.shutdownTestKit();
    }

    private static EntityHarness harness() {
        return new EntityHarness(KIT, DialogSettings.defaults());
    }

    /** INVITE at START, 180 after 1.5 s, 200 after 4 s, ACK. */
    private static EntityHarness answered() {
        EntityHarness h = harness();
        h.track();
        h.advance(Duration.ofMillis(1500));
        h.run(new DialogCommand.Provisional(180));
        h.advance(Duration.ofMillis(2500));
        h.answer();
        h.request(Side.CALLER, "ACK", SampleCall.INVITE_CSEQ);
        return h;
    }

    private static CallRecord only(EntityHarness h) {
        assertEquals(1, h.history.size(), "records: " + h.history);
        return h.history.get(0);
    }

    @Test
    void anAnsweredCallEndedByTheCallersByeHasItsTimesDurationAndPostDialDelay() {
        EntityHarness h = answered();
        assertEquals(List.of(), h.history);
        h.advance(Duration.ofSeconds(60));
        h.request(Side.CALLER, "BYE", SampleCall.INVITE_CSEQ + 1);

        CallRecord call = only(h);
        assertEquals(h.callId, call.callId());
        assertEquals("sip:alice@example.net", call.caller());
        assertEquals("sip:bob@example.org", call.callee());
        assertEquals(START, call.startMillis());
        assertEquals(START + 1500, call.ringingMillis());
        assertEquals(START + 4000, call.answerMillis());
        assertEquals(START + 64_000, call.endMillis());
        assertEquals(60_000, call.durationMillis());
        assertEquals(1500, call.postDialDelayMillis());
        assertEquals(200, call.finalCode());
        assertEquals("caller_bye", call.endedBy());
        assertEquals("BYE", call.reason());
        assertNull(call.destination());
    }

    @Test
    void aBusyCallRecordsTheFailureCodeAndNoDuration() {
        EntityHarness h = harness();
        h.track();
        h.advance(Duration.ofMillis(800));
        h.run(new DialogCommand.Failure(486));

        CallRecord call = only(h);
        assertEquals(486, call.finalCode());
        assertEquals("failed", call.endedBy());
        assertEquals(0, call.answerMillis());
        assertEquals(0, call.durationMillis());
        assertEquals(800, call.postDialDelayMillis(), "no provisional: the delay runs to the final reply");
    }

    @Test
    void aCancelledCallIsRecordedAsCancelledWith487() {
        EntityHarness h = harness();
        h.track();
        h.advance(Duration.ofMillis(700));
        h.run(new DialogCommand.Provisional(183));
        h.advance(Duration.ofSeconds(5));
        h.run(new DialogCommand.Failure(487));

        CallRecord call = only(h);
        assertEquals("cancelled", call.endedBy());
        assertEquals(487, call.finalCode());
        assertEquals(700, call.postDialDelayMillis());
        assertEquals(0, call.durationMillis());
    }

    @Test
    void aCallThatOutlivesItsLifetimeIsRecordedAsTimedOut() {
        EntityHarness h = answered();
        h.advance(DialogSettings.defaults().defaultTimeout());

        h.await(DialogState.DELETED);
        CallRecord call = only(h);
        assertEquals("timeout", call.endedBy());
        assertEquals("lifetime", call.reason());
        assertEquals(200, call.finalCode());
        assertEquals(DialogSettings.defaults().defaultTimeout().toMillis(), call.durationMillis());
    }

    @Test
    void aCallTerminatedByCommandRecordsManagementAfterTheByesAreAnswered() {
        EntityHarness h = answered();
        h.entity.<Boolean>runCommand(replyTo -> new DialogCommand.Terminate(Set.of(Side.CALLER, Side.CALLEE), "operator",
                replyTo));
        h.await(DialogState.DELETED);
        CallRecord call = only(h);
        assertEquals("management", call.endedBy());
        assertEquals(200, call.finalCode());
    }

    @Test
    void theDestinationOfTheLastBranchIsRecorded() {
        EntityHarness h = harness();
        h.track(h.invite().relayedTo("sip:gw1.example.net:5060"), DialogProperties.NONE);
        h.run(new DialogCommand.Relayed("sip:gw2.example.net:5060"));
        h.answer();
        h.request(Side.CALLEE, "BYE", 1);
        assertEquals("sip:gw2.example.net:5060", only(h).destination());
        assertEquals("callee_bye", only(h).endedBy());
    }

    @Test
    void aDialogRecoveredAfterItEndedWritesNoSecondRecord() {
        EntityHarness h = answered();
        h.request(Side.CALLEE, "BYE", 1);
        assertEquals(1, h.history.size());
        h.entity.restart();
        assertEquals(DialogState.DELETED, h.get().state());
        assertEquals(1, h.history.size());
    }

    @Test
    void aDialogRecoveredWhileUpKeepsItsRingingAndDestinationForTheRecord() {
        EntityHarness h = harness();
        h.track(h.invite().relayedTo("sip:gw1.example.net"), DialogProperties.NONE);
        h.advance(Duration.ofMillis(900));
        h.run(new DialogCommand.Provisional(180));
        h.answer();
        h.request(Side.CALLER, "ACK", SampleCall.INVITE_CSEQ);
        h.entity.restart();
        h.request(Side.CALLER, "BYE", SampleCall.INVITE_CSEQ + 1);

        CallRecord call = only(h);
        assertEquals(START + 900, call.ringingMillis());
        assertEquals("sip:gw1.example.net", call.destination());
    }
}
