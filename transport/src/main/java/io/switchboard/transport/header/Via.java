package io.switchboard.transport.header;

import io.switchboard.transport.parse.SipParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One Via header field value (RFC 3261 §20.42, §25.1 {@code via-parm}): the sent protocol, the
 * {@code sent-by} host and port, and the parameters, among them {@code branch} (§8.1.1.7),
 * {@code received} (§18.2.1) and {@code rport} (RFC 3581). Immutable; the {@code with...}
 * methods return changed copies.
 */
public final class Via {

    /** The branch prefix that marks an RFC 3261 transaction identifier (§8.1.1.7). */
    public static final String MAGIC_COOKIE = "z9hG4bK";

    private final String protocolName;
    private final String protocolVersion;
    private final String transport;
    private final HostPort sentBy;
    private final Parameters parameters;

    public Via(String protocolName, String protocolVersion, String transport, HostPort sentBy,
            Parameters parameters) {
        this.protocolName = protocolName;
        this.protocolVersion = protocolVersion;
        this.transport = transport;
        this.sentBy = sentBy;
        this.parameters = parameters;
    }

    /** A {@code SIP/2.0/transport host[:port];branch=...} value. */
    public static Via of(String transport, String host, int port, String branch) {
        return new Via("SIP", "2.0", transport.toUpperCase(Locale.ROOT), new HostPort(host, port),
                Parameters.empty().with("branch", branch));
    }

    /** Every Via value in a header field value (several may share one line, comma-separated). */
    public static List<Via> parseAll(String value) throws SipParseException {
        List<String> elements = ValueScanner.splitList(value, "Via");
        List<Via> vias = new ArrayList<>(elements.size());
        for (String element : elements) {
            vias.add(parse(element));
        }
        return vias;
    }

    /** One Via value. */
    public static Via parse(String value) throws SipParseException {
        ValueScanner in = new ValueScanner(value, "Via");
        String name = in.token("protocol name");
        in.expect('/', "after the protocol name");
        String version = in.token("protocol version");
        in.expect('/', "after the protocol version");
        String transport = in.token("transport");
        if (in.position() < value.length() && value.charAt(in.position()) != ' ' && value.charAt(in.position()) != '\t') {
            throw in.error("expected whitespace before sent-by");
        }
        HostPort sentBy = HostPort.read(in);
        Parameters parameters = Parameters.read(in);
        in.expectEnd();
        return new Via(name, version, transport, sentBy, parameters);
    }

    public String protocolName() {
        return protocolName;
    }

    public String protocolVersion() {
        return protocolVersion;
    }

    /** The transport as written, e.g. {@code UDP}, {@code TCP}, {@code TLS}. */
    public String transport() {
        return transport;
    }

    public String host() {
        return sentBy.host();
    }

    /** The sent-by port, or -1 when absent. */
    public int port() {
        return sentBy.port();
    }

    public HostPort sentBy() {
        return sentBy;
    }

    public Parameters parameters() {
        return parameters;
    }

    /** The branch parameter, or null. */
    public String branch() {
        return parameters.get("branch");
    }

    /** True when the branch starts with the RFC 3261 magic cookie. */
    public boolean hasRfc3261Branch() {
        String branch = branch();
        return branch != null && branch.startsWith(MAGIC_COOKIE);
    }

    /** The received parameter, or null. */
    public String received() {
        return parameters.get("received");
    }

    /** True when an rport parameter is present, with or without a value (RFC 3581 §3). */
    public boolean hasRport() {
        return parameters.has("rport");
    }

    /** The rport value, or -1 when absent or present without a value. */
    public int rport() {
        String value = parameters.get("rport");
        if (value == null || value.isEmpty()) {
            return -1;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    public String maddr() {
        return parameters.get("maddr");
    }

    public Via withParameter(String name, String value) {
        return new Via(protocolName, protocolVersion, transport, sentBy, parameters.with(name, value));
    }

    /** A copy with {@code received} set (RFC 3261 §18.2.1). */
    public Via withReceived(String address) {
        return withParameter("received", address);
    }

    /** A copy with {@code rport} set to the source port (RFC 3581 §4). */
    public Via withRport(int port) {
        return withParameter("rport", Integer.toString(port));
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(64);
        out.append(protocolName).append('/').append(protocolVersion).append('/').append(transport)
                .append(' ').append(sentBy);
        parameters.appendTo(out);
        return out.toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Via v && v.toString().equalsIgnoreCase(toString());
    }

    @Override
    public int hashCode() {
        return toString().toLowerCase(Locale.ROOT).hashCode();
    }
}
