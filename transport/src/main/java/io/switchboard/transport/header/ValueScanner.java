package io.switchboard.transport.header;

import io.switchboard.transport.parse.SipParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a header field value by the lexical rules of RFC 3261 §25.1: tokens, quoted strings with
 * quoted pairs, separators with optional surrounding whitespace ({@code SEMI}, {@code COMMA},
 * {@code SLASH}, {@code EQUAL}, ...). Values reach it unfolded, so linear whitespace is plain
 * spaces and tabs. Every failure names the header and the position.
 */
final class ValueScanner {

    private static final boolean[] TOKEN = new boolean[128];

    static {
        for (char c = 'a'; c <= 'z'; c++) {
            TOKEN[c] = true;
            TOKEN[c - 'a' + 'A'] = true;
        }
        for (char c = '0'; c <= '9'; c++) {
            TOKEN[c] = true;
        }
        for (char c : "-.!%*_+`'~".toCharArray()) {
            TOKEN[c] = true;
        }
    }

    private final String text;
    private final String header;
    private int pos;

    ValueScanner(String text, String header) {
        this.text = text;
        this.header = header;
    }

    static boolean isTokenChar(char c) {
        return c < 128 && TOKEN[c];
    }

    String header() {
        return header;
    }

    int position() {
        return pos;
    }

    void position(int position) {
        this.pos = position;
    }

    String text() {
        return text;
    }

    void skipWhitespace() {
        while (pos < text.length() && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t')) {
            pos++;
        }
    }

    /** True when nothing but whitespace is left. */
    boolean atEnd() {
        skipWhitespace();
        return pos >= text.length();
    }

    /** True if the next character after whitespace is {@code c} (nothing is consumed but whitespace). */
    boolean peek(char c) {
        skipWhitespace();
        return pos < text.length() && text.charAt(pos) == c;
    }

    /** Consumes {@code c} (with the whitespace around it) if it is next. */
    boolean consume(char c) {
        if (peek(c)) {
            pos++;
            skipWhitespace();
            return true;
        }
        return false;
    }

    void expect(char c, String what) throws SipParseException {
        if (!consume(c)) {
            throw error("expected '" + c + "' " + what);
        }
    }

    /** One or more token characters (RFC 3261 §25.1 {@code token}). */
    String token(String what) throws SipParseException {
        skipWhitespace();
        int start = pos;
        while (pos < text.length() && isTokenChar(text.charAt(pos))) {
            pos++;
        }
        if (start == pos) {
            throw error("expected " + what);
        }
        return text.substring(start, pos);
    }

    /** Characters up to (not including) the first of {@code stops} or whitespace. */
    String word(String stops, String what) throws SipParseException {
        skipWhitespace();
        int start = pos;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == ' ' || c == '\t' || stops.indexOf(c) >= 0 || c < 0x21 || c == 0x7f) {
                break;
            }
            pos++;
        }
        if (start == pos) {
            throw error("expected " + what);
        }
        return text.substring(start, pos);
    }

    /**
     * A quoted string (RFC 3261 §25.1 {@code quoted-string}) starting at the next character;
     * returns it as written, quotes and quoted pairs included.
     */
    String quotedString(String what) throws SipParseException {
        skipWhitespace();
        if (pos >= text.length() || text.charAt(pos) != '"') {
            throw error("expected a quoted " + what);
        }
        int start = pos++;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '\\') {
                if (pos + 1 >= text.length()) {
                    break;
                }
                pos += 2;
            } else if (c == '"') {
                pos++;
                return text.substring(start, pos);
            } else {
                pos++;
            }
        }
        throw error("unterminated quote in " + what);
    }

    /** The content of a quoted string as written by {@link #quotedString}, quoted pairs resolved. */
    static String unquote(String quoted) {
        if (quoted.length() < 2 || quoted.charAt(0) != '"') {
            return quoted;
        }
        StringBuilder out = new StringBuilder(quoted.length());
        for (int i = 1; i < quoted.length() - 1; i++) {
            char c = quoted.charAt(i);
            if (c == '\\' && i + 1 < quoted.length() - 1) {
                c = quoted.charAt(++i);
            }
            out.append(c);
        }
        return out.toString();
    }

    /** An unsigned decimal number no larger than {@code max}. */
    long number(String what, long max) throws SipParseException {
        skipWhitespace();
        int start = pos;
        long value = 0;
        while (pos < text.length() && Character.isDigit(text.charAt(pos)) && text.charAt(pos) < 128) {
            value = value * 10 + (text.charAt(pos) - '0');
            if (value > max) {
                throw error(what + " '" + digitsFrom(start) + "' is larger than " + max);
            }
            pos++;
        }
        if (start == pos) {
            throw error("expected a number for " + what);
        }
        return value;
    }

    private String digitsFrom(int start) {
        int end = start;
        while (end < text.length() && Character.isDigit(text.charAt(end))) {
            end++;
        }
        return text.substring(start, end);
    }

    /** The rest of the value from the current position, trimmed. */
    String rest() {
        skipWhitespace();
        String rest = text.substring(pos).trim();
        pos = text.length();
        return rest;
    }

    void expectEnd() throws SipParseException {
        if (!atEnd()) {
            throw error("unexpected '" + text.substring(pos) + "'");
        }
    }

    SipParseException error(String what) {
        return new SipParseException(header + " header: " + what + " at position " + pos + " in '" + text + "'");
    }

    /**
     * Splits a comma-separated list value (RFC 3261 §7.3.1) into its elements, ignoring commas
     * inside quoted strings and angle brackets; an empty element is an error.
     */
    static List<String> splitList(String value, String header) throws SipParseException {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0) {
            return List.of(element(value, 0, value.length(), header));
        }
        List<String> parts = new ArrayList<>(2);
        int start = 0;
        boolean quoted = false;
        boolean angle = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (quoted) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    quoted = false;
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == '<') {
                angle = true;
            } else if (c == '>') {
                angle = false;
            } else if (c == ',' && !angle) {
                parts.add(element(value, start, i, header));
                start = i + 1;
            }
        }
        if (quoted) {
            throw new SipParseException(header + " header: unterminated quote in '" + value + "'");
        }
        parts.add(element(value, start, value.length(), header));
        return parts;
    }

    private static String element(String value, int start, int end, String header) throws SipParseException {
        String element = value.substring(start, end).trim();
        if (element.isEmpty()) {
            throw new SipParseException(header + " header: empty element in list '" + value + "'");
        }
        return element;
    }
}
