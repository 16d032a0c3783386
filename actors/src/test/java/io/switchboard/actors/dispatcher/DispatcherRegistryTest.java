package io.switchboard.actors.dispatcher;

import static io.switchboard.actors.dispatcher.DestinationFlags.INACTIVE;
import static io.switchboard.actors.dispatcher.DestinationFlags.PROBING;
import static io.switchboard.actors.dispatcher.DestinationFlags.TRYING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import io.switchboard.actors.dispatcher.DispatcherRegistry.Command;
import io.switchboard.actors.dispatcher.ProbeSender.ProbeAnswer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.ManualTime;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The registry singleton's behaviour, with manual time, a list in memory and a fake prober. */
class DispatcherRegistryTest {

    private static final ActorTestKit KIT = ActorTestKit.create(ManualTime.config().withFallback(ConfigFactory.load()));
    private static final ManualTime TIME = ManualTime.get(KIT.system());
    private static final String A = "sip:127.0.0.1:7070";
    private static final String B = "sip:127.0.0.1:7072";
    private static final String C = "sip:127.0.0.1:7074";
    private static final Duration PING = Duration.ofSeconds(10);

    private final ListSource source = new ListSource("1 " + B + " 0 0 duid=b", "1 " + A + " 0 0 duid=a");
    private final Map<String, Integer> answers = new ConcurrentHashMap<>();
    private final List<String> probed = new CopyOnWriteArrayList<>();
    private final AtomicLong clock = new AtomicLong(1_000_000);
    private TestProbe<DispatcherEvent> events;
    private TestProbe<DispatcherSnapshot> node;
    private ActorRef<Command> registry;

    @AfterAll
    static void shutdown() {
        KIT.shutdownTestKit();
    }

    @BeforeEach
    void start() {
        events = KIT.createTestProbe();
        node = KIT.createTestProbe();
    }

    private void startRegistry(DispatcherSettings settings) {
        ProbeSender prober = d -> {
            probed.add(d.uri());
            Integer code = answers.getOrDefault(d.uri(), 200);
            return code < 0 ? CompletableFuture.failedFuture(new IllegalStateException("no route"))
                    : CompletableFuture.completedFuture(new ProbeAnswer(code, code == 408 ? "Request Timeout" : "OK"));
        };
        registry = KIT.spawn(DispatcherRegistry.create(settings, source, Runnable::run, prober, events.ref()::tell,
                clock::get));
        registry.tell(new DispatcherRegistry.Subscribe(node.ref()));
    }

    private DispatcherSnapshot next() {
        return node.receiveMessage();
    }

    /** The latest snapshot, skipping those the node was sent before. */
    private DispatcherSnapshot current() {
        TestProbe<DispatcherSnapshot> probe = KIT.createTestProbe();
        registry.tell(new DispatcherRegistry.GetSnapshot(probe.ref()));
        return probe.receiveMessage();
    }

    private static Destination destination(DispatcherSnapshot snapshot, int set, String uri) {
        DestinationSet s = snapshot.sets().set(set);
        return s.get(s.indexOf(uri));
    }

    private DispatcherRegistry.Outcome ask(java.util.function.Function<ActorRef<DispatcherRegistry.Outcome>,
            Command> message) {
        TestProbe<DispatcherRegistry.Outcome> probe = KIT.createTestProbe();
        registry.tell(message.apply(probe.ref()));
        return probe.receiveMessage();
    }

    @Test
    void subscribersGetTheLoadedSets() {
        startRegistry(TestSettings.selection(0, false));
        DispatcherSnapshot snapshot = next();
        assertEquals(List.of(A, B), snapshot.sets().set(1).destinations().stream().map(Destination::uri).toList());
        assertTrue(snapshot.version() > 1_000_000, "versions start from the clock");
    }

    @Test
    void reloadKeepsTheStateOfDestinationsThatStay() {
        startRegistry(TestSettings.selection(0, false));
        next();
        registry.tell(new DispatcherRegistry.Mark(1, A, INACTIVE | PROBING, 503, "Service Unavailable"));
        assertEquals(INACTIVE | PROBING, destination(next(), 1, A).flags());
        source.set("1 " + C, "1 " + A + " 0 0 duid=a", "2 " + B);
        DispatcherRegistry.Outcome outcome = ask(DispatcherRegistry.Reload::new);
        assertTrue(outcome.ok());
        assertEquals("Ok. Dispatcher successfully reloaded.", outcome.message());
        DispatcherSnapshot reloaded = current();
        assertEquals(INACTIVE | PROBING, destination(reloaded, 1, A).flags(), "A stays inactive");
        assertEquals(0, destination(reloaded, 1, C).flags(), "C is new");
        assertEquals(-1, reloaded.sets().set(1).indexOf(B), "B left set 1");
        assertEquals(0, destination(reloaded, 2, B).flags(), "B in set 2 is another destination");
        assertEquals(outcome.version(), reloaded.version());
    }

    @Test
    void reloadTakesTheSourcesFlagsWhenTheyChanged() {
        startRegistry(TestSettings.selection(0, false));
        next();
        registry.tell(new DispatcherRegistry.Mark(1, A, INACTIVE, 0, ""));
        next();
        source.set("1 " + B + " 0 0 duid=b", "1 " + A + " 4 0 duid=a");
        assertTrue(ask(DispatcherRegistry.Reload::new).ok());
        assertEquals(DestinationFlags.DISABLED, destination(current(), 1, A).flags());
    }

    @Test
    void aBadReloadIsRefusedWholeAndTheSetsStay() {
        startRegistry(TestSettings.selection(0, false));
        DispatcherSnapshot before = next();
        source.set("1 " + C, "one sip:127.0.0.1:7076");
        DispatcherRegistry.Outcome outcome = ask(DispatcherRegistry.Reload::new);
        assertFalse(outcome.ok());
        assertEquals("test.list line 2: set id 'one' is not a number", outcome.message());
        assertEquals(before.sets().destinations(), current().sets().destinations());
    }

    @Test
    void setStateSetsWithoutEvents() {
        startRegistry(TestSettings.selection(0, false));
        next();
        assertTrue(ask(r -> new DispatcherRegistry.SetState(1, A, INACTIVE | PROBING, r)).ok());
        assertEquals("IP", DestinationFlags.letters(destination(current(), 1, A).flags()));
        assertFalse(ask(r -> new DispatcherRegistry.SetState(1, C, 0, r)).ok());
        assertFalse(ask(r -> new DispatcherRegistry.SetState(9, A, 0, r)).ok());
        assertTrue(ask(r -> new DispatcherRegistry.SetState(1, "all", DestinationFlags.DISABLED, r)).ok());
        assertTrue(current().sets().set(1).destinations().stream().allMatch(d -> d.flags() == DestinationFlags.DISABLED));
        events.expectNoMessage(Duration.ofMillis(50));
    }

    @Test
    void marksRaiseDownAndUpEvents() {
        startRegistry(TestSettings.selection(0, false));
        next();
        registry.tell(new DispatcherRegistry.Mark(1, B, INACTIVE, 500, "Server Internal Error"));
        assertEquals(new DispatcherEvent(DispatcherEvent.Kind.DST_DOWN, 1, B, 500, "Server Internal Error"),
                events.receiveMessage());
        registry.tell(new DispatcherRegistry.Mark(1, B, 0, 200, "OK"));
        DispatcherEvent up = events.receiveMessage();
        assertEquals("dispatcher:dst-up", up.name());
        assertEquals(B, up.uri());
    }

    @Test
    void probesTakeADestinationDownAndBackUp() {
        startRegistry(TestSettings.probing(PING, ProbingMode.ALL, 1, 1));
        next();
        answers.put(B, 408);
        TIME.timePasses(PING);
        DispatcherEvent down = events.receiveMessage();
        assertEquals(new DispatcherEvent(DispatcherEvent.Kind.DST_DOWN, 1, B, 408, "Request Timeout"), down);
        assertEquals("IP", DestinationFlags.letters(destination(current(), 1, B).flags()));
        assertEquals("AP", DestinationFlags.letters(destination(current(), 1, A).flags()));
        answers.put(B, 200);
        TIME.timePasses(PING);
        assertEquals(DispatcherEvent.Kind.DST_UP, events.receiveMessage().kind());
        assertEquals("AP", DestinationFlags.letters(destination(current(), 1, B).flags()));
    }

    @Test
    void theProbingThresholdCountsFailuresAsTrying() {
        startRegistry(TestSettings.probing(PING, ProbingMode.ALL, 2, 1));
        next();
        answers.put(A, -1);
        TIME.timePasses(PING);
        assertEquals(TRYING | PROBING, awaitFlags(A, TRYING | PROBING));
        events.expectNoMessage(Duration.ofMillis(20));
        TIME.timePasses(PING);
        assertEquals(DispatcherEvent.Kind.DST_DOWN, events.receiveMessage().kind());
        assertEquals(INACTIVE | PROBING, destination(current(), 1, A).flags());
    }

    private int awaitFlags(String uri, int flags) {
        for (int i = 0; i < 100 && destination(current(), 1, uri).flags() != flags; i++) {
            events.expectNoMessage(Duration.ofMillis(5));
        }
        return destination(current(), 1, uri).flags();
    }

    @Test
    void modeZeroProbesOnlyDestinationsInProbingState() {
        source.set("1 " + B + " 8", "1 " + A);
        startRegistry(TestSettings.probing(PING, ProbingMode.PROBING_ONLY, 1, 1));
        next();
        TIME.timePasses(PING);
        assertEquals(0, awaitFlags(B, 0), "answered: active, probing cleared");
        assertEquals(List.of(B), probed);
    }

    @Test
    void pingActiveTurnsProbingOffAndOn() {
        startRegistry(TestSettings.probing(PING, ProbingMode.ALL, 1, 1));
        next();
        TestProbe<DispatcherRegistry.PingState> reply = KIT.createTestProbe();
        registry.tell(new DispatcherRegistry.PingActive(0, reply.ref()));
        assertEquals(new DispatcherRegistry.PingState(1, 0), reply.receiveMessage());
        TIME.timePasses(PING);
        registry.tell(new DispatcherRegistry.PingActive(-1, reply.ref()));
        assertEquals(new DispatcherRegistry.PingState(0, 0), reply.receiveMessage());
        assertEquals(List.of(), probed);
        registry.tell(new DispatcherRegistry.PingActive(1, reply.ref()));
        reply.receiveMessage();
        TIME.timePasses(PING);
        current();
        assertEquals(2, probed.size());
    }

    @Test
    void callLoadIsCountedUntilRemovedOrExpired() {
        startRegistry(TestSettings.probing(Duration.ZERO, ProbingMode.PROBING_ONLY, 1, 1));
        next();
        registry.tell(new DispatcherRegistry.LoadAdd("c1", 1, "a", "node1", 1));
        DispatcherSnapshot one = next();
        assertEquals(1, destination(one, 1, A).load());
        assertEquals(1, one.applied("node1"));
        registry.tell(new DispatcherRegistry.LoadAdd("c1", 1, "a", "node1", 2));
        assertEquals(1, destination(next(), 1, A).load(), "a call counts once");
        registry.tell(new DispatcherRegistry.LoadReplace("c1", 1, "b", "node1", 3));
        DispatcherSnapshot moved = next();
        assertEquals(0, destination(moved, 1, A).load());
        assertEquals(1, destination(moved, 1, B).load());
        registry.tell(new DispatcherRegistry.LoadRemove("c1"));
        assertEquals(0, destination(next(), 1, B).load());
        registry.tell(new DispatcherRegistry.LoadAdd("c2", 1, "a", "node1", 4));
        registry.tell(new DispatcherRegistry.LoadAdd("c3", 1, "a", "node1", 5));
        registry.tell(new DispatcherRegistry.LoadConfirm("c3"));
        next();
        assertEquals(2, destination(next(), 1, A).load());
        clock.addAndGet(61_000);
        TIME.timePasses(Duration.ofSeconds(30));
        assertEquals(1, destination(next(), 1, A).load(), "the unanswered call expired after ds_hash_initexpire");
    }
}
