package io.switchboard.transport.uri;

import io.switchboard.transport.parse.SipParseException;
import java.util.Locale;

/**
 * A URI of any scheme other than sip, sips and tel — the {@code absoluteURI} of RFC 3261 §25.1
 * ({@code http:}, {@code urn:}, {@code mailto:}, ...). It keeps the scheme and the rest as text and
 * checks only what every URI must satisfy: a scheme of RFC 3986 §3.1
 * ({@code ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )}), a non-empty rest, no whitespace, no
 * character RFC 3986 §2 never lets appear unescaped, and well-formed {@code %HH} escapes.
 *
 * <p>Two absolute URIs are equal when their schemes are equal ignoring case and the rest is
 * equal character for character (RFC 3986 §6.2.1).
 */
public final class AbsoluteUri implements Uri {

    private static final String GRAMMAR = "URI";

    private final String text;
    private final int colon;
    private final String scheme;

    private AbsoluteUri(String text, int colon) {
        this.text = text;
        this.colon = colon;
        this.scheme = text.substring(0, colon).toLowerCase(Locale.ROOT);
    }

    /**
     * Parses {@code scheme ":" rest}.
     *
     * @throws SipParseException if there is no scheme, the scheme is malformed, or the rest is
     *                           empty or holds whitespace or another character a URI cannot carry
     */
    public static AbsoluteUri parse(String text) throws SipParseException {
        UriScanner s = new UriScanner(GRAMMAR, text);
        int colon = text.indexOf(':');
        if (colon < 0) {
            throw s.error("missing ':' after the scheme");
        }
        if (colon == 0) {
            throw s.error("empty scheme before ':'");
        }
        if (!CharacterSet.isAlpha(text.charAt(0))) {
            throw s.error("scheme must start with a letter, found "
                    + CharacterSet.describe(text.charAt(0)));
        }
        for (int i = 1; i < colon; i++) {
            char c = text.charAt(i);
            if (!CharacterSet.isAlphanum(c) && c != '+' && c != '-' && c != '.') {
                throw s.illegal(i, "scheme");
            }
        }
        s.pos = colon + 1;
        if (s.atEnd()) {
            throw s.error("nothing after the scheme '" + s.excerpt(0, colon) + ":'");
        }
        s.scan(CharacterSet.ABSOLUTE, "", "URI");
        return new AbsoluteUri(text, colon);
    }

    /** The scheme in lower case. */
    @Override
    public String scheme() {
        return scheme;
    }

    /** Everything after the scheme's colon, as written. */
    public String schemeSpecificPart() {
        return text.substring(colon + 1);
    }

    @Override
    public boolean isSip() {
        return false;
    }

    @Override
    public boolean isTel() {
        return false;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof AbsoluteUri other)) {
            return false;
        }
        int length = text.length() - colon;
        return scheme.equals(other.scheme) && length == other.text.length() - other.colon
                && text.regionMatches(colon, other.text, other.colon, length);
    }

    @Override
    public int hashCode() {
        return 31 * scheme.hashCode() + text.substring(colon).hashCode();
    }

    /** The URI exactly as parsed. */
    @Override
    public String toString() {
        return text;
    }
}
