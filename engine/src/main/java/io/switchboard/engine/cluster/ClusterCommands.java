package io.switchboard.engine.cluster;

import io.switchboard.actors.dialog.DialogEntity;
import io.switchboard.engine.management.RpcCommand;
import io.switchboard.engine.management.RpcCommands;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.actor.Address;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.cluster.ClusterEvent.CurrentClusterState;
import org.apache.pekko.cluster.Member;
import org.apache.pekko.cluster.sharding.ShardRegion.ClusterShardingStats;
import org.apache.pekko.cluster.sharding.ShardRegion.ShardRegionStats;
import org.apache.pekko.cluster.sharding.typed.ClusterShardingQuery;
import org.apache.pekko.cluster.sharding.typed.GetClusterShardingStats;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.typed.Cluster;

/**
 * {@code cluster.members}: the Pekko cluster as this node sees it (DESIGN "Cluster"; issue 9) —
 * each member's address, status ({@code up}, {@code joining}, {@code leaving}, {@code exiting},
 * {@code down}, ...), whether this node can reach it, whether it leads, and the dialog shards and
 * dialogs it hosts, from the sharding coordinator's statistics — null for both when the
 * coordinator does not answer in time (while the cluster forms or moves the coordinator), so
 * the membership is shown whatever sharding is doing.
 */
public final class ClusterCommands {

    /** How long the shard regions of all members get to answer. */
    private static final Duration SHARD_STATS = Duration.ofSeconds(3);

    private ClusterCommands() {
    }

    /** Adds {@code cluster.members} to {@code commands}. */
    public static void register(RpcCommands commands, ActorSystem<?> system) {
        commands.add(new RpcCommand("cluster.members", "Lists the members of the cluster with their address, status,"
                + " reachability and the dialog shards and dialogs each hosts.", args -> members(system)));
    }

    private static List<Map<String, Object>> members(ActorSystem<?> system) {
        Cluster cluster = Cluster.get(system);
        CurrentClusterState state = cluster.state();
        Optional<Map<Address, ShardRegionStats>> regions = shardStats(system).map(ClusterShardingStats::getRegions);
        List<Map<String, Object>> members = new ArrayList<>();
        for (Member member : state.getMembers()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("address", member.address().toString());
            row.put("status", member.status().toString().toLowerCase(Locale.ROOT));
            row.put("reachable", !state.getUnreachable().contains(member));
            row.put("leader", member.address().equals(state.getLeader()));
            row.put("self", member.equals(cluster.selfMember()));
            row.put("roles", List.copyOf(member.getRoles()));
            Optional<ShardRegionStats> region = regions.map(r -> r.get(member.address()));
            row.put("shards", regions.isEmpty() ? null : region.map(r -> r.getStats().size()).orElse(0));
            row.put("dialogs", regions.isEmpty() ? null : region.map(ClusterCommands::entities).orElse(0));
            members.add(row);
        }
        return members;
    }

    private static int entities(ShardRegionStats region) {
        return region.getStats().values().stream().mapToInt(count -> ((Number) count).intValue()).sum();
    }

    private static Optional<ClusterShardingStats> shardStats(ActorSystem<?> system) {
        try {
            return Optional.of(AskPattern.<ClusterShardingQuery, ClusterShardingStats>ask(
                            ClusterSharding.get(system).shardState(),
                            replyTo -> new GetClusterShardingStats(DialogEntity.TYPE_KEY, SHARD_STATS, replyTo),
                            SHARD_STATS.plusSeconds(1), system.scheduler())
                    .toCompletableFuture().get(SHARD_STATS.toSeconds() + 2, TimeUnit.SECONDS));
        } catch (TimeoutException | ExecutionException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
