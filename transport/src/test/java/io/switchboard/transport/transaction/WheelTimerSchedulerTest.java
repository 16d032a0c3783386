package io.switchboard.transport.transaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class WheelTimerSchedulerTest {

    @Test
    void firesAfterTheDelayAndNotWhenCancelled() throws Exception {
        try (WheelTimerScheduler scheduler = new WheelTimerScheduler()) {
            AtomicBoolean cancelledRan = new AtomicBoolean();
            TimerScheduler.Cancellable cancelled = scheduler.schedule(Duration.ofMillis(30), () -> cancelledRan.set(true));
            CountDownLatch fired = new CountDownLatch(1);
            long start = System.nanoTime();
            scheduler.schedule(Duration.ofMillis(50), fired::countDown);
            cancelled.cancel();
            assertTrue(fired.await(5, TimeUnit.SECONDS));
            assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(40),
                    "a 10 ms tick fires no earlier than one tick before the deadline");
            assertFalse(cancelledRan.get());
            assertEquals(0, scheduler.pending());
        }
    }

    @Test
    void drivesATransaction() throws Exception {
        CountDownLatch retransmitted = new CountDownLatch(2);
        try (WheelTimerScheduler scheduler = new WheelTimerScheduler()) {
            TimerSettings fast = TimerSettings.of(Duration.ofMillis(20), Duration.ofMillis(40), Duration.ofMillis(50));
            TransactionLayer layer = new TransactionLayer(fast, scheduler, (message, hop) -> retransmitted.countDown());
            RecordingListener listener = new RecordingListener();
            layer.sendRequest(SampleMessages.request("OPTIONS", "z9hG4bKwheel"), SampleMessages.UDP, listener,
                    Runnable::run);
            assertTrue(retransmitted.await(5, TimeUnit.SECONDS));
        }
    }
}
