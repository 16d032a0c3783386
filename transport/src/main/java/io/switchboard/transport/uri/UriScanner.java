package io.switchboard.transport.uri;

import io.switchboard.transport.parse.SipParseException;

/**
 * A cursor over the text of one URI for the single-pass parsers: it advances over a component,
 * checks every character against the component's {@link CharacterSet} and every escape for two
 * hex digits, and words the {@link SipParseException} when something does not fit.
 */
final class UriScanner {

    /** The longest excerpt of the input an error message quotes. */
    private static final int MAX_EXCERPT = 40;

    final String text;
    final int length;
    private final String grammar;
    int pos;
    /** Whether any scanned component held a {@code %HH} escape. */
    boolean escaped;

    UriScanner(String grammar, String text) throws SipParseException {
        if (text == null || text.isEmpty()) {
            throw new SipParseException(grammar + ": empty");
        }
        if (text.length() > Uri.MAX_LENGTH) {
            throw new SipParseException(grammar + ": longer than " + Uri.MAX_LENGTH
                    + " characters");
        }
        this.grammar = grammar;
        this.text = text;
        this.length = text.length();
    }

    boolean atEnd() {
        return pos >= length;
    }

    /** Whether the current character is {@code c}. */
    boolean at(char c) {
        return pos < length && text.charAt(pos) == c;
    }

    char current() {
        return text.charAt(pos);
    }

    /**
     * Advances over characters of {@code set} until one of {@code stops} or the end, and returns
     * where it stopped. {@code component} names the part for error messages.
     */
    int scan(CharacterSet set, String stops, String component) throws SipParseException {
        int i = pos;
        while (i < length) {
            char c = text.charAt(i);
            if (stops.indexOf(c) >= 0) {
                break;
            }
            if (c == '%' && set.allowsEscapes()) {
                if (i + 2 >= length
                        || CharacterSet.hexValue(text.charAt(i + 1)) < 0
                        || CharacterSet.hexValue(text.charAt(i + 2)) < 0) {
                    throw error("bad escape '" + excerpt(i, Math.min(i + 3, length)) + "' at index "
                            + i + " in " + component + " (an escape is %HH)");
                }
                escaped = true;
                i += 3;
                continue;
            }
            if (!set.allows(c)) {
                throw illegal(i, component);
            }
            i++;
        }
        pos = i;
        return i;
    }

    SipParseException illegal(int index, String component) {
        return error("illegal character " + CharacterSet.describe(text.charAt(index)) + " at index "
                + index + " in " + component);
    }

    SipParseException error(String message) {
        return new SipParseException(grammar + ": " + message);
    }

    /** {@code text[from, to)} for an error message, cut short when long. */
    String excerpt(int from, int to) {
        return to - from <= MAX_EXCERPT ? text.substring(from, to)
                : text.substring(from, from + MAX_EXCERPT) + "...";
    }
}
