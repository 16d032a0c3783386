package io.switchboard.actors.dialog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import io.switchboard.actors.ClusterNode;
import io.switchboard.persistence.JournalSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The sharded dialogs on a cluster of one with the in-memory journal, through the facade the engine uses. */
class DialogsTest {

    private static final Duration ASK = Duration.ofSeconds(10);

    private static ActorTestKit kit;
    private static Dialogs dialogs;
    private static final RecordingSender SENDER = new RecordingSender(200);
    private static final RecordingListener LISTENER = new RecordingListener();

    @BeforeAll
    static void start() {
        JournalSettings journal = JournalSettings.fromConfig(ConfigFactory
                .parseString("switchboard.persistence.journal = memory")
                .withFallback(ConfigFactory.defaultReference()).getConfig("switchboard"));
        kit = ActorTestKit.create("dialogs", journal.overlay()
                .withFallback(ClusterNode.fromConfig(ConfigFactory.defaultReference().getConfig("switchboard")).overlay())
                .withFallback(ConfigFactory.parseString("pekko.cluster.jmx.multi-mbeans-in-same-jvm = on"))
                .withFallback(ConfigFactory.load()));
        dialogs = Dialogs.init(kit.system(), new DialogEnvironment(DialogSettings.defaults(), SENDER,
                new DialogStatistics(), new DialogDirectory(), LISTENER, Clock.systemUTC()));
    }

    @AfterAll
    static void stop() {
        kit.shutdownTestKit();
    }

    private static <T> T await(CompletionStage<T> stage) throws Exception {
        return stage.toCompletableFuture().get(ASK.toSeconds() + 5, TimeUnit.SECONDS);
    }

    private static DialogState awaitInDirectory(String callId, DialogState state) {
        long until = System.nanoTime() + ASK.toNanos();
        while (dialogs.directory().get(callId).map(DialogSnapshot::state).orElse(null) != state
                && System.nanoTime() < until) {
            Thread.onSpinWait();
        }
        return dialogs.directory().get(callId).map(DialogSnapshot::state).orElse(null);
    }

    @Test
    void aCallOnAClusterOfOne() throws Exception {
        String callId = "sharded-1@dialogs.test";
        InitialInvite invite = SampleCall.invite(callId);
        assertEquals(TrackOutcome.CREATED, await(dialogs.track(invite, DialogProperties.NONE, ASK)));
        assertEquals(TrackOutcome.SPIRAL, await(dialogs.track(invite, DialogProperties.NONE, ASK)));
        dialogs.provisional(callId, 180);
        assertEquals(DialogState.EARLY, awaitInDirectory(callId, DialogState.EARLY));
        dialogs.answered(callId, SampleCall.CALLEE_TAG, SampleCall.CALLEE_CONTACT, SampleCall.answerRecordRoutes());
        dialogs.inDialogRequest(callId, "ACK", SampleCall.INVITE_CSEQ, SampleCall.CALLER_TAG, SampleCall.CALLEE_TAG,
                Dialogs.did(callId));
        assertEquals(DialogState.CONFIRMED, awaitInDirectory(callId, DialogState.CONFIRMED));
        LISTENER.expect("started " + callId + " CONFIRMED_NA");
        assertEquals(1, dialogs.statistics().activeDialogs());
        assertEquals(new DialogDirectory.ActiveCounts(0, 0, 0, 1), dialogs.directory().activeCounts());

        DialogSnapshot snapshot = await(dialogs.get(callId, ASK)).orElseThrow();
        assertEquals(DialogState.CONFIRMED, snapshot.state());
        assertEquals(SampleCall.CALLEE_TAG, snapshot.toTag());
        assertEquals(Optional.of(DialogState.CONFIRMED), await(dialogs.isKnown(callId, SampleCall.CALLEE_TAG,
                SampleCall.CALLER_TAG, Dialogs.did(callId), ASK)));
        assertTrue(await(dialogs.setTimeout(callId, Duration.ofHours(1), ASK)));

        assertTrue(await(dialogs.terminate(callId, Set.of(Side.CALLER, Side.CALLEE), "dlg.terminate_dlg", ASK)));
        LISTENER.expect("ended " + callId + " MANAGEMENT");
        assertEquals(2, SENDER.sent().size());
        assertEquals(Optional.empty(), dialogs.directory().get(callId));
        assertEquals(DialogState.DELETED, await(dialogs.get(callId, ASK)).orElseThrow().state());
        assertEquals(0, dialogs.statistics().activeDialogs());
        assertEquals(1, dialogs.statistics().processedDialogs());
    }

    @Test
    void anUnknownCallIdHasNoDialog() throws Exception {
        assertEquals(Optional.empty(), await(dialogs.get("nobody@dialogs.test", ASK)));
        assertEquals(Optional.empty(), await(dialogs.isKnown("nobody@dialogs.test", "a", "b", null, ASK)));
        assertFalse(await(dialogs.terminate("nobody@dialogs.test", Set.of(), "none", ASK)));
    }
}
