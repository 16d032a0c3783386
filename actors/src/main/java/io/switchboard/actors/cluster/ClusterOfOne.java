package io.switchboard.actors.cluster;

import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.ClusterSingleton;
import org.apache.pekko.cluster.typed.Join;
import org.apache.pekko.cluster.typed.SingletonActor;

/**
 * DESIGN, "Cluster": a lone node forms a cluster of one with no configuration. With
 * {@code pekko.actor.provider = cluster} and no {@code pekko.cluster.seed-nodes} the node joins
 * itself; with seed nodes it joins them as Pekko does on its own. With another provider there is
 * no cluster, and a singleton is a plain actor of this node.
 */
public final class ClusterOfOne {

    private ClusterOfOne() {
    }

    /** True when the actor system runs Pekko Cluster. */
    public static boolean isClustered(ActorSystem<?> system) {
        String provider = system.settings().config().getString("pekko.actor.provider");
        return provider.equals("cluster") || provider.endsWith(".ClusterActorRefProvider");
    }

    /** Joins this node to itself when the cluster has no seed nodes; harmless when done twice. */
    public static void joinSelfWithoutSeeds(ActorSystem<?> system) {
        if (system.settings().config().getStringList("pekko.cluster.seed-nodes").isEmpty()) {
            Cluster cluster = Cluster.get(system);
            cluster.manager().tell(Join.create(cluster.selfMember().address()));
        }
    }

    /**
     * The cluster singleton {@code name} running {@code behavior} (a proxy to wherever it runs),
     * or, without a cluster, a system actor of that name.
     */
    public static <M> ActorRef<M> singleton(ActorSystem<?> system, Behavior<M> behavior, String name) {
        if (!isClustered(system)) {
            return system.systemActorOf(behavior, name, Props.empty());
        }
        joinSelfWithoutSeeds(system);
        return ClusterSingleton.get(system).init(SingletonActor.of(behavior, name));
    }
}
