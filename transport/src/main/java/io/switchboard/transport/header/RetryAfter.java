package io.switchboard.transport.header;

import io.switchboard.transport.parse.SipParseException;

/**
 * The Retry-After header field (RFC 3261 §20.33): seconds, an optional comment and parameters,
 * among them {@code duration}.
 */
public record RetryAfter(long seconds, String comment, Parameters parameters) {

    public static RetryAfter of(long seconds) {
        return new RetryAfter(seconds, null, Parameters.empty());
    }

    public static RetryAfter parse(String value) throws SipParseException {
        ValueScanner in = new ValueScanner(value, "Retry-After");
        long seconds = in.number("delta-seconds", DecimalValue.MAX_DELTA_SECONDS);
        String comment = null;
        if (in.peek('(')) {
            int start = in.position();
            int depth = 0;
            int pos = start;
            do {
                char c = value.charAt(pos);
                if (c == '\\') {
                    pos++;
                } else if (c == '(') {
                    depth++;
                } else if (c == ')') {
                    depth--;
                }
                pos++;
            } while (depth > 0 && pos < value.length());
            if (depth > 0) {
                throw in.error("unterminated comment");
            }
            comment = value.substring(start + 1, pos - 1);
            in.position(pos);
        }
        Parameters parameters = Parameters.read(in);
        in.expectEnd();
        return new RetryAfter(seconds, comment, parameters);
    }

    /** The duration parameter in seconds, or -1. */
    public long duration() {
        String duration = parameters.get("duration");
        try {
            return duration == null ? -1 : Long.parseLong(duration);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    @Override
    public String toString() {
        return seconds + (comment == null ? "" : " (" + comment + ")") + parameters;
    }
}
