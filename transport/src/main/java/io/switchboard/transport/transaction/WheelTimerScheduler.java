package io.switchboard.transport.transaction;

import io.netty.util.HashedWheelTimer;
import io.netty.util.Timeout;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The production {@link TimerScheduler}: Netty's {@link HashedWheelTimer} with a 10 ms tick, one
 * thread for every transaction timer of RFC 3261 §17. A timer fires up to one tick late, which is
 * well inside what the retransmission rules tolerate. Close it when the transaction layer stops.
 */
public final class WheelTimerScheduler implements TimerScheduler, AutoCloseable {

    public static final Duration TICK = Duration.ofMillis(10);
    private static final int TICKS_PER_WHEEL = 512;

    private final HashedWheelTimer timer;

    public WheelTimerScheduler() {
        this.timer = new HashedWheelTimer(new DefaultThreadFactory("sip-transaction-timer", true),
                TICK.toMillis(), TimeUnit.MILLISECONDS, TICKS_PER_WHEEL);
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        Timeout timeout = timer.newTimeout(t -> task.run(), delay.toNanos(), TimeUnit.NANOSECONDS);
        return timeout::cancel;
    }

    /** Number of timers waiting to fire. */
    public long pending() {
        return timer.pendingTimeouts();
    }

    /** Stops the timer thread; pending timers never fire. */
    @Override
    public void close() {
        timer.stop();
    }
}
