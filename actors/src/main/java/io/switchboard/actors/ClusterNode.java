package io.switchboard.actors;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import java.util.List;
import java.util.Map;

/**
 * This node's place in the Pekko cluster, from {@code switchboard.cluster}: the address other
 * nodes reach it at and the seed nodes it joins (none: it forms a cluster of one, DESIGN
 * "Cluster"). {@link #overlay()} is the Pekko configuration to lay over the rest before the actor
 * system starts; it is an overlay rather than defaults in {@code reference.conf} because a
 * library's {@code reference.conf} cannot override another's (Pekko's own {@code provider = local})
 * once a packaged jar concatenates them. A wrong value is an {@link IllegalArgumentException}
 * naming the key.
 *
 * @param hostname  the host the cluster transport binds to and announces
 * @param port      its TCP port, 0 for any free one
 * @param seedNodes addresses such as {@code pekko://switchboard@10.0.0.1:7355}
 */
public record ClusterNode(String hostname, int port, List<String> seedNodes) {

    /** Path of the settings block within the root configuration. */
    public static final String PATH = "switchboard.cluster";

    public ClusterNode {
        seedNodes = List.copyOf(seedNodes);
    }

    /** Reads the {@code cluster} block of the {@code switchboard} configuration. */
    public static ClusterNode fromConfig(Config switchboard) {
        Config c = switchboard.getConfig("cluster");
        try {
            String hostname = c.getString("hostname");
            int port = c.getInt("port");
            List<String> seeds = c.getStringList("seed-nodes");
            if (hostname.isBlank()) {
                throw new IllegalArgumentException("setting " + PATH + ".hostname must name a host");
            }
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("setting " + PATH + ".port must be 0-65535, not " + port);
            }
            for (String seed : seeds) {
                if (!seed.startsWith("pekko://")) {
                    throw new IllegalArgumentException("setting " + PATH + ".seed-nodes: \"" + seed
                            + "\" is not a node address pekko://<system>@<host>:<port>");
                }
            }
            return new ClusterNode(hostname, port, seeds);
        } catch (ConfigException e) {
            throw new IllegalArgumentException("setting " + PATH + ": " + e.getMessage(), e);
        }
    }

    /**
     * The Pekko settings that make the actor system this cluster node. Seed nodes are written only
     * when some are configured here, so {@code pekko.cluster.seed-nodes} set directly still holds.
     */
    public Config overlay() {
        Config overlay = ConfigFactory.parseMap(Map.of(
                "pekko.actor.provider", "cluster",
                "pekko.remote.artery.canonical.hostname", hostname,
                "pekko.remote.artery.canonical.port", port));
        return seedNodes.isEmpty() ? overlay
                : overlay.withValue("pekko.cluster.seed-nodes", ConfigValueFactory.fromIterable(seedNodes));
    }
}
