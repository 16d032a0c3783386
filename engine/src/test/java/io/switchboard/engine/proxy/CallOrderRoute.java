package io.switchboard.engine.proxy;

import io.switchboard.engine.route.RequestContext;
import io.switchboard.engine.route.Route;
import io.switchboard.transport.parse.SipParseException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A route that takes a random part of a millisecond over each request (so requests run side by
 * side would overtake each other), then writes down its CSeq number under its Call-ID, and drops it.
 */
public final class CallOrderRoute implements Route {

    static final Map<String, List<Long>> SEEN = new ConcurrentHashMap<>();

    @Override
    public void onRequest(RequestContext request) {
        LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(ThreadLocalRandom.current().nextInt(500)));
        try {
            SEEN.computeIfAbsent(request.request().callId(), id -> new CopyOnWriteArrayList<>())
                    .add(request.request().cseq().number());
        } catch (SipParseException e) {
            throw new IllegalStateException(e);
        }
        request.drop();
    }
}
