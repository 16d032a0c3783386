package io.switchboard.actors.dialog;

import static io.switchboard.actors.cluster.TwoNodes.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;


import com.typesafe.config.ConfigFactory;
import io.switchboard.actors.cluster.TwoNodes;
import io.switchboard.persistence.JournalSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.cluster.typed.Cluster;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Profile sizes on two nodes in one JVM (seed manual 001, 7.4, 9.11, 9.12): either node counts the
 * dialogs of both, an ended dialog leaves the count on both, the dialogs of a profile are listed
 * from both, and when a node leaves, its dialogs stop counting on the other.
 */
class ProfileSizesClusterTest {

    private static final Duration PATIENCE = TwoNodes.PATIENCE;
    private static final int CALLS = 12;
    private static final ProfileMembership ALICE = new ProfileMembership("caller", "alice");
    private static final DialogSettings SETTINGS = EntityHarness.settings("profiles-with-value = [caller]");

    private final TwoNodes nodes = new TwoNodes("profiles", JournalSettings.fromConfig(ConfigFactory
            .parseString("switchboard.persistence.journal = memory")
            .withFallback(ConfigFactory.defaultReference()).getConfig("switchboard")).overlay());

    @AfterEach
    void stopNodes() {
        nodes.stop();
    }

    private static Dialogs start(ActorTestKit kit) {
        return Dialogs.init(kit.system(), new DialogEnvironment(SETTINGS, new RecordingSender(200),
                new DialogStatistics(), new DialogDirectory(), DialogListener.NONE, Clock.systemUTC()));
    }

    @Test
    void bothNodesCountTheDialogsOfBothAndALeavingNodesDialogsStopCounting() throws Exception {
        ActorTestKit first = nodes.startFirst();
        Dialogs a = start(first);
        eventually(first, () -> assertTrue(Cluster.get(first.system()).selfMember().status().toString().equals("Up")));
        ActorTestKit second = nodes.startSecond();
        Dialogs b = start(second);
        eventually(second, () -> assertEquals(2, Cluster.get(second.system()).state().members().size()));

        for (int i = 0; i < CALLS; i++) {
            String callId = "profiled-" + i + "@cluster.test";
            Dialogs via = i % 2 == 0 ? a : b;
            via.track(SampleCall.invite(callId), DialogProperties.NONE, PATIENCE).toCompletableFuture()
                    .get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            via.setProfile(callId, ALICE, true);
        }
        eventually(first, () -> assertEquals(CALLS, a.profiles().size("caller", "alice")));
        eventually(second, () -> assertEquals(CALLS, b.profiles().size("caller", null)));
        int onSecond = b.directory().inProfile("caller", "alice").size();
        assertTrue(onSecond > 0 && onSecond < CALLS, "the dialogs are spread over both nodes: " + onSecond);
        assertEquals(0, a.profiles().size("caller", "bob"));

        eventually(first, () -> assertEquals(CALLS, a.profiles().list("caller", "alice", PATIENCE)
                .toCompletableFuture().join().size(), "dlg.profile_list sees both nodes"));

        a.failed("profiled-0@cluster.test", 486);
        eventually(second, () -> assertEquals(CALLS - 1, b.profiles().size("caller", "alice")));
        eventually(first, () -> assertEquals(CALLS - 1, a.profiles().size("caller", "alice")));

        int onFirst = a.directory().inProfile("caller", "alice").size();
        nodes.stopSecond();
        eventually(first, () -> assertEquals(onFirst, a.profiles().size("caller", "alice"),
                "the leaving node's dialogs (call setup, not journaled) no longer count"));
    }
}
