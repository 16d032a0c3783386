package io.switchboard.transport.header;

import io.switchboard.transport.parse.SipParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The value of an Authorization or Proxy-Authorization header field (RFC 3261 §20.7, §20.28,
 * §25.1 {@code credentials}): the scheme and its comma-separated parameters. The proxy needs the
 * {@code username} (for the dispatcher's algorithm 5); the rest is kept as written.
 */
public record Credentials(String scheme, Map<String, String> parameters) {

    public static Credentials parse(String value, String header) throws SipParseException {
        ValueScanner in = new ValueScanner(value, header);
        String scheme = in.token("authentication scheme");
        Map<String, String> parameters = new LinkedHashMap<>();
        if (!in.atEnd()) {
            do {
                String name = in.token("parameter name").toLowerCase(Locale.ROOT);
                in.expect('=', "after parameter '" + name + "'");
                String raw = in.peek('"') ? in.quotedString("parameter value") : in.word(",", "parameter value");
                parameters.put(name, ValueScanner.unquote(raw));
            } while (in.consume(','));
            in.expectEnd();
        }
        return new Credentials(scheme, Map.copyOf(parameters));
    }

    /** The username parameter without quotes, or null. */
    public String username() {
        return parameters.get("username");
    }

    /** A parameter's value without quotes (names are case-insensitive), or null. */
    public String parameter(String name) {
        return parameters.get(name.toLowerCase(Locale.ROOT));
    }
}
