package io.switchboard.actors.dialog;

import io.switchboard.persistence.CborSerializable;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.stream.Stream;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.apache.pekko.actor.typed.receptionist.Receptionist;
import org.apache.pekko.actor.typed.receptionist.ServiceKey;
import org.apache.pekko.cluster.ClusterEvent;
import org.apache.pekko.cluster.Member;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.ddata.Key;
import org.apache.pekko.cluster.ddata.LWWMap;
import org.apache.pekko.cluster.ddata.LWWMapKey;
import org.apache.pekko.cluster.ddata.SelfUniqueAddress;
import org.apache.pekko.cluster.ddata.typed.javadsl.DistributedData;
import org.apache.pekko.cluster.ddata.typed.javadsl.Replicator;
import org.apache.pekko.cluster.ddata.typed.javadsl.ReplicatorMessageAdapter;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Subscribe;

/**
 * Cluster-wide profile sizes (seed manual 001, 7.4 {@code get_profile_size}, 9.11
 * {@code dlg.profile_get_size}) and the profile's dialogs on every node (7.15
 * {@code dlg_set_timeout_by_profile}, 9.12 {@code dlg.profile_list}).
 *
 * <p><b>Sizes.</b> A dialog's profiles are part of the dialog (journaled with it), and each node's
 * {@link DialogDirectory} counts the profiles of the live dialogs it hosts, exactly and at once.
 * Every {@link #PUBLISH_INTERVAL} a per-node actor publishes those counts, when they changed, into
 * one Distributed Data {@link LWWMap} keyed by the node's unique address (address and uid, so a
 * restarted node is a new key). Each entry has one writer, so last-writer-wins never loses a count;
 * writes are local ({@code WriteLocal}), and the map reaches the other nodes by delta propagation
 * (every 200 ms by Pekko's default) and gossip. A size is this node's own count plus the published
 * counts of the other nodes that are cluster members and not down. A node that dies stops counting
 * once it is downed or removed (its entry is dropped from the map too), and its dialogs, recovered
 * on the survivors from the journal, count there; a node that leaves hands its dialogs over the same
 * way. So sizes are exact for this node and at most a publish interval plus a propagation round
 * behind for the others: a limit on calls per profile can let a few calls too many through within
 * that window, as a cluster of Kamailios sharing profiles through DMQ would.
 *
 * <p><b>Dialogs of a profile.</b> The same actor registers with the receptionist; asking all of
 * them lists a profile's dialogs of the whole cluster, and telling all of them sets the timeout
 * of every dialog of a profile.
 */
public final class ProfileSizes {

    /** How often a node publishes its counts, when they changed. */
    public static final Duration PUBLISH_INTERVAL = Duration.ofMillis(150);

    /** The replicated map: node unique address to that node's counts. */
    static final Key<LWWMap<String, ProfileCounts>> KEY = LWWMapKey.create("dialog-profile-counts");

    /** Each node's actor, for the commands naming a profile's dialogs. */
    public static final ServiceKey<Command> SERVICE = ServiceKey.create(Command.class, "dialog-profiles");

    /** What the per-node actor understands from other nodes. */
    public interface Command extends CborSerializable {

        /** {@code dlg_set_timeout_by_profile}: a new lifetime for this node's dialogs of the profile. */
        record SetTimeout(String profile, String value, long seconds) implements Command {
        }

        /** This node's live dialogs of the profile (a null {@code value}: any). */
        record ListDialogs(String profile, String value, ActorRef<Listed> replyTo) implements Command {
        }
    }

    /** The answer to {@link Command.ListDialogs}. */
    public record Listed(List<DialogSnapshot> dialogs) implements CborSerializable {
    }

    private enum Tick implements Command {
        INSTANCE
    }

    private record Replicated(Replicator.SubscribeResponse<LWWMap<String, ProfileCounts>> response)
            implements Command {
    }

    private record Written(Replicator.UpdateResponse<LWWMap<String, ProfileCounts>> response) implements Command {
    }

    private record MembersChanged(ClusterEvent.MemberEvent event) implements Command {
    }

    private final ActorSystem<?> system;
    private final DialogDirectory directory;
    private volatile ProfileCounts others = ProfileCounts.EMPTY;
    private ActorRef<Command> self;

    private ProfileSizes(ActorSystem<?> system, DialogDirectory directory) {
        this.system = system;
        this.directory = directory;
    }

    /** Starts publishing this node's counts of {@code directory}, and reading the other nodes'. */
    static ProfileSizes start(ActorSystem<?> system, DialogDirectory directory) {
        ProfileSizes sizes = new ProfileSizes(system, directory);
        sizes.self = system.systemActorOf(sizes.behavior(), "dialog-profiles", Props.empty());
        return sizes;
    }

    /** The live dialogs in {@code profile} on the whole cluster, with {@code value} (null: any value). */
    public long size(String profile, String value) {
        return directory.profileCounts().size(profile, value) + others.size(profile, value);
    }

    /** Sets the lifetime of every live dialog of the profile, on every node, to {@code lifetime} from now. */
    public CompletionStage<Void> setTimeout(String profile, String value, Duration lifetime, Duration timeout) {
        Command.SetTimeout set = new Command.SetTimeout(profile, value, lifetime.toSeconds());
        self.tell(set);
        return otherNodes(timeout).thenAccept(nodes -> nodes.forEach(node -> node.tell(set)));
    }

    /** The live dialogs of the profile: this node's, and those of every other node that answers within {@code timeout}. */
    public CompletionStage<List<DialogSnapshot>> list(String profile, String value, Duration timeout) {
        List<DialogSnapshot> here = directory.inProfile(profile, value);
        return otherNodes(timeout).thenCompose(nodes -> {
            List<CompletableFuture<List<DialogSnapshot>>> answers = nodes.stream()
                    .map(node -> AskPattern.<Command, Listed>ask(node,
                                    replyTo -> new Command.ListDialogs(profile, value, replyTo), timeout,
                                    system.scheduler())
                            .thenApply(Listed::dialogs)
                            .exceptionally(failure -> List.of())
                            .toCompletableFuture())
                    .toList();
            return CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new))
                    .thenApply(done -> Stream.concat(here.stream(),
                            answers.stream().flatMap(answer -> answer.join().stream())).toList());
        });
    }

    /**
     * The actors of the other nodes as the receptionist knows them (a node that just joined may be
     * missing for a moment); none if the receptionist does not answer within {@code timeout}.
     */
    private CompletionStage<Set<ActorRef<Command>>> otherNodes(Duration timeout) {
        return AskPattern.<Receptionist.Command, Receptionist.Listing>ask(system.receptionist(),
                replyTo -> Receptionist.find(SERVICE, replyTo), timeout, system.scheduler())
                .thenApply(listing -> {
                    Set<ActorRef<Command>> nodes = new HashSet<>(listing.getServiceInstances(SERVICE));
                    nodes.remove(self);
                    return nodes;
                })
                .exceptionally(failure -> Set.of());
    }

    private Behavior<Command> behavior() {
        return Behaviors.setup(context -> Behaviors.withTimers(timers ->
                DistributedData.<Command, LWWMap<String, ProfileCounts>>withReplicatorMessageAdapter(replicator ->
                        new Node(context, timers, replicator).behavior())));
    }

    /** The actor of one node: publishes, reads and answers. */
    private final class Node {

        private final ActorContext<Command> context;
        private final ReplicatorMessageAdapter<Command, LWWMap<String, ProfileCounts>> replicator;
        private final SelfUniqueAddress self;
        private LWWMap<String, ProfileCounts> published = LWWMap.create();
        private ProfileCounts lastWritten;

        Node(ActorContext<Command> context, TimerScheduler<Command> timers,
                ReplicatorMessageAdapter<Command, LWWMap<String, ProfileCounts>> replicator) {
            this.context = context;
            this.replicator = replicator;
            this.self = DistributedData.get(context.getSystem()).selfUniqueAddress();
            replicator.subscribe(KEY, Replicated::new);
            Cluster.get(context.getSystem()).subscriptions().tell(Subscribe.create(
                    context.messageAdapter(ClusterEvent.MemberEvent.class, MembersChanged::new),
                    ClusterEvent.MemberEvent.class));
            context.getSystem().receptionist().tell(Receptionist.register(SERVICE, context.getSelf()));
            timers.startTimerWithFixedDelay(Tick.INSTANCE, PUBLISH_INTERVAL);
        }

        Behavior<Command> behavior() {
            return Behaviors.receive(Command.class)
                    .onMessageEquals(Tick.INSTANCE, this::publish)
                    .onMessage(Replicated.class, this::onReplicated)
                    .onMessage(Written.class, written -> Behaviors.same())
                    .onMessage(MembersChanged.class, this::onMembersChanged)
                    .onMessage(Command.SetTimeout.class, this::onSetTimeout)
                    .onMessage(Command.ListDialogs.class, this::onList)
                    .build();
        }

        private Behavior<Command> publish() {
            ProfileCounts counts = directory.profileCounts();
            if (!counts.equals(lastWritten)) {
                lastWritten = counts;
                String node = self.uniqueAddress().toString();
                replicator.askUpdate(replyTo -> new Replicator.Update<>(KEY, LWWMap.create(), Replicator.writeLocal(),
                        replyTo, map -> map.put(self, node, counts)), Written::new);
            }
            return Behaviors.same();
        }

        private Behavior<Command> onReplicated(Replicated replicated) {
            if (replicated.response() instanceof Replicator.Changed<LWWMap<String, ProfileCounts>> changed) {
                published = changed.get(KEY);
                recount();
            }
            return Behaviors.same();
        }

        private Behavior<Command> onMembersChanged(MembersChanged changed) {
            if (changed.event() instanceof ClusterEvent.MemberRemoved removed) {
                String gone = removed.member().uniqueAddress().toString();
                if (published.getEntries().containsKey(gone)) {
                    replicator.askUpdate(replyTo -> new Replicator.Update<>(KEY, LWWMap.create(),
                            Replicator.writeLocal(), replyTo, map -> map.remove(self, gone)), Written::new);
                }
            }
            recount();
            return Behaviors.same();
        }

        /** The counts of the other nodes that are members and not down. */
        private void recount() {
            Set<String> counted = new HashSet<>();
            for (Member member : Cluster.get(context.getSystem()).state().getMembers()) {
                if (member.status() != MemberStatus.down() && member.status() != MemberStatus.removed()) {
                    counted.add(member.uniqueAddress().toString());
                }
            }
            counted.remove(self.uniqueAddress().toString());
            ProfileCounts sum = ProfileCounts.EMPTY;
            for (Map.Entry<String, ProfileCounts> entry : published.getEntries().entrySet()) {
                if (counted.contains(entry.getKey())) {
                    sum = sum.plus(entry.getValue());
                }
            }
            others = sum;
        }

        private Behavior<Command> onSetTimeout(Command.SetTimeout set) {
            ClusterSharding sharding = ClusterSharding.get(context.getSystem());
            local(set.profile(), set.value()).forEach(dialog -> sharding.entityRefFor(DialogEntity.TYPE_KEY,
                    dialog.callId()).tell(new DialogCommand.SetTimeout(set.seconds(), null)));
            return Behaviors.same();
        }

        private Behavior<Command> onList(Command.ListDialogs list) {
            list.replyTo().tell(new Listed(local(list.profile(), list.value()).toList()));
            return Behaviors.same();
        }

        private Stream<DialogSnapshot> local(String profile, String value) {
            return directory.inProfile(profile, value).stream();
        }
    }
}
