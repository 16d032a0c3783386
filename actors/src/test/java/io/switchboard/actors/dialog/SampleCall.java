package io.switchboard.actors.dialog;

import java.util.List;

/**
 * A call through this proxy (p0, record-routing once) between proxy p-1 towards the caller and
 * proxy p1 towards the callee.
 */
final class SampleCall {

    static final String CALLER_TAG = "caller-tag";
    static final String CALLEE_TAG = "callee-tag";
    static final String CALLER_CONTACT = "sip:alice@192.0.2.1:5060";
    static final String CALLEE_CONTACT = "sip:bob@198.51.100.7:5070;transport=udp";
    static final String OWN_RR = "<sip:192.0.2.10;lr;did=x>";
    static final String UPSTREAM_RR = "<sip:upstream.example.net;lr>";
    static final String DOWNSTREAM_RR = "<sip:downstream.example.org;lr>";
    static final long INVITE_CSEQ = 101;

    private SampleCall() {
    }

    static InitialInvite invite(String callId) {
        return new InitialInvite(callId, "sip:alice@example.net", CALLER_TAG, "sip:bob@example.org",
                "sip:bob@example.org", CALLER_CONTACT, INVITE_CSEQ, List.of(OWN_RR, UPSTREAM_RR), 1,
                "udp:192.0.2.10:5060", "udp:192.0.2.10:5062");
    }

    /** The Record-Route of the 2xx: the downstream proxy's entry above what the INVITE carried. */
    static List<String> answerRecordRoutes() {
        return List.of(DOWNSTREAM_RR, OWN_RR, UPSTREAM_RR);
    }
}
