package io.switchboard.engine.proxy;

import io.switchboard.transport.message.SipMessage;
import io.switchboard.transport.parse.SipParseException;

/**
 * The checks a proxy makes before routing (RFC 3261 §16.3; Kamailio's sanity module): required
 * headers present and single, CSeq method equal to the request's, Max-Forwards and other numbers
 * in range, URIs that parse, a Content-Length no larger than the body that arrived (RFC 3261
 * §18.3). A request that fails gets 400 with the reason; a response that fails is dropped and counted.
 */
public final class SanityCheck {

    private SanityCheck() {
    }

    /** Null when {@code message} is sane, else what is wrong, in words for a Warning header. */
    public static String problem(SipMessage message) {
        try {
            message.validate();
            return null;
        } catch (SipParseException e) {
            return e.getMessage();
        }
    }
}
