package io.switchboard.transport.header;

import io.switchboard.transport.parse.SipParseException;

/** Validates a Call-ID value (RFC 3261 §20.8, §25.1: {@code word ["@" word]}). */
public final class CallId {

    private static final String WORD_SYMBOLS = "-.!%*_+`'~()<>:\\\"/[]?{}";

    private CallId() {
    }

    /** Returns {@code value} if it is a valid Call-ID, else throws naming the bad character. */
    public static String validate(String value) throws SipParseException {
        if (value.isEmpty()) {
            throw new SipParseException("Call-ID header: empty value");
        }
        int at = -1;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '@') {
                if (at >= 0 || i == 0 || i == value.length() - 1) {
                    throw new SipParseException("Call-ID header: misplaced '@' in '" + value + "'");
                }
                at = i;
            } else if (!(c < 128 && Character.isLetterOrDigit(c)) && WORD_SYMBOLS.indexOf(c) < 0) {
                throw new SipParseException("Call-ID header: character '" + c + "' not allowed in '" + value + "'");
            }
        }
        return value;
    }
}
