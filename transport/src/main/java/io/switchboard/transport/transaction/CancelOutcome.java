package io.switchboard.transport.transaction;

import io.switchboard.transport.message.SipResponse;
import java.util.Objects;

/**
 * How an attempt to cancel an INVITE client transaction (RFC 3261 §9.1) ended: the CANCEL got a
 * final response, timed out, or failed in the transport; or it was never sent because the INVITE
 * had a final response (or its transaction ended) before any provisional response arrived.
 *
 * @param kind what happened
 * @param response the final response to the CANCEL for {@link Kind#ANSWERED}, else null
 * @param error the transport failure for {@link Kind#TRANSPORT_ERROR}, else null
 */
public record CancelOutcome(Kind kind, SipResponse response, Exception error) {

    public enum Kind {
        ANSWERED,
        NOT_SENT,
        TIMED_OUT,
        TRANSPORT_ERROR
    }

    public static final CancelOutcome NOT_SENT = new CancelOutcome(Kind.NOT_SENT, null, null);
    public static final CancelOutcome TIMED_OUT = new CancelOutcome(Kind.TIMED_OUT, null, null);

    public CancelOutcome {
        Objects.requireNonNull(kind, "kind");
        if ((kind == Kind.ANSWERED) != (response != null) || (kind == Kind.TRANSPORT_ERROR) != (error != null)) {
            throw new IllegalArgumentException("a " + kind + " outcome with response " + response + " and error " + error);
        }
    }

    public static CancelOutcome answered(SipResponse response) {
        return new CancelOutcome(Kind.ANSWERED, response, null);
    }

    public static CancelOutcome transportError(Exception error) {
        return new CancelOutcome(Kind.TRANSPORT_ERROR, null, error);
    }

    /** True unless the CANCEL was never sent. */
    public boolean wasSent() {
        return kind != Kind.NOT_SENT;
    }
}
