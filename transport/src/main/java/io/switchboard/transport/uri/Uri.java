package io.switchboard.transport.uri;

import io.switchboard.transport.parse.SipParseException;

/**
 * A URI as SIP carries it in a Request-URI, a name-addr or a Route (RFC 3261 §19.1, §25.1:
 * {@code SIP-URI / SIPS-URI / absoluteURI}): a {@link SipUri}, a {@link TelUri} (RFC 3966) or, for
 * every other scheme, an {@link AbsoluteUri} that keeps the text.
 *
 * <p>Every URI is immutable, and {@link #toString()} returns the text exactly as it was parsed,
 * so a proxy writes back unchanged what it received unchanged.
 */
public sealed interface Uri permits SipUri, TelUri, AbsoluteUri {

    /** The longest URI the parsers accept, in characters. */
    int MAX_LENGTH = 8192;

    /**
     * Parses any URI, choosing its type by the scheme (case-insensitive): {@code sip} and
     * {@code sips} give a {@link SipUri}, {@code tel} a {@link TelUri}, any other scheme of
     * RFC 3986 §3.1 an {@link AbsoluteUri}.
     *
     * @throws SipParseException if the text is not a URI of its scheme; the message says why
     */
    static Uri parse(String text) throws SipParseException {
        int colon = text == null ? -1 : text.indexOf(':');
        if (colon == 3 && text.regionMatches(true, 0, "sip", 0, 3)
                || colon == 4 && text.regionMatches(true, 0, "sips", 0, 4)) {
            return SipUri.parse(text);
        }
        if (colon == 3 && text.regionMatches(true, 0, "tel", 0, 3)) {
            return TelUri.parse(text);
        }
        return AbsoluteUri.parse(text);
    }

    /** The scheme in lower case: {@code sip}, {@code sips}, {@code tel}, {@code http}, ... */
    String scheme();

    /** Whether this is a SIP or SIPS URI, that is a {@link SipUri}. */
    boolean isSip();

    /** Whether this is a TEL URI, that is a {@link TelUri}. */
    boolean isTel();

    /** The URI exactly as parsed. */
    @Override
    String toString();
}
