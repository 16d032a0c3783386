package io.switchboard.transport.transaction;

import io.switchboard.transport.message.SipMessage;
import io.switchboard.transport.message.SipRequest;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the four transactions of RFC 3261 §17 share: the request that created the transaction,
 * the hop it talks to, the state, and the way the state machine runs. Every event (a message,
 * a timer, a call of the TU) runs under the transaction's own lock; what it tells the TU is
 * queued under the lock and handed to the callback executor after the lock is released, in the
 * order the events happened, so a listener may call back into the transaction.
 */
public abstract sealed class Transaction permits ServerTransaction, ClientTransaction {

    private static final Logger LOG = LoggerFactory.getLogger(Transaction.class);

    final TransactionLayer layer;
    /** The request; once the transaction has settled, a copy that holds its bytes only ({@link SipMessage#compacted()}). */
    volatile SipRequest request;
    final Hop hop;
    final Executor executor;
    private final ReentrantLock lock = new ReentrantLock();
    private final ArrayDeque<Runnable> callbacks = new ArrayDeque<>(4);
    private final CompletableFuture<TerminationCause> termination = new CompletableFuture<>();
    private boolean draining;
    private boolean settled;
    private volatile TransactionState state;

    Transaction(TransactionLayer layer, SipRequest request, Hop hop, TransactionState initial, Executor executor) {
        this.layer = layer;
        this.request = request;
        this.hop = hop;
        this.state = initial;
        this.executor = executor;
    }

    /**
     * The request that created the transaction (RFC 3261 §17); once the transaction has settled
     * (a final response, a timeout), a copy of the same bytes that has dropped what was parsed.
     */
    public final SipRequest request() {
        return request;
    }

    public final TransactionState state() {
        return state;
    }

    public final boolean isTerminated() {
        return state == TransactionState.TERMINATED;
    }

    /** True for the INVITE transactions (§17.1.1, §17.2.1). */
    public final boolean isInvite() {
        return request.isInvite();
    }

    /**
     * Completes when the transaction reaches the Terminated state, with the reason. Dependent
     * actions run on the callback executor (a server transaction's is the thread that ended it).
     */
    public final CompletionStage<TerminationCause> termination() {
        return termination.minimalCompletionStage();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + request.method() + " " + request.requestUriText() + " via " + hop
                + ", " + state + "]";
    }

    /** Removes the transaction from the layer's table. */
    abstract void unregister();

    /** Stops every timer; called with the lock held when the transaction terminates. */
    abstract void cancelTimers();

    /** Handles a failure to send (§17.1.4, §17.2.4); called with the lock held. */
    abstract void transportFailed(Exception cause);

    /** A transport error that surfaced after {@link MessageSender#send} returned. */
    final void reportTransportError(Exception cause) {
        locked(() -> {
            if (!isTerminated()) {
                transportFailed(cause);
            }
        });
    }

    final void locked(Runnable action) {
        lock.lock();
        try {
            action.run();
        } finally {
            lock.unlock();
        }
        drain();
    }

    final <T> T lockedGet(Supplier<T> action) {
        T result;
        lock.lock();
        try {
            result = action.get();
        } finally {
            lock.unlock();
        }
        drain();
        return result;
    }

    /** Moves to {@code next}; lock held. */
    final void enter(TransactionState next) {
        state = next;
        if (!next.isPending() && !settled) {
            settled = true;
            layer.statistics().transactionSettled();
            request = (SipRequest) request.compacted();
        }
    }

    /** Queues a callback for the TU; lock held. */
    final void post(Runnable callback) {
        callbacks.add(() -> {
            try {
                callback.run();
            } catch (RuntimeException e) {
                LOG.warn("transaction callback failed for {}", this, e);
            }
        });
    }

    /** Sends {@code message} to the hop; on failure the transaction fails and this returns false. Lock held. */
    final boolean transmit(SipMessage message) {
        try {
            layer.sender().send(message, hop);
            return true;
        } catch (IOException | RuntimeException e) {
            layer.statistics().transportError();
            transportFailed(e);
            return false;
        }
    }

    /**
     * Arms a timer whose task runs under the lock; a zero delay (the reliable-transport value of
     * D, I, J, K) runs the task at once and returns null. Lock held.
     */
    final TimerScheduler.Cancellable after(Duration delay, Runnable task) {
        if (delay.isZero()) {
            task.run();
            return null;
        }
        return layer.scheduler().schedule(delay, () -> locked(task));
    }

    static void stop(TimerScheduler.Cancellable timer) {
        if (timer != null) {
            timer.cancel();
        }
    }

    /** Moves to Terminated, stops the timers, leaves the table and completes {@link #termination()}. Lock held. */
    final void terminate(TerminationCause cause) {
        if (isTerminated()) {
            return;
        }
        enter(TransactionState.TERMINATED);
        cancelTimers();
        unregister();
        post(() -> termination.complete(cause));
        post(layer::checkIdle);
    }

    private void drain() {
        Runnable next;
        lock.lock();
        try {
            if (draining || (next = callbacks.poll()) == null) {
                return;
            }
            draining = true;
        } finally {
            lock.unlock();
        }
        while (next != null) {
            try {
                executor.execute(next);
            } catch (RuntimeException e) {
                LOG.warn("callback executor refused a callback of {}", this, e);
            }
            lock.lock();
            try {
                next = callbacks.poll();
                if (next == null) {
                    draining = false;
                }
            } finally {
                lock.unlock();
            }
        }
    }
}
