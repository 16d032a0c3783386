package io.switchboard.transport.header;

import io.switchboard.transport.parse.SipParseException;
import java.util.Locale;

/** The Content-Type header field (RFC 3261 §20.15): {@code type/subtype} and parameters. */
public record ContentType(String type, String subtype, Parameters parameters) {

    public static final ContentType APPLICATION_SDP = new ContentType("application", "sdp", Parameters.empty());

    public static ContentType parse(String value) throws SipParseException {
        ValueScanner in = new ValueScanner(value, "Content-Type");
        String type = in.token("media type");
        in.expect('/', "between media type and subtype");
        String subtype = in.token("media subtype");
        Parameters parameters = Parameters.read(in);
        in.expectEnd();
        return new ContentType(type, subtype, parameters);
    }

    /** {@code type/subtype} in lower case, for comparisons. */
    public String mediaType() {
        return (type + "/" + subtype).toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return type + "/" + subtype + parameters;
    }
}
