package io.switchboard.loadtests.generator;

import io.switchboard.transport.header.NameAddress;
import io.switchboard.transport.message.HeaderName;
import io.switchboard.transport.message.SipMessage;
import io.switchboard.transport.message.SipMethod;
import io.switchboard.transport.message.SipResponse;
import io.switchboard.transport.parse.SipParseException;
import io.switchboard.transport.uri.SipUri;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * The calling side of the load generator: places calls at a rate through a target (a proxy), each
 * an INVITE, the ACK of its 2xx along the route set (RFC 3261 §12.1.2, §13.2.2.4), a hold, and a
 * BYE; retransmits per Timer A and E and gives up per Timer B and F (§17.1.1.2, §17.1.2.2);
 * acknowledges non-2xx finals hop by hop (§17.1.1.3) and re-acknowledges retransmitted 2xx.
 * Measures INVITE→180 and INVITE→200 with HdrHistogram. All state lives on one event loop.
 */
public final class Uac implements AutoCloseable {

    private static final long MAX_LATENCY_MICROS = TimeUnit.MINUTES.toMicros(5);
    private static final long LINGER_MILLIS = 5_000;

    private final SipEndpoint endpoint;
    private final InetSocketAddress target;
    private final String requestUri;
    private final String prefix = Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
    private final Map<String, UacCall> calls = new HashMap<>();
    private long sequence;

    private Load load;
    private long firstNanos;
    private long firstPlacedNanos;
    private long lastPlacedNanos;
    private long slots;
    private Future<?> pacing;
    private CompletableFuture<LoadReport> finished;
    private long started;
    private long succeeded;
    private final Map<CallFailure, Long> failures = new EnumMap<>(CallFailure.class);
    private long skipped;
    private long active;
    private long held;
    private long retransmissions;
    private long unexpected;
    private Histogram ringing = histogram();
    private Histogram answered = histogram();

    private Uac(InetSocketAddress local, InetSocketAddress target, String requestUri) {
        this.endpoint = SipEndpoint.bind(local, "uac", this::received);
        this.target = target;
        this.requestUri = requestUri;
    }

    /**
     * A UAC on {@code local} sending every INVITE to {@code target} with {@code requestUri}
     * (the callee: {@code sip:load@UAS-HOST:PORT} makes a proxy relay to that UAS).
     */
    public static Uac start(InetSocketAddress local, InetSocketAddress target, String requestUri) {
        return new Uac(local, target, requestUri);
    }

    private static Histogram histogram() {
        return new Histogram(MAX_LATENCY_MICROS, 3);
    }

    public InetSocketAddress localAddress() {
        return endpoint.localAddress();
    }

    /**
     * Places {@code load}'s calls; the future completes with the report when every call has ended.
     * One run at a time; counters and histograms start from zero.
     */
    public CompletableFuture<LoadReport> run(Load load) {
        CompletableFuture<LoadReport> done = new CompletableFuture<>();
        endpoint.execute(() -> {
            if (finished != null && !finished.isDone()) {
                done.completeExceptionally(new IllegalStateException("a run is in progress"));
                return;
            }
            this.load = load;
            finished = done;
            started = succeeded = skipped = retransmissions = unexpected = slots = 0;
            failures.clear();
            ringing = histogram();
            answered = histogram();
            firstNanos = System.nanoTime();
            long period = Math.max(200, Math.min(10_000, (long) (1_000_000 / load.rate())));
            pacing = endpoint.every(this::pace, period);
        });
        return done;
    }

    /** The counters and latencies so far. */
    public LoadReport report() {
        return endpoint.call(this::snapshot);
    }

    /** Ends every call on hold without waiting for the end of its hold: their BYEs go out at {@code rate} per second. */
    public void releaseHeld(double rate) {
        endpoint.execute(() -> {
            long n = 0;
            for (UacCall call : List.copyOf(calls.values())) {
                if (call.state == UacCall.State.CONFIRMED) {
                    endpoint.schedule(() -> {
                        if (call.state == UacCall.State.CONFIRMED) {
                            bye(call);
                        }
                    }, (long) (n++ * 1000 / rate));
                }
            }
        });
    }

    private LoadReport snapshot() {
        double placing = started == 0 ? 0 : (lastPlacedNanos - firstPlacedNanos) / 1e9;
        return new LoadReport(started, succeeded, Collections.unmodifiableMap(new EnumMap<>(failures)), skipped,
                active, held, retransmissions, unexpected, placing, ringing.copy(), answered.copy());
    }

    private void pace() {
        long due = Math.min(load.calls(), (long) (load.rate() * (System.nanoTime() - firstNanos) / 1e9) + 1);
        while (slots < due) {
            slots++;
            if (load.maxConcurrent() > 0 && active >= load.maxConcurrent()) {
                skipped++;
            } else {
                place();
            }
        }
        if (slots >= load.calls()) {
            pacing.cancel(false);
            finishIfIdle();
        }
    }

    private void place() {
        long n = ++sequence;
        UacCall call = new UacCall(prefix + "-" + n + "@load", "f" + n, branch(), System.nanoTime());
        if (started == 0) {
            firstPlacedNanos = call.startNanos;
        }
        lastPlacedNanos = call.startNanos;
        call.invite = CallMessages.invite(requestUri, localAddress(), call.branch, call.fromTag, call.callId);
        call.nextHop = target;
        calls.put(call.callId, call);
        started++;
        active++;
        endpoint.send(call.invite, target);
        call.interval = load.t1Millis();
        call.retransmit = endpoint.schedule(() -> timerA(call), call.interval);
        call.timer = endpoint.schedule(() -> {
            if (call.isSetUp()) {
                failed(call, CallFailure.INVITE_TIMEOUT);
            }
        }, load.timeoutMillis());
    }

    private String branch() {
        return "z9hG4bK" + prefix + "." + (++sequence);
    }

    private void timerA(UacCall call) {
        if (call.state == UacCall.State.CALLING) {
            endpoint.send(call.invite, target);
            retransmissions++;
            call.interval *= 2;
            call.retransmit = endpoint.schedule(() -> timerA(call), call.interval);
        }
    }

    private void timerE(UacCall call) {
        if (call.state == UacCall.State.BYE_SENT) {
            endpoint.send(call.bye, call.nextHop);
            retransmissions++;
            call.interval = Math.min(2 * call.interval, load.t2Millis());
            call.retransmit = endpoint.schedule(() -> timerE(call), call.interval);
        }
    }

    private void received(SipMessage message, InetSocketAddress from) {
        UacCall call = calls.get(message.header(HeaderName.CALL_ID));
        if (call == null || !(message instanceof SipResponse response)) {
            unexpected++;
            return;
        }
        try {
            if (message.cseq().method() == SipMethod.INVITE) {
                onInviteResponse(call, response);
            } else if (message.cseq().method() == SipMethod.BYE && call.state == UacCall.State.BYE_SENT
                    && response.isFinal()) {
                call.cancelTimers();
                if (response.isSuccess()) {
                    succeeded++;
                    end(call);
                } else {
                    failed(call, CallFailure.BYE_REJECTED);
                }
            }
        } catch (SipParseException e) {
            unexpected++;
        }
    }

    private void onInviteResponse(UacCall call, SipResponse response) throws SipParseException {
        long micros = (System.nanoTime() - call.startNanos) / 1_000;
        if (response.isProvisional()) {
            if (call.state == UacCall.State.CALLING) {
                call.state = UacCall.State.PROCEEDING;
                call.retransmit.cancel();
            }
            if (!call.rang && (response.statusCode() == 180 || response.statusCode() == 183) && call.isSetUp()) {
                call.rang = true;
                ringing.recordValue(Math.min(micros, MAX_LATENCY_MICROS));
            }
        } else if (response.isSuccess()) {
            if (call.isSetUp()) {
                call.cancelTimers();
                answered.recordValue(Math.min(micros, MAX_LATENCY_MICROS));
                confirm(call, response);
            } else if (call.ack != null) {
                endpoint.send(call.ack, call.nextHop);
                retransmissions++;
            }
        } else if (call.isSetUp()) {
            call.cancelTimers();
            call.ack = CallMessages.request("ACK", requestUri, localAddress(), call.branch, call.fromTag,
                    response.header(HeaderName.TO), call.callId, 1, List.of());
            endpoint.send(call.ack, target);
            failed(call, CallFailure.REJECTED);
        } else if (call.ack != null && call.state == UacCall.State.ENDED) {
            endpoint.send(call.ack, target);
        }
    }

    /** The dialog as the 2xx sets it up (RFC 3261 §12.1.2): remote target, route set, remote tag; then the ACK. */
    private void confirm(UacCall call, SipResponse ok) throws SipParseException {
        List<NameAddress> recordRoutes = new ArrayList<>(ok.recordRoutes());
        Collections.reverse(recordRoutes);
        List<String> routes = recordRoutes.stream().map(NameAddress::toString).toList();
        List<NameAddress> contacts = ok.contacts();
        String remoteTarget = contacts.isEmpty() ? requestUri : contacts.get(0).uri().toString();
        SipUri hop = (SipUri) (recordRoutes.isEmpty() ? contacts.isEmpty() ? null : contacts.get(0).uri()
                : recordRoutes.get(0).uri());
        call.nextHop = hop == null ? target : new InetSocketAddress(hop.host(), hop.portOrDefault());
        String to = ok.header(HeaderName.TO);
        call.ack = CallMessages.request("ACK", remoteTarget, localAddress(), branch(), call.fromTag, to,
                call.callId, 1, routes);
        call.bye = CallMessages.request("BYE", remoteTarget, localAddress(), branch(), call.fromTag, to,
                call.callId, 2, routes);
        endpoint.send(call.ack, call.nextHop);
        call.state = UacCall.State.CONFIRMED;
        held++;
        call.timer = endpoint.schedule(() -> {
            if (call.state == UacCall.State.CONFIRMED) {
                bye(call);
            }
        }, load.holdMillis());
    }

    private void bye(UacCall call) {
        call.cancelTimers();
        held--;
        call.state = UacCall.State.BYE_SENT;
        endpoint.send(call.bye, call.nextHop);
        call.interval = load.t1Millis();
        call.retransmit = endpoint.schedule(() -> timerE(call), call.interval);
        call.timer = endpoint.schedule(() -> {
            if (call.state == UacCall.State.BYE_SENT) {
                failed(call, CallFailure.BYE_TIMEOUT);
            }
        }, load.timeoutMillis());
    }

    private void failed(UacCall call, CallFailure cause) {
        if (call.state == UacCall.State.ENDED) {
            return;
        }
        call.cancelTimers();
        if (call.state == UacCall.State.CONFIRMED) {
            held--;
        }
        failures.merge(cause, 1L, Long::sum);
        end(call);
    }

    private void end(UacCall call) {
        call.state = UacCall.State.ENDED;
        active--;
        endpoint.schedule(() -> calls.remove(call.callId), LINGER_MILLIS);
        finishIfIdle();
    }

    private void finishIfIdle() {
        if (active == 0 && load != null && slots >= load.calls() && finished != null && !finished.isDone()) {
            finished.complete(snapshot());
        }
    }

    @Override
    public void close() {
        endpoint.close();
    }
}
