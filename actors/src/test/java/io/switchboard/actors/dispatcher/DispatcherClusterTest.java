package io.switchboard.actors.dispatcher;

import static io.switchboard.actors.cluster.TwoNodes.PATIENCE;
import static io.switchboard.actors.cluster.TwoNodes.eventually;
import static io.switchboard.actors.dispatcher.DestinationFlags.INACTIVE;
import static io.switchboard.actors.dispatcher.DestinationFlags.TRYING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import io.switchboard.actors.cluster.ClusterOfOne;
import io.switchboard.actors.cluster.TwoNodes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two nodes in one JVM, each with its own actor system on a free port and with
 * {@code pekko.actor.serialize-messages} on, so every message either node sends goes through its
 * serializer: the registry singleton runs on the first node, the second selects from the snapshots
 * it is sent, and its marks, load updates and commands reach the registry; when the first node
 * leaves, the singleton starts on the second and keeps the destinations' states.
 */
class DispatcherClusterTest {

    private static final String GW1 = "sip:127.0.0.1:7070";
    private static final String GW2 = "sip:127.0.0.1:7072";
    private static final Duration ASK = Duration.ofSeconds(5);
    private static final DispatcherSettings SETTINGS = TestSettings.selection(DispatcherSettings.FAILOVER, false);

    private final ListSource source = new ListSource("1 " + GW2 + " 0 0 duid=gw2", "1 " + GW1 + " 0 0 duid=gw1");
    private final List<DispatcherEvent> eventsOnFirst = new CopyOnWriteArrayList<>();
    private final List<DispatcherEvent> eventsOnSecond = new CopyOnWriteArrayList<>();
    private final TwoNodes nodes = new TwoNodes("dispatcher",
            ConfigFactory.parseString("pekko.actor.serialize-messages = on"));

    @AfterEach
    void stop() {
        nodes.stop();
    }

    /** What the engine starts on every node: the registry singleton and the node's view of it. */
    private DispatcherView start(ActorTestKit kit, List<DispatcherEvent> events) {
        return DispatcherView.start(kit.system(), SETTINGS, received -> ClusterOfOne.singleton(kit.system(),
                DispatcherRegistry.create(SETTINGS, source, Runnable::run, d -> new CompletableFuture<>(), events::add,
                        System::currentTimeMillis, received), "dispatcher"));
    }

    private static <T> T ask(DispatcherView view, ActorTestKit kit,
            Function<ActorRef<T>, DispatcherRegistry.Command> message) throws Exception {
        return AskPattern.ask(view.registry(), message::apply, ASK, kit.system().scheduler())
                .toCompletableFuture().get(ASK.toSeconds() + 1, TimeUnit.SECONDS);
    }

    private static Destination destination(DispatcherView view, String uri) {
        DestinationSet set = view.snapshot().sets().set(1);
        return set.get(set.indexOf(uri));
    }

    private static List<String> roundRobin(DispatcherView view, int calls) {
        List<String> chosen = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            chosen.add(view.select(1, DestinationSelector.ROUND_ROBIN, 0, Keys.invite("rr" + i)).orElseThrow().first()
                    .uri());
        }
        return chosen;
    }

    private static List<DispatcherEvent.Kind> kinds(List<DispatcherEvent> events) {
        return events.stream().map(DispatcherEvent::kind).toList();
    }

    @Test
    void theSecondNodeSelectsAndChangesStatesThroughTheFirstAndKeepsThemWhenItLeaves() throws Exception {
        ActorTestKit first = nodes.startFirst();
        DispatcherView a = start(first, eventsOnFirst);
        assertTrue(a.awaitVersion(1, PATIENCE), "the registry runs on the first node");
        ActorTestKit second = nodes.startSecond();
        DispatcherView b = start(second, eventsOnSecond);
        assertTrue(b.awaitVersion(1, PATIENCE), "a snapshot crossed to the second node");
        assertEquals(List.of(GW1, GW2, GW1, GW2), roundRobin(b, 4));

        String loaded = b.select(1, DestinationSelector.CALL_LOAD, 0, Keys.invite("call-1")).orElseThrow().first()
                .uri();
        eventually(first, () -> assertEquals(1, destination(a, loaded).load(), "the load update reached the registry"));

        b.mark(destination(b, GW1), INACTIVE, 503, "Service Unavailable");
        eventually(second, () -> assertEquals(INACTIVE, destination(b, GW1).flags()));
        assertEquals(INACTIVE, destination(a, GW1).flags());
        DispatcherRegistry.Outcome set = ask(b, second, r -> new DispatcherRegistry.SetState(1, GW2, TRYING, r));
        assertTrue(set.ok(), set.message());
        assertEquals(List.of(DispatcherEvent.Kind.DST_DOWN), kinds(eventsOnFirst), "raised on the registry's node");
        assertTrue(b.awaitVersion(set.version(), PATIENCE));
        assertEquals(TRYING, destination(b, GW2).flags());
        DispatcherRegistry.PingState ping = ask(b, second, r -> new DispatcherRegistry.PingActive(0, r));
        assertEquals(new DispatcherRegistry.PingState(1, 0), ping);
        assertEquals(List.of(GW2, GW2), roundRobin(b, 2), "the inactive gateway is passed over");

        nodes.stopFirst();
        DispatcherRegistry.Outcome afterMove = new DispatcherRegistry.Outcome(false, "no answer", 0);
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!afterMove.ok() && System.nanoTime() < deadline) {
            try {
                afterMove = ask(b, second, r -> new DispatcherRegistry.SetState(1, GW2, 0, r));
            } catch (Exception e) {
                afterMove = new DispatcherRegistry.Outcome(false, e.toString(), 0);
            }
        }
        assertTrue(afterMove.ok(), "the singleton runs on the second node: " + afterMove.message());
        assertTrue(b.awaitVersion(afterMove.version(), PATIENCE));
        assertEquals(INACTIVE, destination(b, GW1).flags(), "the new registry kept the mark");
        assertEquals(0, destination(b, GW2).flags(), "and took the new state");
        assertEquals(0, destination(b, loaded).load(), "call load starts again from 0");

        b.mark(destination(b, GW1), 0, 200, "OK");
        eventually(second, () -> assertEquals(List.of(DispatcherEvent.Kind.DST_UP), kinds(eventsOnSecond)));
        eventually(second, () -> assertEquals(0, destination(b, GW1).flags()));
    }
}
