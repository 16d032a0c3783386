package io.switchboard.actors.htable;

import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Join;

/**
 * Pekko Cluster membership for the engine's singletons (DESIGN "Cluster"): a node without
 * {@code pekko.cluster.seed-nodes} forms a cluster of one by joining itself; with seed nodes it
 * joins them as Pekko does on its own. Safe to call more than once.
 */
public final class ClusterJoin {

    private ClusterJoin() {
    }

    /** True when the actor system runs Pekko Cluster ({@code pekko.actor.provider = cluster}). */
    public static boolean isClustered(ActorSystem<?> system) {
        String provider = system.settings().config().getString("pekko.actor.provider");
        return provider.equals("cluster") || provider.endsWith(".ClusterActorRefProvider");
    }

    /** Joins this node to itself when it has no seed nodes and is not a member yet. */
    public static void joinIfAlone(ActorSystem<?> system) {
        if (!system.settings().config().getStringList("pekko.cluster.seed-nodes").isEmpty()) {
            return;
        }
        Cluster cluster = Cluster.get(system);
        if (cluster.selfMember().status().equals(MemberStatus.removed())) {
            cluster.manager().tell(Join.create(cluster.selfMember().address()));
        }
    }
}
