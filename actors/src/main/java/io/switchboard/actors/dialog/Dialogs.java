package io.switchboard.actors.dialog;

import io.switchboard.actors.cluster.ClusterOfOne;
import io.switchboard.persistence.JournalSettings;
import io.switchboard.transport.message.SipMethod;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.Member;
import org.apache.pekko.cluster.sharding.typed.ClusterShardingSettings;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.Entity;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityRef;
import org.apache.pekko.cluster.typed.Cluster;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dialog module as the engine uses it (seed manual 7.8 {@code dlg_bye}, 7.9 {@code dlg_refer},
 * 7.10 {@code dlg_manage()}, 7.13
 * {@code is_known_dlg()}, 7.14 {@code dlg_set_timeout()}, 9 the {@code dlg.*} commands): starts
 * the sharded {@link DialogEntity} on the node and addresses dialogs by Call-ID. What a call does
 * is told (fire and forget: the hot path never waits for an entity or the journal); what a route
 * or a command needs to know is asked, always with a deadline, and the stage fails with a
 * {@code TimeoutException} past it. Per-node views are {@link #directory()} and
 * {@link #statistics()}.
 *
 * <p>The actor system must be a cluster node ({@link io.switchboard.actors.ClusterNode#overlay()});
 * it joins itself when {@code pekko.cluster.seed-nodes} is empty: a lone engine is a cluster of one. With a durable journal ({@code switchboard.persistence.journal = h2}) the shards
 * remember their entities (in the journal), so after a restart every dialog that had not been
 * cleaned up is started again and its timers run without waiting for a message.
 *
 * <p>What makes or ends a call reaches its dialog at least once: the INVITE to track, the answer,
 * the failure, the ACK and the BYE. In a cluster of more than one, a message to a shard that is
 * being handed off, or to a node that died and is not yet downed, is lost, so each of these asks
 * for a receipt, which the dialog gives once what the message brings is in the journal (or in
 * memory, during setup) or can no longer change anything, and is sent again until it has one:
 * after {@link #FIRST_RECEIPT_WAIT}, then after twice as long each time up to
 * {@link #LONGEST_RECEIPT_WAIT}, {@link #ATTEMPTS} times in all (about a minute and a half, long
 * enough for a dead node to be downed and its shards to move); once the shard has moved, it reaches
 * the entity recovered on its new node. A second copy is harmless: the dialog is past it and
 * ignores it. The waits grow so that a node too busy to answer within the first is not flooded with
 * copies. A node alone in its cluster tells instead: its shards have nowhere to go, and the
 * messages of one call arrive in order. {@link #delivered()} tells when every message asked so far
 * has its receipt.
 */
public final class Dialogs {

    /** How long a message that must arrive waits for the dialog's receipt before it is first sent again. */
    static final Duration FIRST_RECEIPT_WAIT = Duration.ofSeconds(3);
    /** The longest wait between two copies: the wait doubles up to it. */
    static final Duration LONGEST_RECEIPT_WAIT = Duration.ofSeconds(24);
    /** How often such a message is sent at most: 3 + 6 + 12 + 24 + 24 + 24 s of waiting. */
    static final int ATTEMPTS = 6;

    private static final Logger log = LoggerFactory.getLogger(Dialogs.class);

    private final ClusterSharding sharding;
    private final Cluster cluster;
    private final Set<CompletableFuture<Void>> deliveries = ConcurrentHashMap.newKeySet();
    private final DialogEnvironment env;
    private final ProfileSizes profileSizes;

    private Dialogs(ClusterSharding sharding, Cluster cluster, DialogEnvironment env, ProfileSizes profileSizes) {
        this.sharding = sharding;
        this.cluster = cluster;
        this.env = env;
        this.profileSizes = profileSizes;
    }

    /**
     * Joins the cluster of one if no seed nodes are configured and starts dialog sharding on this
     * node; an actor system that is no cluster node is an {@link IllegalStateException}.
     */
    public static Dialogs init(ActorSystem<?> system, DialogEnvironment env) {
        if (!ClusterOfOne.isClustered(system)) {
            throw new IllegalStateException("dialogs need a cluster node, the actor system's provider is "
                    + system.settings().config().getString("pekko.actor.provider")
                    + ": lay io.switchboard.actors.ClusterNode's overlay over its configuration");
        }
        ClusterOfOne.joinSelfWithoutSeeds(system);
        boolean durable = JournalSettings.fromConfig(system.settings().config().getConfig("switchboard")).durable();
        ClusterShardingSettings settings = ClusterShardingSettings.create(system);
        settings = durable
                ? settings.withRememberEntities(true)
                        .withRememberEntitiesStoreMode(ClusterShardingSettings.rememberEntitiesStoreModeEventSourced())
                : settings.withNoPassivationStrategy();
        ClusterSharding sharding = ClusterSharding.get(system);
        sharding.init(Entity.of(DialogEntity.TYPE_KEY,
                        entity -> DialogEntity.create(entity.getEntityId(), env, entity.getShard()))
                .withStopMessage(DialogCommand.Stop.INSTANCE)
                .withSettings(settings));
        return new Dialogs(sharding, Cluster.get(system), env, ProfileSizes.start(system, env.directory()));
    }

    /** {@code dlg_manage()} on an initial INVITE. */
    public void track(InitialInvite invite, DialogProperties properties) {
        track(invite, properties, DialogCommand.RouteSetup.NONE);
    }

    /** {@code dlg_manage()} on an initial INVITE, with what the route set on the dialog before relaying it. */
    public void track(InitialInvite invite, DialogProperties properties, DialogCommand.RouteSetup setup) {
        this.<TrackOutcome>deliver(invite.callId(), "INVITE",
                replyTo -> new DialogCommand.Track(invite, properties, setup, replyTo));
    }

    /** {@code dlg_manage()} on an initial INVITE, with the outcome (a new dialog, a spiral, or not tracked). */
    public CompletionStage<TrackOutcome> track(InitialInvite invite, DialogProperties properties, Duration timeout) {
        return entity(invite.callId()).ask(replyTo -> new DialogCommand.Track(invite, properties, replyTo), timeout);
    }

    /** A provisional reply to the INVITE of {@code callId}. */
    public void provisional(String callId, int code) {
        entity(callId).tell(new DialogCommand.Provisional(code));
    }

    /**
     * A later branch of the INVITE of {@code callId} (failover) went to {@code destination}: what
     * the call history records as the destination used.
     */
    public void relayed(String callId, String destination) {
        entity(callId).tell(new DialogCommand.Relayed(destination));
    }

    /** The 2xx to the INVITE: To tag, Contact URI and the Record-Route values of the reply, top first. */
    public void answered(String callId, String toTag, String calleeContact, List<String> recordRoutes) {
        this.<Done>deliver(callId, "answer",
                receivedBy -> new DialogCommand.Answer(toTag, calleeContact, recordRoutes, receivedBy));
    }

    /** The final reply of 300 or more sent upstream for the INVITE. */
    public void failed(String callId, int code) {
        this.<Done>deliver(callId, code + " reply", receivedBy -> new DialogCommand.Failure(code, receivedBy));
    }

    /**
     * A request with a To tag (ACK and BYE included); {@code did} from this proxy's Route entry, or
     * null. The ACK, which confirms the call, and the BYE, which ends it, are delivered at least once.
     */
    public void inDialogRequest(String callId, String method, long cseq, String fromTag, String toTag, String did) {
        if (SipMethod.BYE.name().equals(method) || SipMethod.ACK.name().equals(method)) {
            this.<Done>deliver(callId, method,
                    receivedBy -> new DialogCommand.InDialogRequest(method, cseq, fromTag, toTag, did, receivedBy));
        } else {
            entity(callId).tell(new DialogCommand.InDialogRequest(method, cseq, fromTag, toTag, did));
        }
    }

    /**
     * Sends {@code command} to the dialog of {@code callId} until it hears a receipt (any reply),
     * or tells it once, without a receipt, on a node alone in its cluster.
     */
    private <R> void deliver(String callId, String what, Function<ActorRef<R>, DialogCommand> command) {
        if (alone()) {
            entity(callId).tell(command.apply(null));
            return;
        }
        CompletableFuture<Void> delivery = new CompletableFuture<>();
        deliveries.add(delivery);
        delivery.whenComplete((done, failure) -> deliveries.remove(delivery));
        deliver(callId, what, command, FIRST_RECEIPT_WAIT, ATTEMPTS, delivery);
    }

    private <R> void deliver(String callId, String what, Function<ActorRef<R>, DialogCommand> command, Duration wait,
            int attempts, CompletableFuture<Void> delivery) {
        entity(callId).<R>ask(command::apply, wait).whenComplete((receipt, failure) -> {
            if (failure == null) {
                delivery.complete(null);
            } else if (attempts > 1) {
                Duration longer = wait.multipliedBy(2);
                deliver(callId, what, command, longer.compareTo(LONGEST_RECEIPT_WAIT) > 0 ? LONGEST_RECEIPT_WAIT : longer,
                        attempts - 1, delivery);
            } else {
                log.warn("dialog {}: {} not received by the dialog after {} attempts", callId, what, ATTEMPTS);
                delivery.complete(null);
            }
        });
    }

    /** Whether this node is the only member of its cluster, joining or up, leaving or not. */
    private boolean alone() {
        Iterator<Member> members = cluster.state().getMembers().iterator();
        if (members.hasNext()) {
            members.next();
        }
        return !members.hasNext();
    }

    /**
     * Completes when every message that must arrive handed to its dialog so far has its receipt or
     * has run out of attempts: a node that is stopping waits for it before its actor system ends,
     * so what it relayed is not lost with it.
     */
    public CompletionStage<Void> delivered() {
        return CompletableFuture.allOf(deliveries.toArray(CompletableFuture[]::new));
    }

    /**
     * Ends a confirmed dialog, sending BYE to {@code byeTo} first; true if the dialog was confirmed.
     * An empty {@code byeTo} is {@code dlg.set_state} to 5: the dialog ends silently, without
     * {@code dialog:end} ({@link EndCause#STATE_SET}).
     */
    public CompletionStage<Boolean> terminate(String callId, Set<Side> byeTo, String reason, Duration timeout) {
        return terminate(callId, byeTo, reason, List.of(), timeout);
    }

    /**
     * {@link #terminate(String, Set, String, Duration)} with {@code extraHeaders} ({@link LocalHeaders#parse}
     * lines) in the BYEs besides {@code dlg-extra-hdrs}: {@code dlg.end_dlg}'s {@code extra_hdrs}.
     */
    public CompletionStage<Boolean> terminate(String callId, Set<Side> byeTo, String reason, List<String> extraHeaders,
            Duration timeout) {
        return entity(callId).ask(replyTo -> new DialogCommand.Terminate(Set.copyOf(byeTo), reason,
                List.copyOf(extraHeaders), replyTo), timeout);
    }

    /**
     * {@code dlg_refer(side, address)} (seed manual 7.9): a REFER to {@code target} of the confirmed
     * dialog of {@code callId}, then — once it is answered 2xx — a BYE that ends the dialog.
     * Completes with the REFER's status (408 when unanswered, 481 without a confirmed dialog); give
     * {@code timeout} room for the REFER's transaction, {@link DialogEntity#BYE_ANSWER_WAIT}.
     */
    public CompletionStage<Integer> refer(String callId, Side target, String referTo, Duration timeout) {
        return entity(callId).ask(replyTo -> new DialogCommand.Refer(target, referTo, replyTo), timeout);
    }

    /** {@code dlg_set_timeout} from a route: a new lifetime for the dialog, starting now (or at the answer). */
    public void setTimeout(String callId, Duration lifetime) {
        entity(callId).tell(new DialogCommand.SetTimeout(lifetime.toSeconds(), null));
    }

    /** {@code dlg_set_timeout}: a new lifetime for the dialog; false if it has ended or never was. */
    public CompletionStage<Boolean> setTimeout(String callId, Duration lifetime, Duration timeout) {
        return entity(callId).ask(replyTo -> new DialogCommand.SetTimeout(lifetime.toSeconds(), replyTo), timeout);
    }

    /**
     * {@code set_dlg_profile} ({@code member}) or {@code unset_dlg_profile} for the dialog of
     * {@code callId}: written with the dialog, so it holds on the node that recovers it.
     */
    public void setProfile(String callId, ProfileMembership membership, boolean member) {
        entity(callId).tell(new DialogCommand.SetProfile(membership, member, null));
    }

    /**
     * A variable, flag or context change for the dialog of {@code callId} ({@code $dlg_var},
     * {@code dlg_setflag}, {@code $dlg_ctx}): written with the dialog, so it holds on the node
     * that recovers it.
     */
    public void change(String callId, DialogChange change) {
        entity(callId).tell(new DialogCommand.Change(change, null));
    }

    /**
     * {@code dlg_set_property(name)} ({@code on}) or {@code dlg_reset_property(name)} for the
     * dialog of {@code callId} once it is tracked: written with the dialog. An unknown {@code name}
     * is an {@link IllegalArgumentException} naming it.
     */
    public void setProperty(String callId, String name, boolean on) {
        entity(callId).tell(new DialogCommand.SetProperty(name, on));
    }

    /** {@code is_in_profile(profile[, value])} for the dialog of {@code callId}; a null {@code value} matches any. */
    public CompletionStage<Boolean> inProfile(String callId, String profile, String value, Duration timeout) {
        return entity(callId).ask(replyTo -> new DialogCommand.InProfile(profile, value, replyTo), timeout);
    }

    /** The dialog of {@code callId} as {@code dlg.dlg_list} shows it, wherever in the cluster it lives. */
    public CompletionStage<Optional<DialogSnapshot>> get(String callId, Duration timeout) {
        return entity(callId).ask(DialogCommand.Get::new, timeout).thenApply(DialogCommand.Found::dialog);
    }

    /** {@code is_known_dlg()}: the state of the dialog the message belongs to, empty if none. */
    public CompletionStage<Optional<DialogState>> isKnown(String callId, String fromTag, String toTag, String did,
            Duration timeout) {
        return entity(callId).<DialogCommand.Known>ask(replyTo -> new DialogCommand.IsKnown(fromTag, toTag, did, replyTo),
                timeout).thenApply(DialogCommand.Known::state);
    }

    /** The entity of {@code callId}, for commands the methods above do not cover. */
    public EntityRef<DialogCommand> entity(String callId) {
        return sharding.entityRefFor(DialogEntity.TYPE_KEY, callId);
    }

    /** The DID cookie to put in this proxy's Record-Route of the INVITE of {@code callId} under {@link DialogSettings#rrParam()}. */
    public static String did(String callId) {
        return DialogKey.of(callId).did();
    }

    /** The live dialogs of this node. */
    public DialogDirectory directory() {
        return env.directory();
    }

    /** The statistics of this node's dialogs. */
    public DialogStatistics statistics() {
        return env.statistics();
    }

    /** Cluster-wide profile sizes, and the dialogs of a profile on every node. */
    public ProfileSizes profiles() {
        return profileSizes;
    }

    /** The settings the entities run with. */
    public DialogSettings settings() {
        return env.settings();
    }
}
