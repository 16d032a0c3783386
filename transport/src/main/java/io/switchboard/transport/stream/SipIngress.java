package io.switchboard.transport.stream;

import io.switchboard.transport.net.InboundMessage;
import io.switchboard.transport.net.InboundQueue;
import io.switchboard.transport.net.SipTransport;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import org.apache.pekko.actor.ClassicActorSystemProvider;
import org.apache.pekko.japi.Pair;
import org.apache.pekko.stream.BoundedSourceQueue;
import org.apache.pekko.stream.QueueOfferResult;
import org.apache.pekko.stream.javadsl.Keep;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ingress stream: every message a {@link SipTransport} frames (RFC 3261 §18.1.2, §18.2.1)
 * goes into the sink given to {@link #runWith}. Pass this object to {@link SipTransport#bind} as its
 * {@link InboundQueue}. The buffer is bounded and {@link #offer} never blocks the Netty thread
 * that calls it: when downstream is slower and the buffer is full, the message is shed, counted,
 * and handed to the shedding callback — where the engine answers new INVITEs with 503 and
 * Retry-After (RFC 3261 §21.5.4) and lets the rest go.
 *
 * <p>The queue and the sink run as one fused graph, materialized when the ingress is created, so
 * messages are buffered from the first datagram on and wait there until {@link #runWith} gives
 * the sink. Fused, a message crosses one thread hand-over (Netty's thread to the graph's actor)
 * on its way to the sink: a queue materialized on its own and subscribed to later would add a
 * Reactive Streams boundary, another actor and another hand-over for every message.
 */
public final class SipIngress implements InboundQueue {

    private static final Logger log = LoggerFactory.getLogger(SipIngress.class);

    /** Messages the ingress holds for a slow downstream before it sheds. */
    public static final int DEFAULT_BUFFER_SIZE = 8192;

    private final BoundedSourceQueue<InboundMessage> queue;
    /** The sink of {@link #runWith}, given once; its materialized value completes {@link #materialized}. */
    private final CompletableFuture<Sink<InboundMessage, Object>> sink;
    private final CompletionStage<Object> materialized;
    private final Consumer<InboundMessage> onShed;
    private final LongAdder shed = new LongAdder();
    private final AtomicBoolean callbackFailed = new AtomicBoolean();

    private SipIngress(CompletableFuture<Sink<InboundMessage, Object>> sink,
                       Pair<BoundedSourceQueue<InboundMessage>, CompletionStage<Object>> materialized,
                       Consumer<InboundMessage> onShed) {
        this.sink = sink;
        this.queue = materialized.first();
        this.materialized = materialized.second();
        this.onShed = onShed;
    }

    /** An ingress of {@link #DEFAULT_BUFFER_SIZE} that sheds silently (but counts). */
    public static SipIngress create(ClassicActorSystemProvider system) {
        return create(system, DEFAULT_BUFFER_SIZE, message -> { });
    }

    /**
     * @param bufferSize messages held before shedding
     * @param onShed called with each shed message on the Netty thread that received it; it must
     *     not block (send a reply through {@link SipTransport#send}, or tell an actor)
     */
    public static SipIngress create(ClassicActorSystemProvider system, int bufferSize,
                                    Consumer<InboundMessage> onShed) {
        if (bufferSize < 1) {
            throw new IllegalArgumentException("ingress buffer size must be positive: " + bufferSize);
        }
        CompletableFuture<Sink<InboundMessage, Object>> sink = new CompletableFuture<>();
        return new SipIngress(sink, Source.<InboundMessage>queue(bufferSize)
                .toMat(Sink.completionStageSink(sink), Keep.both()).run(system),
                onShed == null ? message -> { } : onShed);
    }

    /**
     * Sends the received messages, in arrival order per listener, into {@code downstream}; the
     * messages buffered until now go first. Once per ingress.
     *
     * @return the materialized value of {@code downstream}, once the first message reaches it; a
     *     {@link org.apache.pekko.stream.NeverMaterializedException} when the ingress completes
     *     before any message
     * @throws IllegalStateException when the ingress already has its sink
     */
    @SuppressWarnings("unchecked")
    public <M> CompletionStage<M> runWith(Sink<InboundMessage, M> downstream) {
        if (!sink.complete((Sink<InboundMessage, Object>) (Sink<InboundMessage, ?>) downstream)) {
            throw new IllegalStateException("the ingress already runs into a sink");
        }
        return (CompletionStage<M>) materialized;
    }

    /**
     * Enqueues {@code message}, or sheds it when the buffer is full or the stream has ended.
     * Thread-safe, never blocks.
     */
    @Override
    public boolean offer(InboundMessage message) {
        QueueOfferResult result = queue.offer(message);
        if (result.isEnqueued()) {
            return true;
        }
        shed.increment();
        try {
            onShed.accept(message);
        } catch (RuntimeException e) {
            if (callbackFailed.compareAndSet(false, true)) {
                log.warn("load-shedding callback failed for a message from {} (later failures log at debug)",
                        message.remote(), e);
            } else {
                log.debug("load-shedding callback failed for a message from {}", message.remote(), e);
            }
        }
        return false;
    }

    /** Messages shed since creation. */
    public long shedCount() {
        return shed.sum();
    }

    /** Messages waiting in the buffer now. */
    public int queued() {
        return queue.size();
    }

    /** Ends the stream once the buffered messages are in the sink; later offers are shed. */
    public void complete() {
        queue.complete();
    }
}
