package io.switchboard.actors.dispatcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** A node's view: selection from the latest snapshot, call load counted before the registry applies it. */
class DispatcherViewTest {

    private static final ActorTestKit KIT = ActorTestKit.create();
    private static final String A = "sip:127.0.0.1:7070";
    private static final String B = "sip:127.0.0.1:7072";

    @AfterAll
    static void shutdown() {
        KIT.shutdownTestKit();
    }

    private static DispatcherView view(DispatcherSettings settings, String... lines) throws InterruptedException {
        ActorRef<DispatcherRegistry.Command> registry = KIT.spawn(DispatcherRegistry.create(settings,
                new ListSource(lines), Runnable::run, d -> new CompletableFuture<>(), e -> { }, System::currentTimeMillis));
        DispatcherView view = DispatcherView.start(KIT.system(), registry, settings);
        assertTrue(view.awaitVersion(1, Duration.ofSeconds(5)), "the first snapshot arrives");
        return view;
    }

    @Test
    void selectsFromTheSnapshot() throws Exception {
        DispatcherView view = view(TestSettings.selection(0, false), "1 " + B, "1 " + A);
        List<String> order = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            order.add(view.select(1, DestinationSelector.ROUND_ROBIN, 0, Keys.invite("c" + i)).orElseThrow().first().uri());
        }
        assertEquals(List.of(A, B, A, B), order);
        assertTrue(view.select(2, DestinationSelector.ROUND_ROBIN, 0, Keys.invite("x")).isEmpty(), "no set 2");
    }

    @Test
    void callLoadRespectsMaxloadBeforeTheRegistryAnswers() throws Exception {
        DispatcherView view = view(TestSettings.selection(DispatcherSettings.FAILOVER, false),
                "1 " + B + " 0 0 duid=b;maxload=2", "1 " + A + " 0 0 duid=a;maxload=2");
        List<String> chosen = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            chosen.add(view.select(1, DestinationSelector.CALL_LOAD, 0, Keys.invite("c" + i)).orElseThrow().first()
                    .uri());
        }
        assertEquals(List.of(A, B, A, B), chosen);
        assertTrue(view.select(1, DestinationSelector.CALL_LOAD, 0, Keys.invite("c4")).isEmpty());
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        awaitLoads(view, List.of(2, 2));
        assertTrue(view.select(1, DestinationSelector.CALL_LOAD, 0, Keys.invite("c5")).isEmpty(),
                "applied updates are not counted twice");
        view.removeLoad("c1");
        awaitLoads(view, List.of(2, 1));
        assertEquals(B, view.select(1, DestinationSelector.CALL_LOAD, 0, Keys.invite("c6")).orElseThrow().first().uri(),
                "c6 takes the place c1 left on B");
        awaitLoads(view, List.of(2, 2));
    }

    private static void awaitLoads(DispatcherView view, List<Integer> loads) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!loads(view).equals(loads) && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(loads, loads(view));
    }

    private static List<Integer> loads(DispatcherView view) {
        return view.snapshot().sets().destinations().stream().map(Destination::load).toList();
    }

    @Test
    void aDestinationWithoutDuidIsNotCounted() throws Exception {
        DispatcherView view = view(TestSettings.selection(0, false), "1 " + A);
        Selection s = view.select(1, DestinationSelector.CALL_LOAD, 0, Keys.invite("c1")).orElseThrow();
        assertEquals(DestinationSelector.HASH_CALL_ID, s.alg(), "classic dispatching, as Kamailio falls back to");
    }
}
