package io.switchboard.transport.header;

import io.switchboard.transport.message.SipMethod;
import io.switchboard.transport.parse.SipParseException;

/**
 * The CSeq header field (RFC 3261 §20.16): a sequence number below 2<sup>31</sup> (§8.1.1.5) and
 * the method of the request.
 */
public record CSeq(long number, SipMethod method) {

    /** The largest sequence number RFC 3261 §8.1.1.5 allows. */
    public static final long MAX_NUMBER = (1L << 31) - 1;

    public static CSeq parse(String value) throws SipParseException {
        ValueScanner in = new ValueScanner(value, "CSeq");
        long number = in.number("sequence number", MAX_NUMBER);
        if (in.position() >= value.length() || value.charAt(in.position()) != ' ' && value.charAt(in.position()) != '\t') {
            throw in.error("expected whitespace between the sequence number and the method");
        }
        SipMethod method = SipMethod.of(in.token("method"));
        in.expectEnd();
        return new CSeq(number, method);
    }

    @Override
    public String toString() {
        return number + " " + method;
    }
}
