package io.switchboard.loadtests.replay;

import io.netty.util.Timeout;
import io.switchboard.transport.message.SipMessage;
import java.net.InetSocketAddress;

/** One replay instance of a recorded call: its two sides, its rewriting mark, and its place in the replay. */
final class ReplayCall {

    private final Replayer replayer;
    private final RecordedCall recorded;
    private final int copy;
    private final ReplayMessages messages;
    private final SidePlayer caller;
    private final SidePlayer callee;

    ReplayCall(Replayer replayer, RecordedCall recorded, int copy, String mark) {
        this.replayer = replayer;
        this.recorded = recorded;
        this.copy = copy;
        this.messages = new ReplayMessages(mark);
        this.caller = new SidePlayer(this, RecordedCall.Side.CALLER, recorded.steps(RecordedCall.Side.CALLER));
        this.callee = new SidePlayer(this, RecordedCall.Side.CALLEE, recorded.steps(RecordedCall.Side.CALLEE));
    }

    /** The Call-ID the caller side sends, by which arriving messages find this instance. */
    String callId() {
        return messages.callId(recorded.callId());
    }

    void start() {
        callee.start();
        caller.start();
    }

    void received(RecordedCall.Side side, SipMessage message, InetSocketAddress from) {
        (side == RecordedCall.Side.CALLER ? caller : callee).received(message, from);
    }

    void sideFinished() {
        if (caller.finished() && callee.finished()) {
            replayer.ended(this, caller.clean() && callee.clean());
        }
    }

    String label() {
        return "call " + recorded.callId() + " copy " + copy;
    }

    ReplayMessages messages() {
        return messages;
    }

    ReplayTally tally() {
        return replayer.tally();
    }

    double factor() {
        return replayer.plan().factor();
    }

    long timeoutMillis() {
        return replayer.plan().timeoutMillis();
    }

    long t1Millis() {
        return replayer.plan().t1Millis();
    }

    InetSocketAddress target() {
        return replayer.target();
    }

    InetSocketAddress local(RecordedCall.Side side) {
        return replayer.local(side);
    }

    /** The Request-URI of a new call: the recorded one, or pointed at the callee side's socket. */
    String initialRequestUri(String recorded) {
        return replayer.plan().keepRequestUri() ? recorded
                : ReplayMessages.requestUri(recorded, replayer.local(RecordedCall.Side.CALLEE));
    }

    void send(RecordedCall.Side side, byte[] bytes, InetSocketAddress to) {
        replayer.send(side, bytes, to);
    }

    Timeout schedule(Runnable task, long delayMillis) {
        return replayer.schedule(task, delayMillis);
    }
}
