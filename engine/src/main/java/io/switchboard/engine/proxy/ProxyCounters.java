package io.switchboard.engine.proxy;

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
    final LongAdder absorbedAcks = new LongAdder();
    final LongAdder localReplies = new LongAdder();
    final LongAdder egressDrops = new LongAdder();

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

    /** ACKs for local negative replies absorbed (sl's signature matched). */
    public long absorbedAcks() {
        return absorbedAcks.sum();
    }

    /** Replies this proxy generated itself (sl_send_reply, t_reply, 408, 487, ...). */
    public long localReplies() {
        return localReplies.sum();
    }

    /** Outbound messages dropped because the egress queue was full. */
    public long egressDrops() {
        return egressDrops.sum();
    }
}
