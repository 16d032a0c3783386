package io.switchboard.transport.header;

import io.switchboard.transport.parse.SipParseException;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * The Date header field (RFC 3261 §20.17): an RFC 1123 date that must be in GMT.
 */
public final class SipDate {

    private SipDate() {
    }

    public static ZonedDateTime parse(String value) throws SipParseException {
        if (!value.endsWith(" GMT")) {
            throw new SipParseException("Date header: time zone must be GMT in '" + value + "'");
        }
        try {
            return ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
        } catch (DateTimeParseException e) {
            throw new SipParseException("Date header: not an RFC 1123 date: '" + value + "'", e);
        }
    }
}
