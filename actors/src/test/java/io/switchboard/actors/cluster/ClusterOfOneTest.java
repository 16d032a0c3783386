package io.switchboard.actors.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.junit.jupiter.api.Test;

/** A lone node forms a cluster of one and runs singletons; without a cluster a singleton is a local actor. */
class ClusterOfOneTest {

    private static ActorRef<ActorRef<String>> echo(ActorTestKit kit) {
        return ClusterOfOne.singleton(kit.system(), Behaviors.receiveMessage(replyTo -> {
            replyTo.tell("here");
            return Behaviors.same();
        }), "echo");
    }

    @Test
    void aLoneClusterNodeJoinsItselfAndRunsTheSingleton() {
        ActorTestKit kit = ActorTestKit.create(ConfigFactory.parseString("""
                pekko.actor.provider = cluster
                pekko.remote.artery.canonical { hostname = "127.0.0.1", port = 0 }
                pekko.cluster.jmx.multi-mbeans-in-same-jvm = on
                """).withFallback(ConfigFactory.load()));
        try {
            assertTrue(ClusterOfOne.isClustered(kit.system()));
            TestProbe<String> probe = kit.createTestProbe();
            echo(kit).tell(probe.ref());
            assertEquals("here", probe.receiveMessage(Duration.ofSeconds(20)));
        } finally {
            kit.shutdownTestKit();
        }
    }

    @Test
    void withoutAClusterTheSingletonIsALocalActor() {
        ActorTestKit kit = ActorTestKit.create();
        try {
            assertFalse(ClusterOfOne.isClustered(kit.system()));
            TestProbe<String> probe = kit.createTestProbe();
            echo(kit).tell(probe.ref());
            assertEquals("here", probe.receiveMessage());
        } finally {
            kit.shutdownTestKit();
        }
    }
}
