package io.switchboard.transport.header;

import io.switchboard.transport.parse.SipParseException;
import io.switchboard.transport.uri.Uri;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code name-addr} or {@code addr-spec} with header parameters (RFC 3261 §20.10, §20.20,
 * §20.30, §20.34, §20.39, §25.1): the value of From, To, Contact, Route and Record-Route. In the
 * {@code addr-spec} form (no angle brackets) everything after the first semicolon belongs to the
 * header, not the URI (§20.10), and the URI may not hold a comma, question mark or semicolon.
 * Contact's {@code *} (§20.10) is {@link #isWildcard()}.
 */
public final class NameAddress {

    private static final NameAddress WILDCARD = new NameAddress(null, null, Parameters.empty());

    private final String displayName;
    private final Uri uri;
    private final Parameters parameters;

    private NameAddress(String displayName, Uri uri, Parameters parameters) {
        this.displayName = displayName;
        this.uri = uri;
        this.parameters = parameters;
    }

    /** {@code <uri>} with no display name and no parameters. */
    public static NameAddress of(Uri uri) {
        return new NameAddress(null, uri, Parameters.empty());
    }

    /** One value of a From, To, Route, Record-Route or Contact header field. */
    public static NameAddress parse(String value, String header) throws SipParseException {
        ValueScanner in = new ValueScanner(value, header);
        if (in.consume('*')) {
            in.expectEnd();
            return WILDCARD;
        }
        String displayName = null;
        int open = -1;
        if (in.peek('"')) {
            displayName = ValueScanner.unquote(in.quotedString("display name"));
            if (!in.peek('<')) {
                throw in.error("expected '<' after the display name");
            }
            open = in.position();
        } else {
            int lt = value.indexOf('<', in.position());
            int semi = value.indexOf(';', in.position());
            if (lt >= 0 && (semi < 0 || lt < semi)) {
                displayName = tokenDisplayName(value.substring(in.position(), lt).trim(), in);
                open = lt;
            }
        }
        Uri uri;
        if (open >= 0) {
            int close = value.indexOf('>', open);
            if (close < 0) {
                throw in.error("missing '>' after the URI");
            }
            uri = uri(value.substring(open + 1, close), in);
            in.position(close + 1);
        } else {
            int start = in.position();
            int end = value.indexOf(';', start);
            end = end < 0 ? value.length() : end;
            int uriEnd = end;
            while (uriEnd > start && (value.charAt(uriEnd - 1) == ' ' || value.charAt(uriEnd - 1) == '\t')) {
                uriEnd--;
            }
            for (int i = start; i < uriEnd; i++) {
                char c = value.charAt(i);
                if (c == ' ' || c == '\t' || c == ',' || c == '?' || c == '"') {
                    throw in.error("'" + c + "' in a URI that is not enclosed in <>");
                }
            }
            uri = uri(value.substring(start, uriEnd), in);
            in.position(end);
        }
        Parameters parameters = Parameters.read(in);
        in.expectEnd();
        return new NameAddress(displayName, uri, parameters);
    }

    /** Every value of a list header field such as Contact, Route or Record-Route. */
    public static List<NameAddress> parseAll(String value, String header) throws SipParseException {
        List<String> elements = ValueScanner.splitList(value, header);
        List<NameAddress> out = new ArrayList<>(elements.size());
        for (String element : elements) {
            NameAddress address = parse(element, header);
            if (address.isWildcard() && elements.size() > 1) {
                throw new SipParseException(header + " header: '*' must stand alone in '" + value + "'");
            }
            out.add(address);
        }
        return out;
    }

    private static String tokenDisplayName(String text, ValueScanner in) throws SipParseException {
        if (text.isEmpty()) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!ValueScanner.isTokenChar(c) && c != ' ' && c != '\t') {
                throw in.error("'" + c + "' is not allowed in an unquoted display name");
            }
        }
        return text;
    }

    private static Uri uri(String text, ValueScanner in) throws SipParseException {
        try {
            return Uri.parse(text);
        } catch (SipParseException e) {
            throw new SipParseException(in.header() + " header: " + e.getMessage(), e);
        }
    }

    /** The display name without quotes, or null. */
    public String displayName() {
        return displayName;
    }

    /** The URI, or null for the Contact wildcard. */
    public Uri uri() {
        return uri;
    }

    public Parameters parameters() {
        return parameters;
    }

    /** The tag parameter of From or To (RFC 3261 §19.3), or null. */
    public String tag() {
        return parameters.get("tag");
    }

    public boolean isWildcard() {
        return uri == null;
    }

    /** A copy with the given tag. */
    public NameAddress withTag(String tag) {
        return withParameter("tag", tag);
    }

    public NameAddress withParameter(String name, String value) {
        return new NameAddress(displayName, uri, parameters.with(name, value));
    }

    @Override
    public String toString() {
        if (isWildcard()) {
            return "*";
        }
        StringBuilder out = new StringBuilder(64);
        if (displayName != null) {
            out.append('"');
            for (int i = 0; i < displayName.length(); i++) {
                char c = displayName.charAt(i);
                if (c == '"' || c == '\\') {
                    out.append('\\');
                }
                out.append(c);
            }
            out.append("\" ");
        }
        out.append('<').append(uri).append('>');
        parameters.appendTo(out);
        return out.toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NameAddress n && n.toString().equals(toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }
}
