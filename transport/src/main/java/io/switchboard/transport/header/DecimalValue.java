package io.switchboard.transport.header;

import io.switchboard.transport.parse.SipParseException;

/**
 * A header field value that is one unsigned decimal number with a range (RFC 3261 §25.1): the
 * {@code delta-seconds} of Expires (§20.19), Min-Expires and the Contact {@code expires}
 * parameter, and the hop count of Max-Forwards (§20.22).
 */
public final class DecimalValue {

    /** The largest delta-seconds RFC 3261 §20.19 allows: 2<sup>32</sup>-1. */
    public static final long MAX_DELTA_SECONDS = 0xFFFF_FFFFL;
    /** The largest Max-Forwards value (RFC 3261 §20.22 gives the range 0–255). */
    public static final long MAX_MAX_FORWARDS = 255;

    private DecimalValue() {
    }

    /** Parses the whole value as a number from 0 to {@code max}. */
    public static long parse(String value, String header, long max) throws SipParseException {
        ValueScanner in = new ValueScanner(value, header);
        long number = in.number("value", max);
        in.expectEnd();
        return number;
    }
}
