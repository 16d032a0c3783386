package io.switchboard.loadtests.replay;

import io.netty.util.Timeout;
import io.switchboard.loadtests.generator.CallMessages;
import io.switchboard.transport.header.CSeq;
import io.switchboard.transport.header.NameAddress;
import io.switchboard.transport.message.HeaderName;
import io.switchboard.transport.message.SipMessage;
import io.switchboard.transport.message.SipMethod;
import io.switchboard.transport.message.SipRequest;
import io.switchboard.transport.message.SipResponse;
import io.switchboard.transport.parse.SipParseException;
import io.switchboard.transport.uri.SipUri;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * One side (caller or callee) of one replay instance, walking its script: a recorded send goes
 * out when the recorded gap since the side's previous step has passed (divided by the speed-up
 * factor); a recorded receive waits until a message with the same CSeq and method (and, for a
 * response, status code) arrives, or the timeout, which ends the side. Requests are retransmitted
 * per Timer A/E and a 2xx to INVITE until its ACK (RFC 3261 §17.1.1.2, §17.1.2.2, §13.3.1.4); a
 * request that comes again is answered again. 100 Trying is hop by hop: never waited for.
 * Runs on the replayer's loop.
 */
final class SidePlayer {

    private record Received(SipRequest request, InetSocketAddress from) {
    }

    private record Sent(byte[] bytes, InetSocketAddress to, String requestUri) {
    }

    private static final class Retransmission {
        final String awaits;
        final boolean invite;
        final Sent sent;
        long interval;
        long elapsed;
        Timeout timer;

        Retransmission(String awaits, boolean invite, Sent sent) {
            this.awaits = awaits;
            this.invite = invite;
            this.sent = sent;
        }
    }

    private final ReplayCall call;
    private final RecordedCall.Side side;
    private final List<RecordedCall.Step> steps;
    private final String[] keys;
    private final boolean[] done;
    private final long[] arrived;
    private int next;
    private long anchorOffsetMicros;
    private long anchorNanos;
    private Timeout sendTimer;
    private Timeout receiveTimer;
    private boolean finished;
    private boolean clean = true;
    private String remoteTarget;
    private List<String> routes = List.of();
    private InetSocketAddress nextHop;
    private final Map<String, Received> requests = new HashMap<>();
    private final Map<String, Sent> answers = new HashMap<>();
    private final Map<String, Sent> initialByBranch = new HashMap<>();
    private final Map<Long, Sent> acks = new HashMap<>();
    private final List<Retransmission> pending = new ArrayList<>();

    SidePlayer(ReplayCall call, RecordedCall.Side side, List<RecordedCall.Step> steps) {
        this.call = call;
        this.side = side;
        this.steps = steps;
        this.keys = new String[steps.size()];
        this.done = new boolean[steps.size()];
        this.arrived = new long[steps.size()];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = key(steps.get(i).message());
            if (!steps.get(i).send() && !isTrying(steps.get(i).message())) {
                call.tally().expected++;
            }
        }
    }

    private static String key(SipMessage m) {
        String cseq = cseqKey(m);
        return m instanceof SipResponse r ? cseq + " " + r.statusCode() : cseq;
    }

    private static String cseqKey(SipMessage m) {
        try {
            CSeq cseq = m.cseq();
            return cseq.number() + " " + cseq.method();
        } catch (SipParseException e) {
            return String.valueOf(m.header(HeaderName.CSEQ));
        }
    }

    private static boolean isTrying(SipMessage m) {
        return m instanceof SipResponse r && r.statusCode() == 100;
    }

    boolean finished() {
        return finished;
    }

    /** True while nothing went differently from the capture. */
    boolean clean() {
        return clean;
    }

    void start() {
        anchorNanos = System.nanoTime();
        anchorOffsetMicros = 0;
        advance();
    }

    private void advance() {
        while (!finished && next < steps.size()) {
            RecordedCall.Step step = steps.get(next);
            if (done[next]) {
                anchorOffsetMicros = step.offsetMicros();
                anchorNanos = arrived[next];
                next++;
            } else if (step.send()) {
                long due = anchorNanos + (long) ((step.offsetMicros() - anchorOffsetMicros) * 1000 / call.factor());
                long waitNanos = due - System.nanoTime();
                if (waitNanos > 1_000_000) {
                    if (sendTimer == null) {
                        sendTimer = call.schedule(() -> {
                            sendTimer = null;
                            advance();
                        }, waitNanos / 1_000_000);
                    }
                    return;
                }
                send(step.message());
                anchorOffsetMicros = step.offsetMicros();
                anchorNanos = Math.max(due, anchorNanos);
                next++;
            } else if (isTrying(step.message())) {
                next++;
            } else {
                if (receiveTimer == null) {
                    receiveTimer = call.schedule(this::timedOut, call.timeoutMillis());
                }
                return;
            }
        }
        if (!finished) {
            finish();
        }
    }

    private void timedOut() {
        receiveTimer = null;
        if (!finished) {
            abandon("waited " + call.timeoutMillis() + " ms for " + describe(steps.get(next).message()));
        }
    }

    /** Ends the side early: what it still expected is missing, what it still had to send is not played. */
    private void abandon(String why) {
        problem(why);
        for (int i = next; i < steps.size(); i++) {
            if (steps.get(i).send()) {
                call.tally().notPlayed++;
            } else if (!done[i] && !isTrying(steps.get(i).message())) {
                call.tally().missing++;
            }
        }
        finish();
    }

    private void finish() {
        finished = true;
        if (sendTimer != null) {
            sendTimer.cancel();
        }
        if (receiveTimer != null) {
            receiveTimer.cancel();
        }
        pending.forEach(r -> r.timer.cancel());
        pending.clear();
        call.sideFinished();
    }

    private void problem(String what) {
        clean = false;
        call.tally().problem(call.label() + " " + side.name().toLowerCase(java.util.Locale.ROOT) + ": " + what);
    }

    private static String describe(SipMessage m) {
        return m instanceof SipResponse r ? r.statusCode() + " (" + cseqKey(m) + ")" : ((SipRequest) m).method()
                + " (" + cseqKey(m) + ")";
    }

    private void send(SipMessage recorded) {
        try {
            if (recorded instanceof SipRequest request) {
                sendRequest(request);
            } else {
                sendResponse((SipResponse) recorded);
            }
        } catch (SipParseException e) {
            call.tally().notPlayed++;
            problem("cannot rewrite recorded " + describe(recorded) + ": " + e.getMessage());
        }
    }

    private void sendRequest(SipRequest recorded) throws SipParseException {
        ReplayMessages messages = call.messages();
        String branch = messages.branch(String.valueOf(recorded.topVia().branch()));
        Sent initial = initialByBranch.get(branch);
        boolean reusesInitial = (recorded.isAck() || recorded.isCancel()) && initial != null;
        boolean inDialog = ReplayMessages.tagOf(recorded.header(HeaderName.TO)) != null;
        String requestUri;
        List<String> route = List.of();
        InetSocketAddress to;
        if (reusesInitial) {
            requestUri = initial.requestUri();
            to = initial.to();
        } else if (inDialog) {
            requestUri = remoteTarget != null ? remoteTarget : recorded.requestUriText();
            route = routes;
            to = nextHop != null ? nextHop : call.target();
        } else {
            requestUri = call.initialRequestUri(recorded.requestUriText());
            to = call.target();
        }
        Sent sent = new Sent(messages.request(recorded, requestUri, route, call.local(side)), to, requestUri);
        if (!inDialog && !reusesInitial) {
            initialByBranch.put(branch, sent);
        }
        call.send(side, sent.bytes(), to);
        call.tally().sent++;
        if (recorded.isAck()) {
            acks.put(recorded.cseq().number(), sent);
        } else {
            retransmit(new Retransmission(cseqKey(recorded), recorded.isInvite(), sent));
        }
    }

    private void sendResponse(SipResponse recorded) {
        String cseq = cseqKey(recorded);
        Received request = requests.get(cseq);
        if (request == null) {
            call.tally().notPlayed++;
            problem("no " + cseq + " arrived to answer with " + recorded.statusCode());
            return;
        }
        Sent sent = new Sent(call.messages().response(recorded, request.request(), call.local(side)), request.from(),
                null);
        call.send(side, sent.bytes(), sent.to());
        call.tally().sent++;
        answers.put(cseq, sent);
        if (request.request().isInvite() && recorded.isSuccess()) {
            retransmit(new Retransmission(cseq.replace("INVITE", "ACK"), false, sent));
        }
    }

    private void retransmit(Retransmission r) {
        r.interval = call.t1Millis();
        pending.add(r);
        r.timer = call.schedule(() -> fire(r), r.interval);
    }

    private void fire(Retransmission r) {
        if (!pending.contains(r)) {
            return;
        }
        r.elapsed += r.interval;
        if (r.elapsed >= 64 * call.t1Millis()) {
            pending.remove(r);
            return;
        }
        call.send(side, r.sent.bytes(), r.sent.to());
        call.tally().retransmissionsSent++;
        r.interval = r.invite ? 2 * r.interval : Math.min(2 * r.interval, 8 * call.t1Millis());
        r.timer = call.schedule(() -> fire(r), r.interval);
    }

    /** A message for this side, arrived at its socket. */
    void received(SipMessage message, InetSocketAddress from) {
        learn(message, from);
        settle(message);
        String key = key(message);
        for (int i = 0; i < steps.size(); i++) {
            if (!done[i] && !steps.get(i).send() && keys[i].equals(key)) {
                done[i] = true;
                arrived[i] = System.nanoTime();
                call.tally().matched++;
                if (i == next && receiveTimer != null) {
                    receiveTimer.cancel();
                    receiveTimer = null;
                }
                advance();
                return;
            }
        }
        if (message instanceof SipResponse response && response.isFinal() && differs(response)) {
            return;
        }
        for (int i = 0; i < steps.size(); i++) {
            if (done[i] && !steps.get(i).send() && keys[i].equals(key)) {
                repeatAnswer(message);
                return;
            }
        }
        if (!isTrying(message)) {
            call.tally().unexpected++;
            problem("unexpected " + describe(message));
        }
    }

    /** A final response with another code than the recorded one for the same request: the side ends. */
    private boolean differs(SipResponse response) {
        String cseq = cseqKey(response);
        for (int i = 0; i < steps.size(); i++) {
            if (!done[i] && !steps.get(i).send() && steps.get(i).message() instanceof SipResponse recorded
                    && recorded.isFinal() && cseqKey(recorded).equals(cseq)) {
                done[i] = true;
                call.tally().codeDiffered++;
                if (!response.isSuccess() && cseq.endsWith(" INVITE")) {
                    acknowledge(response);
                }
                next = Math.max(next, i + 1);
                abandon("expected " + recorded.statusCode() + " (" + cseq + "), got " + response.statusCode());
                return true;
            }
        }
        return false;
    }

    /** The ACK of a non-2xx final response, hop by hop on the INVITE's branch (RFC 3261 §17.1.1.3). */
    private void acknowledge(SipResponse response) {
        try {
            Sent invite = initialByBranch.get(response.topVia().branch());
            if (invite != null) {
                call.send(side, CallMessages.request("ACK", invite.requestUri(), call.local(side),
                        response.topVia().branch(), ReplayMessages.tagOf(response.header(HeaderName.FROM)),
                        response.header(HeaderName.TO), response.header(HeaderName.CALL_ID),
                        response.cseq().number(), List.of()), invite.to());
            }
        } catch (SipParseException e) {
            problem("cannot acknowledge " + response.statusCode() + ": " + e.getMessage());
        }
    }

    private void repeatAnswer(SipMessage again) {
        call.tally().retransmissionsReceived++;
        Sent answer = null;
        if (again instanceof SipRequest) {
            answer = answers.get(cseqKey(again));
        } else if (again instanceof SipResponse r && r.isSuccess()) {
            try {
                answer = r.cseq().method() == SipMethod.INVITE ? acks.get(r.cseq().number()) : null;
            } catch (SipParseException e) {
                answer = null;
            }
        }
        if (answer != null) {
            call.send(side, answer.bytes(), answer.to());
        }
    }

    /** Stops the retransmissions {@code message} answers: a response for a request, an ACK for a 2xx. */
    private void settle(SipMessage message) {
        String cseq = cseqKey(message);
        boolean isFinal = message instanceof SipResponse r && r.isFinal();
        for (Iterator<Retransmission> it = pending.iterator(); it.hasNext(); ) {
            Retransmission r = it.next();
            boolean answered = message instanceof SipResponse ? r.awaits.equals(cseq) && (r.invite || isFinal)
                    : r.awaits.equals(cseq) && cseq.endsWith(" ACK");
            if (answered) {
                r.timer.cancel();
                it.remove();
            }
        }
    }

    /** Keeps the request to answer, and the dialog's remote target and route set (RFC 3261 §12.1.1, §12.1.2). */
    private void learn(SipMessage message, InetSocketAddress from) {
        try {
            if (message instanceof SipRequest request) {
                requests.put(cseqKey(request), new Received(request, from));
                if (request.isInvite() && ReplayMessages.tagOf(request.header(HeaderName.TO)) == null) {
                    dialog(request, false);
                }
            } else if (message instanceof SipResponse response && message.cseq().method() == SipMethod.INVITE
                    && (response.isSuccess() || response.isProvisional() && response.statusCode() > 100
                    && ReplayMessages.tagOf(response.header(HeaderName.TO)) != null)) {
                dialog(response, true);
            }
        } catch (SipParseException e) {
            problem("cannot read " + describe(message) + ": " + e.getMessage());
        }
    }

    private void dialog(SipMessage message, boolean reverse) throws SipParseException {
        List<NameAddress> contacts = message.contacts();
        if (contacts.isEmpty()) {
            return;
        }
        List<NameAddress> recordRoutes = new ArrayList<>(message.recordRoutes());
        if (reverse) {
            Collections.reverse(recordRoutes);
        }
        remoteTarget = contacts.get(0).uri().toString();
        routes = recordRoutes.stream().map(NameAddress::toString).toList();
        var hop = recordRoutes.isEmpty() ? contacts.get(0).uri() : recordRoutes.get(0).uri();
        if (hop instanceof SipUri sip) {
            nextHop = new InetSocketAddress(sip.host(), sip.portOrDefault());
        }
    }
}
