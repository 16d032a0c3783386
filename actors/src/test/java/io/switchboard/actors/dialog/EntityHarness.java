package io.switchboard.actors.dialog;

import io.switchboard.actors.htable.ManualClock;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.switchboard.persistence.history.CallRecord;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.ManualTime;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;

/**
 * One {@link DialogEntity} in Pekko's {@link EventSourcedBehaviorTestKit} with manual time, a
 * {@link ManualClock} that moves with it, a recording sender, listener and call history, and a probe in the place
 * of the shard.
 */
final class EntityHarness {

    static final long START = 1_700_000_000_000L;

    final ManualTime time;
    final ManualClock clock = new ManualClock(START);
    final RecordingSender sender = new RecordingSender(200);
    final DialogStatistics statistics = new DialogStatistics();
    final DialogDirectory directory = new DialogDirectory();
    final RecordingListener listener = new RecordingListener();
    final List<CallRecord> history = new CopyOnWriteArrayList<>();
    final TestProbe<ClusterSharding.ShardCommand> shard;
    final String callId;
    final EventSourcedBehaviorTestKit<DialogCommand, DialogEvent, Dialog> entity;

    private static final AtomicInteger CALLS = new AtomicInteger();

    /** An entity for a Call-ID of its own. */
    EntityHarness(ActorTestKit kit, DialogSettings settings) {
        this.time = ManualTime.get(kit.system());
        this.shard = kit.createTestProbe();
        this.callId = "call-" + CALLS.incrementAndGet() + "@" + kit.system().name();
        DialogEnvironment env = new DialogEnvironment(settings, sender, statistics, directory, listener, clock,
                history::add);
        this.entity = EventSourcedBehaviorTestKit.create(kit.system(), DialogEntity.create(callId, env, shard.getRef()));
    }

    /** The test kit's system: event-sourced test journal and manual time. */
    static Config config() {
        return EventSourcedBehaviorTestKit.config()
                .withFallback(ManualTime.config())
                .withFallback(ConfigFactory.load());
    }

    /** Settings from HOCON within {@code switchboard.dialog}, over the defaults. */
    static DialogSettings settings(String dialogBlock) {
        return DialogSettings.fromConfig(ConfigFactory.parseString("switchboard.dialog { " + dialogBlock + " }")
                .withFallback(ConfigFactory.defaultReference()).getConfig("switchboard"));
    }

    InitialInvite invite() {
        return SampleCall.invite(callId);
    }

    TrackOutcome track(InitialInvite invite, DialogProperties properties) {
        return entity.<TrackOutcome>runCommand(replyTo -> new DialogCommand.Track(invite, properties, replyTo)).reply();
    }

    TrackOutcome track() {
        return track(invite(), DialogProperties.NONE);
    }

    /** Runs {@code command} and returns the events it journaled. */
    List<DialogEvent> run(DialogCommand command) {
        return entity.runCommand(command).events();
    }

    List<DialogEvent> answer() {
        return run(new DialogCommand.Answer(SampleCall.CALLEE_TAG, SampleCall.CALLEE_CONTACT, SampleCall.answerRecordRoutes()));
    }

    /** A request of {@code from} within the dialog, with the dialog's tags and DID. */
    List<DialogEvent> request(Side from, String method, long cseq) {
        boolean caller = from == Side.CALLER;
        return run(new DialogCommand.InDialogRequest(method, cseq, caller ? SampleCall.CALLER_TAG : SampleCall.CALLEE_TAG,
                caller ? SampleCall.CALLEE_TAG : SampleCall.CALLER_TAG, Dialogs.did(callId)));
    }

    /** Tracked, answered and acknowledged: state 4. */
    void confirm() {
        confirm(DialogProperties.NONE);
    }

    /** Tracked with {@code properties}, answered and acknowledged: state 4. */
    void confirm(DialogProperties properties) {
        assertEquals(TrackOutcome.CREATED, track(invite(), properties));
        answer();
        request(Side.CALLER, "ACK", SampleCall.INVITE_CSEQ);
        assertEquals(DialogState.CONFIRMED, get().state());
    }

    Optional<DialogSnapshot> find() {
        return entity.<DialogCommand.Found>runCommand(DialogCommand.Get::new).reply().dialog();
    }

    DialogSnapshot get() {
        return find().orElseThrow();
    }

    /** Moves the clock and Pekko's scheduler together. */
    void advance(Duration duration) {
        clock.advance(duration);
        time.timePasses(duration);
    }

    /** Waits for the dialog to reach {@code state}; timers and BYE answers arrive as messages of their own. */
    DialogSnapshot await(DialogState state) {
        long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        DialogSnapshot dialog = get();
        while (dialog.state() != state && System.nanoTime() < until) {
            Thread.onSpinWait();
            dialog = get();
        }
        assertEquals(state, dialog.state());
        return dialog;
    }

    /** What the journal holds for this dialog. */
    List<Object> journal() {
        return entity.persistenceTestKit().persistedInStorage(DialogEntity.persistenceId(callId).id());
    }

    /** Expects the entity to ask the shard to passivate it. */
    void expectPassivation() {
        shard.expectMessageClass(ClusterSharding.Passivate.class, Duration.ofSeconds(5));
    }
}
