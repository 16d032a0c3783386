package io.switchboard.loadtests.replay;

import io.switchboard.transport.message.HeaderName;
import io.switchboard.transport.message.SipFramer;
import io.switchboard.transport.message.SipMessage;
import io.switchboard.transport.message.SipRequest;
import io.switchboard.transport.parse.SipParseException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One call of a capture, as the replayer plays it: the messages of one Call-ID (RFC 3261 §8.1.1.4),
 * retransmissions left out (the same bytes between the same addresses again), split into what the
 * caller sent and received and what the callee sent and received. The caller is the source of the
 * call's first request; the callee is where that request ended up: when the capture was taken at
 * a proxy, the request goes on from the first hop with the same CSeq, and the last address it was
 * relayed to (after a failover, the one that answered last) is the callee. Messages between other
 * hops are not played.
 */
public final class RecordedCall {

    /** The two parties the replayer plays. */
    public enum Side { CALLER, CALLEE }

    /**
     * One message of a side's script.
     *
     * @param send true when the side sent it, false when it received it
     * @param offsetMicros when, from the call's first message
     */
    record Step(boolean send, SipMessage message, long offsetMicros) {
    }

    /** What a capture held: the calls, and how many datagrams were not SIP or began mid-call. */
    public record Calls(List<RecordedCall> calls, long notSip, long partial) {
    }

    private final String callId;
    private final long startMicros;
    private final InetSocketAddress caller;
    private final InetSocketAddress callee;
    private final List<Step> callerSteps;
    private final List<Step> calleeSteps;

    private RecordedCall(String callId, long startMicros, InetSocketAddress caller, InetSocketAddress callee,
            List<Step> callerSteps, List<Step> calleeSteps) {
        this.callId = callId;
        this.startMicros = startMicros;
        this.caller = caller;
        this.callee = callee;
        this.callerSteps = callerSteps;
        this.calleeSteps = calleeSteps;
    }

    /** The calls of {@code messages}, in the order they began. */
    public static Calls group(List<CapturedMessage> messages) {
        Map<String, List<Framed>> byCallId = new LinkedHashMap<>();
        long notSip = 0;
        for (CapturedMessage captured : messages) {
            try {
                SipMessage message = SipFramer.DEFAULT.frame(captured.payload());
                byCallId.computeIfAbsent(message.callId(), id -> new ArrayList<>()).add(new Framed(captured, message));
            } catch (SipParseException e) {
                notSip++;
            }
        }
        List<RecordedCall> calls = new ArrayList<>();
        long partial = 0;
        for (Map.Entry<String, List<Framed>> call : byCallId.entrySet()) {
            RecordedCall recorded = of(call.getKey(), call.getValue());
            if (recorded == null) {
                partial++;
            } else {
                calls.add(recorded);
            }
        }
        calls.sort(Comparator.comparingLong(RecordedCall::startMicros));
        return new Calls(List.copyOf(calls), notSip, partial);
    }

    private record Framed(CapturedMessage captured, SipMessage message) {
        String key() {
            return captured.source() + ">" + captured.destination() + ":"
                    + new String(captured.payload(), StandardCharsets.ISO_8859_1);
        }
    }

    private static RecordedCall of(String callId, List<Framed> all) {
        List<Framed> messages = new ArrayList<>(all);
        messages.sort(Comparator.comparingLong(f -> f.captured().epochMicros()));
        Set<String> seen = new HashSet<>();
        messages.removeIf(f -> !seen.add(f.key()));
        Framed first = messages.stream().filter(f -> f.message().isRequest()).findFirst().orElse(null);
        if (first == null || first.message().header(HeaderName.TO) == null
                || first.message().header(HeaderName.TO).contains("tag=")) {
            return null;
        }
        InetSocketAddress caller = first.captured().source();
        InetSocketAddress callee = lastHop(messages, first, caller);
        long start = messages.get(0).captured().epochMicros();
        List<Step> callerSteps = new ArrayList<>();
        List<Step> calleeSteps = new ArrayList<>();
        for (Framed f : messages) {
            long offset = f.captured().epochMicros() - start;
            script(callerSteps, caller, f, offset);
            if (!callee.equals(caller)) {
                script(calleeSteps, callee, f, offset);
            }
        }
        return new RecordedCall(callId, start, caller, callee, List.copyOf(callerSteps), List.copyOf(calleeSteps));
    }

    private static void script(List<Step> steps, InetSocketAddress party, Framed f, long offset) {
        if (f.captured().source().equals(party)) {
            steps.add(new Step(true, f.message(), offset));
        } else if (f.captured().destination().equals(party)) {
            steps.add(new Step(false, f.message(), offset));
        }
    }

    /** Follows the first request from hop to hop (same CSeq, sent on by the address it reached). */
    private static InetSocketAddress lastHop(List<Framed> messages, Framed first, InetSocketAddress caller) {
        String cseq = first.message().header(HeaderName.CSEQ);
        Set<InetSocketAddress> visited = new HashSet<>(List.of(caller));
        InetSocketAddress hop = first.captured().destination();
        while (visited.add(hop)) {
            InetSocketAddress next = null;
            for (Framed f : messages) {
                if (f.message() instanceof SipRequest && f.captured().source().equals(hop)
                        && cseq.equals(f.message().header(HeaderName.CSEQ))
                        && !visited.contains(f.captured().destination())) {
                    next = f.captured().destination();
                }
            }
            if (next == null) {
                return hop;
            }
            hop = next;
        }
        return hop;
    }

    public String callId() {
        return callId;
    }

    /** When the call's first message was seen, microseconds since 1970. */
    public long startMicros() {
        return startMicros;
    }

    public InetSocketAddress caller() {
        return caller;
    }

    public InetSocketAddress callee() {
        return callee;
    }

    List<Step> steps(Side side) {
        return side == Side.CALLER ? callerSteps : calleeSteps;
    }

    /** Messages the two sides send and receive in the capture. */
    public int messageCount() {
        return callerSteps.size() + calleeSteps.size();
    }
}
