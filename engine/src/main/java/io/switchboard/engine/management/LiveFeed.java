package io.switchboard.engine.management;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.channel.Channel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data of the live page (issue 7, DESIGN "Management and observability"): the sections the
 * engine's modules add ({@code calls} from the dialog module, {@code gateways} from the
 * dispatcher), streamed as Server-Sent Events to every {@code GET /live/events}. The dialogs and
 * the dispatcher have no hook for every change on this node (the dialog listener hears start, end
 * and failure, not ringing), so the feed polls: every {@link #PERIOD_MILLIS} it takes a snapshot
 * of all sections and sends it, as one {@code snapshot} event, to each subscriber whose last event
 * differs — at connect at once, then only on change, with a comment line every
 * {@link #HEARTBEAT_MILLIS} so a dead client is noticed. Each event is the whole picture, so a
 * client too slow to take one simply gets the next. One thread does the polling and the writing.
 */
public final class LiveFeed {

    private static final Logger log = LoggerFactory.getLogger(LiveFeed.class);
    static final long PERIOD_MILLIS = 1000;
    static final long HEARTBEAT_MILLIS = 15_000;
    static final String CONTENT_TYPE = "text/event-stream; charset=utf-8";
    private static final byte[] HEARTBEAT = ": still here\n\n".getBytes(StandardCharsets.UTF_8);
    private static final byte[] RETRY = "retry: 2000\n\n".getBytes(StandardCharsets.UTF_8);

    private final Map<String, Supplier<Object>> sections = new ConcurrentHashMap<>();
    private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
    private final ObjectMapper mapper = new ObjectMapper();
    private final LongSupplier clock;
    private final ScheduledExecutorService thread;

    /** One open event stream and what it was last sent. */
    private static final class Subscriber {
        final HttpResponseStream out;
        final Channel channel;
        String last;
        long lastSentMillis;

        Subscriber(HttpResponseStream out, Channel channel) {
            this.out = out;
            this.channel = channel;
        }
    }

    LiveFeed(LongSupplier clock) {
        this.clock = clock;
        this.thread = Executors.newSingleThreadScheduledExecutor(new DefaultThreadFactory("live-feed", true));
        thread.scheduleWithFixedDelay(() -> {
            try {
                tick();
            } catch (RuntimeException e) {
                log.warn("the live feed failed a round", e); // and goes on: a periodic task that throws stops
            }
        }, PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    }

    /**
     * Adds a section of the page, {@code name} in each event's JSON with what {@code data} gives
     * (maps, lists, strings and numbers); called on the feed's thread once a second while a page
     * is open.
     */
    public void section(String name, Supplier<Object> data) {
        sections.put(name, data);
    }

    /** Starts the event stream of a {@code GET /live/events} on {@code channel}; it ends when the client goes. */
    void subscribe(Channel channel, boolean keepAlive) {
        Subscriber subscriber = new Subscriber(new HttpResponseStream(channel, keepAlive, CONTENT_TYPE), channel);
        execute(() -> {
            if (send(subscriber, RETRY)) {
                subscribers.add(subscriber);
                channel.closeFuture().addListener(f -> execute(() -> end(subscriber)));
                tick();
            }
        });
    }

    /** The JSON of every section, without the time. */
    String sectionsJson() throws JsonProcessingException {
        Map<String, Object> view = new LinkedHashMap<>();
        sections.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> view.put(e.getKey(), e.getValue().get()));
        return mapper.writeValueAsString(view);
    }

    private void tick() {
        if (subscribers.isEmpty()) {
            return;
        }
        String view;
        try {
            view = sectionsJson();
        } catch (JsonProcessingException | RuntimeException e) {
            log.warn("the live view could not be taken", e);
            return;
        }
        long now = clock.getAsLong();
        byte[] event = ("event: snapshot\ndata: {\"now\":" + now + ",\"view\":" + view + "}\n\n")
                .getBytes(StandardCharsets.UTF_8);
        for (Subscriber s : subscribers) {
            if (!view.equals(s.last)) {
                if (s.channel.isWritable() && send(s, event)) {
                    s.last = view;
                    s.lastSentMillis = now;
                }
            } else if (now - s.lastSentMillis >= HEARTBEAT_MILLIS && send(s, HEARTBEAT)) {
                s.lastSentMillis = now;
            }
        }
    }

    private boolean send(Subscriber s, byte[] bytes) {
        try {
            s.out.sendChunk(bytes);
            return true;
        } catch (IOException e) {
            end(s);
            return false;
        }
    }

    /** Forgets a subscriber and releases its stream's buffer; on the feed's thread. */
    private void end(Subscriber s) {
        subscribers.remove(s);
        s.out.abort();
    }

    private void execute(Runnable task) {
        try {
            thread.execute(task);
        } catch (RejectedExecutionException e) {
            log.debug("the live feed has stopped");
        }
    }

    /** How many event streams are open. */
    int subscribers() {
        return subscribers.size();
    }

    /** Stops polling and ends the open streams. */
    void stop() {
        execute(() -> List.copyOf(subscribers).forEach(this::end));
        thread.shutdown();
    }
}
