package io.switchboard.transport.header;

import io.switchboard.transport.parse.SipParseException;
import java.util.List;

/**
 * The elements of a comma-separated header field value (RFC 3261 §7.3.1), for headers whose
 * grammar is a list (Via, Route, Record-Route, Contact, ...).
 */
public final class ListValue {

    private ListValue() {
    }

    /** The elements of {@code value}, trimmed; commas in quoted strings and {@code <...>} don't split. */
    public static List<String> elements(String value, String header) throws SipParseException {
        return ValueScanner.splitList(value, header);
    }
}
