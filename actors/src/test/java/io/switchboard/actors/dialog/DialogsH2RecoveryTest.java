package io.switchboard.actors.dialog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.switchboard.actors.ClusterNode;
import io.switchboard.persistence.JournalSettings;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dialogs on the H2 journal outlive the actor system: the shards remember their entities, so after
 * a restart each dialog is running again without a message, a lifetime that ran out while the node
 * was down ends its call at once (with BYEs under send-bye), a call still within its lifetime
 * goes on until its BYE, and {@code end-timeout} after the end the dialogs' events are deleted.
 * The second node's clock runs 200 s ahead: the time the node was down.
 */
class DialogsH2RecoveryTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private record Node(ActorTestKit kit, Dialogs dialogs, RecordingSender sender) {
    }

    private Node start(Clock clock) throws Exception {
        Config switchboard = ConfigFactory.parseString("switchboard.persistence.data-dir = \""
                        + dir.toString().replace("\\", "/") + "\"\nswitchboard.dialog { default-timeout = 100, send-bye = 1, end-timeout = 1 }")
                .withFallback(ConfigFactory.defaultReference()).getConfig("switchboard");
        JournalSettings journal = JournalSettings.fromConfig(switchboard);
        ActorTestKit kit = ActorTestKit.create("h2-dialogs", journal.overlay()
                .withFallback(ClusterNode.fromConfig(ConfigFactory.defaultReference().getConfig("switchboard")).overlay())
                .withFallback(ConfigFactory.parseString("pekko.cluster.jmx.multi-mbeans-in-same-jvm = on"))
                .withFallback(ConfigFactory.load()));
        journal.createSchema(kit.system()).toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        RecordingSender sender = new RecordingSender(200);
        Dialogs dialogs = Dialogs.init(kit.system(), new DialogEnvironment(DialogSettings.fromConfig(switchboard),
                sender, new DialogStatistics(), new DialogDirectory(), DialogListener.NONE, clock));
        return new Node(kit, dialogs, sender);
    }

    private static void confirm(Dialogs dialogs, String callId) throws Exception {
        dialogs.track(SampleCall.invite(callId), DialogProperties.NONE);
        dialogs.answered(callId, SampleCall.CALLEE_TAG, SampleCall.CALLEE_CONTACT, SampleCall.answerRecordRoutes());
        dialogs.inDialogRequest(callId, "ACK", SampleCall.INVITE_CSEQ, SampleCall.CALLER_TAG, SampleCall.CALLEE_TAG,
                Dialogs.did(callId));
        assertEquals(DialogState.CONFIRMED, awaitState(dialogs, callId, DialogState.CONFIRMED));
    }

    private static DialogState awaitState(Dialogs dialogs, String callId, DialogState state) {
        long until = System.nanoTime() + WAIT.toNanos();
        DialogState seen = null;
        while (System.nanoTime() < until) {
            seen = dialogs.directory().get(callId).map(DialogSnapshot::state).orElse(DialogState.DELETED);
            if (seen == state) {
                break;
            }
            Thread.onSpinWait();
        }
        return seen;
    }

    /** Journal rows of dialogs not marked deleted. */
    private static long liveEvents(String url) throws Exception {
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM \"event_journal\""
                        + " WHERE \"persistence_id\" LIKE 'dialog|%' AND NOT \"deleted\"")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    @Test
    void dialogsSurviveARestartAndTheirTimersRunAgain() throws Exception {
        Node first = start(Clock.systemUTC());
        confirm(first.dialogs(), "short@h2.test");
        confirm(first.dialogs(), "long@h2.test");
        first.dialogs().setTimeout("long@h2.test", Duration.ofSeconds(1000), WAIT).toCompletableFuture()
                .get(WAIT.toSeconds(), TimeUnit.SECONDS);
        first.kit().shutdownTestKit();

        Node second = start(Clock.offset(Clock.systemUTC(), Duration.ofSeconds(200)));
        try {
            assertEquals(DialogState.CONFIRMED, awaitState(second.dialogs(), "long@h2.test", DialogState.CONFIRMED));
            long until = System.nanoTime() + WAIT.toNanos();
            while (second.sender().sent().size() < 2 && System.nanoTime() < until) {
                Thread.onSpinWait();
            }
            assertEquals(2, second.sender().sent().size(), "BYEs of the dialog whose lifetime ran out");
            second.sender().sent().forEach(sent -> assertEquals("short@h2.test",
                    sent.request().header(io.switchboard.transport.message.HeaderName.CALL_ID)));
            assertEquals(DialogState.DELETED, awaitState(second.dialogs(), "short@h2.test", DialogState.DELETED));
            assertEquals(1, second.dialogs().statistics().expiredDialogs());

            second.dialogs().inDialogRequest("long@h2.test", "BYE", SampleCall.INVITE_CSEQ + 1, SampleCall.CALLER_TAG,
                    SampleCall.CALLEE_TAG, Dialogs.did("long@h2.test"));
            assertEquals(DialogState.DELETED, awaitState(second.dialogs(), "long@h2.test", DialogState.DELETED));
            assertEquals(0, second.dialogs().statistics().activeDialogs());

            String url = second.kit().system().settings().config()
                    .getString("pekko-persistence-jdbc.shared-databases.switchboard.db.url");
            long until2 = System.nanoTime() + WAIT.toNanos();
            while (liveEvents(url) > 0 && System.nanoTime() < until2) {
                Thread.sleep(50);
            }
            assertEquals(0, liveEvents(url), "events of ended dialogs are deleted after end-timeout");
        } finally {
            second.kit().shutdownTestKit();
        }
    }
}
