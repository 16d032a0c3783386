package io.switchboard.loadtests.generator;

import io.netty.util.Timeout;
import io.switchboard.transport.message.HeaderName;
import io.switchboard.transport.message.SipMessage;
import io.switchboard.transport.message.SipRequest;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;

/**
 * The called side of the load generator: answers each INVITE with 180 and 200 (the 200 carrying
 * the Record-Route of the request and an SDP answer), retransmits the 200 until the ACK comes
 * (RFC 3261 §13.3.1.4: T1 doubling up to T2, giving up after 64 × T1), answers a retransmitted
 * INVITE with the 200 again, and answers BYE, CANCEL and anything else with 200. Keeps state
 * only for the calls waiting for their ACK; all of it on one event loop.
 */
public final class Uas implements AutoCloseable {

    private static final class Answer {
        final byte[] ok;
        final InetSocketAddress to;
        long interval;
        Timeout retransmit;
        Timeout giveUp;

        Answer(byte[] ok, InetSocketAddress to) {
            this.ok = ok;
            this.to = to;
        }
    }

    private final SipEndpoint endpoint;
    private final long t1Millis;
    private final Map<String, Answer> awaitingAck = new HashMap<>();
    private long answered;
    private long acknowledged;
    private long ended;
    private long unacknowledged;

    private Uas(InetSocketAddress local, long t1Millis) {
        this.t1Millis = t1Millis;
        this.endpoint = SipEndpoint.bind(local, "uas", this::received);
    }

    /** A UAS on {@code local} (port 0: any). */
    public static Uas start(InetSocketAddress local, long t1Millis) {
        return new Uas(local, t1Millis);
    }

    public InetSocketAddress localAddress() {
        return endpoint.localAddress();
    }

    /** A Request-URI that makes a proxy relay a call to this UAS. */
    public String requestUri() {
        return "sip:load@" + CallMessages.hostPort(localAddress());
    }

    private void received(SipMessage message, InetSocketAddress from) {
        if (!(message instanceof SipRequest request)) {
            return;
        }
        String callId = request.header(HeaderName.CALL_ID);
        if (request.isInvite()) {
            Answer known = awaitingAck.get(callId);
            if (known != null) {
                endpoint.send(known.ok, known.to);
                return;
            }
            String tag = "u" + Integer.toHexString(callId.hashCode());
            endpoint.send(CallMessages.response(request, 180, "Ringing", tag, localAddress()), from);
            Answer answer = new Answer(CallMessages.response(request, 200, "OK", tag, localAddress()), from);
            endpoint.send(answer.ok, from);
            answered++;
            awaitingAck.put(callId, answer);
            answer.interval = t1Millis;
            answer.retransmit = endpoint.schedule(() -> retransmit(callId, answer), t1Millis);
            answer.giveUp = endpoint.schedule(() -> {
                if (awaitingAck.remove(callId, answer)) {
                    answer.retransmit.cancel();
                    unacknowledged++;
                }
            }, 64 * t1Millis);
        } else if (request.isAck()) {
            Answer answer = awaitingAck.remove(callId);
            if (answer != null) {
                answer.retransmit.cancel();
                answer.giveUp.cancel();
                acknowledged++;
            }
        } else {
            if (request.isBye()) {
                ended++;
            }
            endpoint.send(CallMessages.response(request, 200, "OK", null, localAddress()), from);
        }
    }

    private void retransmit(String callId, Answer answer) {
        if (awaitingAck.get(callId) == answer) {
            endpoint.send(answer.ok, answer.to);
            answer.interval = Math.min(2 * answer.interval, 8 * t1Millis);
            answer.retransmit = endpoint.schedule(() -> retransmit(callId, answer), answer.interval);
        }
    }

    /** What the UAS has seen: calls answered, acknowledged, ended by BYE, and answered but never acknowledged. */
    public record Counts(long answered, long acknowledged, long ended, long unacknowledged) {
    }

    public Counts counts() {
        return endpoint.call(() -> new Counts(answered, acknowledged, ended, unacknowledged));
    }

    @Override
    public void close() {
        endpoint.close();
    }
}
