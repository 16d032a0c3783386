package io.switchboard.transport.transaction;

import io.switchboard.transport.header.Via;
import io.switchboard.transport.message.SipMethod;
import io.switchboard.transport.message.SipRequest;
import io.switchboard.transport.parse.SipParseException;
import java.util.Locale;

/**
 * What identifies a server transaction (RFC 3261 §17.2.3). With an RFC 3261 branch (magic cookie
 * {@code z9hG4bK}): the branch, the sent-by of the top Via and the method, ACK counting as INVITE.
 * Without one, the RFC 2543 rules: Request-URI, To tag, From tag, Call-ID, CSeq number and top
 * Via; the method is part of the key so that a CANCEL gets its own transaction.
 */
sealed interface ServerKey {

    int DEFAULT_PORT = 5060;
    int DEFAULT_TLS_PORT = 5061;

    record ByBranch(String branch, String sentBy, SipMethod method) implements ServerKey {
    }

    record Legacy(String requestUri, String toTag, String fromTag, String callId, long cseq, String topVia,
            SipMethod method) implements ServerKey {
    }

    /** The key of {@code request} as the transaction for {@code method}, with the request's own To tag. */
    static ServerKey of(SipRequest request, SipMethod method) throws SipParseException {
        Via top = request.topVia();
        return top.hasRfc3261Branch() ? byBranch(top, method) : legacy(request, method, request.to().tag());
    }

    static ByBranch byBranch(Via top, SipMethod method) {
        int port = top.port();
        if (port < 0) {
            port = top.transport().toUpperCase(Locale.ROOT).startsWith("TLS") ? DEFAULT_TLS_PORT : DEFAULT_PORT;
        }
        return new ByBranch(top.branch(), top.host().toLowerCase(Locale.ROOT) + ":" + port, method);
    }

    /** The RFC 2543 key, with {@code toTag} in place of the request's (the ACK case of §17.2.3). */
    static Legacy legacy(SipRequest request, SipMethod method, String toTag) throws SipParseException {
        return new Legacy(request.requestUriText(), toTag, request.from().tag(), request.callId(),
                request.cseq().number(), request.topVia().toString().toLowerCase(Locale.ROOT), method);
    }
}
