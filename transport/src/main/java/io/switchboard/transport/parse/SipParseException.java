package io.switchboard.transport.parse;

/**
 * A message, header or URI that does not follow the grammar of RFC 3261 §25 (or RFC 3966 for
 * TEL URIs). The message says what is wrong, in words an operator can act on; it is the only
 * exception the parser lets out for bad input.
 */
public class SipParseException extends Exception {

    public SipParseException(String message) {
        super(message);
    }

    public SipParseException(String message, Throwable cause) {
        super(message, cause);
    }
}
