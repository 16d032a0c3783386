package io.switchboard.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * What {@code switchboard run} exits with after SIGTERM: 0 when the engine stopped, 1 when
 * stopping failed — the process ends either way instead of hanging.
 */
class MainShutdownTest {

    private static int exitStatusAfterSignal(Supplier<CompletionStage<?>> stop) {
        Main.Shutdown shutdown = new Main.Shutdown(stop);
        new Thread(shutdown, "test-signal").start();
        return assertTimeoutPreemptively(Duration.ofSeconds(5), shutdown::awaitStatus, "the main thread released");
    }

    @Test
    void aCleanStopExits0() {
        assertEquals(0, exitStatusAfterSignal(() -> CompletableFuture.completedFuture(null)));
    }

    @Test
    void aStopThatFailsLaterExits1() {
        assertEquals(1, exitStatusAfterSignal(() -> CompletableFuture.failedFuture(new IllegalStateException("boom"))));
    }

    @Test
    void aStopThatThrowsAtOnceExits1() {
        assertEquals(1, exitStatusAfterSignal(() -> {
            throw new IllegalStateException("boom");
        }));
    }
}
