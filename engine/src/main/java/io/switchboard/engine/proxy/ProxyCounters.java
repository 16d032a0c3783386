package io.switchboard.engine.proxy;

import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the proxy core counted, under the names of Kamailio's core and sl statistics
 * ({@code rcv_requests}, {@code fwd_replies}, {@code drop_requests}, {@code sent_replies}, ...).
 */
public final class ProxyCounters {

    final LongAdder receivedRequests = new LongAdder();
    final LongAdder receivedReplies = new LongAdder();
    final LongAdder forwardedRequests = new LongAdder();
    final LongAdder forwardedReplies = new LongAdder();
    final LongAdder droppedRequests = new LongAdder();
    final LongAdder droppedReplies = new LongAdder();
    final LongAdder badRequests = new LongAdder();
    final LongAdder badReplies = new LongAdder();
    final LongAdder errorReplies = new LongAdder();
    final LongAdder absorbedAcks = new LongAdder();
    final LongAdder localReplies = new LongAdder();
    final LongAdder failures = new LongAdder();
    final LongAdder egressDrops = new LongAdder();
    private final AtomicLongArray localRepliesByCode = new AtomicLongArray(600);

    public long receivedRequests() {
        return receivedRequests.sum();
    }

    public long receivedReplies() {
        return receivedReplies.sum();
    }

    public long forwardedRequests() {
        return forwardedRequests.sum();
    }

    public long forwardedReplies() {
        return forwardedReplies.sum();
    }

    public long droppedRequests() {
        return droppedRequests.sum();
    }

    public long droppedReplies() {
        return droppedReplies.sum();
    }

    /** Requests answered 400 because they failed the sanity checks. */
    public long badRequests() {
        return badRequests.sum();
    }

    /** Responses dropped because they failed the sanity checks. */
    public long badReplies() {
        return badReplies.sum();
    }

    /** The 400 replies sent to requests that failed the sanity checks (Kamailio's sl_reply_error). */
    public long errorReplies() {
        return errorReplies.sum();
    }

    /** ACKs for local negative replies absorbed (sl's signature matched). */
    public long absorbedAcks() {
        return absorbedAcks.sum();
    }

    /** Replies this proxy generated itself and sent (sl_send_reply, t_reply, 408, 487, ...). */
    public long localReplies() {
        return localReplies.sum();
    }

    /** Replies with status {@code code} (100-699) this proxy generated itself. */
    public long localReplies(int code) {
        return localRepliesByCode.get(code - 100);
    }

    /**
     * Replies this proxy generated and could not send (Kamailio's sl {@code failures}): a
     * stateless one found the egress queue full, or the server transaction took no response any
     * more.
     */
    public long failures() {
        return failures.sum();
    }

    /** Counts a reply generated here as sent or as a failure; returns {@code sent}. */
    boolean localReply(int code, boolean sent) {
        if (!sent) {
            failures.increment();
            return false;
        }
        localReplies.increment();
        if (code >= 100 && code < 700) {
            localRepliesByCode.incrementAndGet(code - 100);
        }
        return true;
    }

    /** Outbound messages dropped because the egress queue was full. */
    public long egressDrops() {
        return egressDrops.sum();
    }
}
