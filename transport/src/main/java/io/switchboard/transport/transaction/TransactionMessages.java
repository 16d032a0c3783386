package io.switchboard.transport.transaction;

import io.switchboard.transport.message.HeaderName;
import io.switchboard.transport.message.MessageBuilder;
import io.switchboard.transport.message.SipMethod;
import io.switchboard.transport.message.SipRequest;
import io.switchboard.transport.message.SipResponse;
import io.switchboard.transport.parse.SipParseException;

/**
 * The messages the transaction layer builds itself: the {@code 100 Trying} of an INVITE server
 * transaction (RFC 3261 §17.2.1, built per §8.2.6), the ACK of an INVITE client transaction for a
 * 300–699 response (§17.1.1.3) and the CANCEL of an INVITE (§9.1). Header values are copied as
 * received.
 */
public final class TransactionMessages {

    /** Max-Forwards of the requests built here (§8.1.1.6). */
    public static final String MAX_FORWARDS = "70";

    private TransactionMessages() {
    }

    /**
     * {@code 100 Trying} for {@code request} (§8.2.6): its Via headers in order, From, To (no tag
     * needed for a 100), Call-ID, CSeq and Timestamp (§8.2.6.1), Content-Length 0.
     */
    public static SipResponse tryingFor(SipRequest request) {
        return MessageBuilder.responseTo(request, 100, null, null).buildResponse();
    }

    /**
     * The ACK for a 300–699 response to {@code invite} (§17.1.1.3): the INVITE's Request-URI,
     * one Via equal to its top Via, its Route headers, Call-ID and From, the response's To (with
     * its tag), CSeq with the INVITE's number and method ACK, Max-Forwards 70, Content-Length 0.
     */
    public static SipRequest ackFor(SipRequest invite, SipResponse response) throws SipParseException {
        String to = response.header(HeaderName.TO);
        return hopByHop(SipMethod.ACK, invite, to != null ? to : invite.header(HeaderName.TO));
    }

    /**
     * The CANCEL of {@code invite} (§9.1): its Request-URI, one Via equal to its top Via, its
     * Route headers, Call-ID, From and To, CSeq with its number and method CANCEL, Max-Forwards
     * 70, Content-Length 0.
     */
    public static SipRequest cancelFor(SipRequest invite) throws SipParseException {
        return hopByHop(SipMethod.CANCEL, invite, invite.header(HeaderName.TO));
    }

    private static SipRequest hopByHop(SipMethod method, SipRequest invite, String to) throws SipParseException {
        MessageBuilder out = MessageBuilder.request(method, invite.requestUriText())
                .add(HeaderName.VIA, invite.topVia().toString());
        for (String route : invite.headerValues(HeaderName.ROUTE)) {
            out.add(HeaderName.ROUTE, route);
        }
        out.add(HeaderName.MAX_FORWARDS, MAX_FORWARDS)
                .add(HeaderName.TO, to);
        copy(invite, out, HeaderName.FROM);
        copy(invite, out, HeaderName.CALL_ID);
        return out.add(HeaderName.CSEQ, invite.cseq().number() + " " + method)
                .add(HeaderName.CONTENT_LENGTH, "0")
                .buildRequest();
    }

    private static void copy(SipRequest from, MessageBuilder to, HeaderName name) {
        String value = from.header(name);
        if (value != null) {
            to.add(name, value);
        }
    }
}
