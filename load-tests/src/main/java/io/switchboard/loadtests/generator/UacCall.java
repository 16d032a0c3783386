package io.switchboard.loadtests.generator;

import io.netty.util.Timeout;
import java.net.InetSocketAddress;

/** One call a {@link Uac} places, from the INVITE to the BYE's answer; touched only on its loop. */
final class UacCall {

    enum State { CALLING, PROCEEDING, CONFIRMED, BYE_SENT, ENDED }

    final String callId;
    final String fromTag;
    final String branch;
    final long startNanos;
    State state = State.CALLING;
    boolean rang;
    byte[] invite;
    byte[] ack;
    byte[] bye;
    InetSocketAddress nextHop;
    long interval;
    Timeout retransmit;
    Timeout timer;

    UacCall(String callId, String fromTag, String branch, long startNanos) {
        this.callId = callId;
        this.fromTag = fromTag;
        this.branch = branch;
        this.startNanos = startNanos;
    }

    boolean isSetUp() {
        return state == State.CALLING || state == State.PROCEEDING;
    }

    void cancelTimers() {
        if (retransmit != null) {
            retransmit.cancel();
            retransmit = null;
        }
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
    }
}
