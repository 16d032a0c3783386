package io.switchboard.transport.uri;

import io.switchboard.transport.parse.SipParseException;
import java.util.Locale;
import java.util.Map;

/**
 * A SIP or SIPS URI, RFC 3261 §19.1:
 * <pre>
 * sip:user:password@host:port;uri-parameters?headers
 * </pre>
 * Immutable. It keeps the text it was parsed from and the positions of its components in it, so
 * {@link #toString()} gives back exactly the received text and an accessor copies only what it
 * returns. Accessors return components unescaped ({@link #rawUser()} is the exception); the
 * {@code with...} methods return a new URI whose text differs from this one only in the changed
 * component.
 *
 * <p>{@link #equivalent(SipUri)}, {@link #equals(Object)} and {@link #hashCode()} follow the
 * comparison rules of RFC 3261 §19.1.4, with IPv6 references compared by address (RFC 5954 §4).
 * As the RFC points out, this equivalence is not transitive: {@code sip:carol@chicago.com} is
 * equivalent to both {@code ...;security=on} and {@code ...;security=off}, which are not
 * equivalent to each other. Do not use SIP URIs as keys of hash maps that rely on transitivity.
 */
public final class SipUri implements Uri {

    /** The port a {@code sip} URI without one means (RFC 3261 §19.1.2). */
    public static final int DEFAULT_PORT = 5060;
    /** The port a {@code sips} URI without one means (RFC 3261 §19.1.2). */
    public static final int DEFAULT_SECURE_PORT = 5061;

    /** Parameters that make two URIs differ when only one has them (RFC 3261 §19.1.4). */
    private static final String[] SIGNIFICANT_WHEN_ALONE = {"transport", "user", "ttl", "method",
            "maddr"};

    private final String text;
    private final boolean secure;
    private final int userEnd;
    private final int passwordStart;
    private final int hostStart;
    private final int hostEnd;
    private final String host;
    private final HostType hostType;
    private final int port;
    private final int hostPortEnd;
    private final ParameterList parameters;
    private final ParameterList headers;
    private final boolean escaped;
    private String user;
    private int hash;

    SipUri(String text, boolean secure, int userEnd, int passwordStart, int hostStart, int hostEnd,
            HostType hostType, int port, int hostPortEnd, ParameterList parameters,
            ParameterList headers, boolean escaped) {
        this.text = text;
        this.secure = secure;
        this.userEnd = userEnd;
        this.passwordStart = passwordStart;
        this.hostStart = hostStart;
        this.hostEnd = hostEnd;
        this.host = text.substring(hostStart, hostEnd);
        this.hostType = hostType;
        this.port = port;
        this.hostPortEnd = hostPortEnd;
        this.parameters = parameters;
        this.headers = headers;
        this.escaped = escaped;
    }

    /**
     * Parses a {@code SIP-URI} or {@code SIPS-URI} (RFC 3261 §25.1); the scheme is
     * case-insensitive.
     *
     * @throws SipParseException if the text does not follow the grammar; the message says where
     */
    public static SipUri parse(String text) throws SipParseException {
        return SipUriParser.parse(text);
    }

    /**
     * A URI of the given parts: {@code sip[s]:user@host:port}.
     *
     * @param user unescaped, or null for none; characters the grammar does not allow are escaped
     * @param host a host name, IPv4 address or IPv6 address (brackets optional)
     * @param port 0 to 65535, or -1 for none
     * @throws IllegalArgumentException if the host or port is not valid
     */
    public static SipUri of(boolean secure, String user, String host, int port) {
        checkPort(port);
        StringBuilder b = new StringBuilder(48).append(secure ? "sips:" : "sip:");
        if (user != null) {
            b.append(encodeUser(user)).append('@');
        }
        b.append(bracketed(host));
        if (port >= 0) {
            b.append(':').append(port);
        }
        return reparse(b.toString());
    }

    @Override
    public String scheme() {
        return secure ? "sips" : "sip";
    }

    @Override
    public boolean isSip() {
        return true;
    }

    @Override
    public boolean isTel() {
        return false;
    }

    /** Whether this is a SIPS URI. */
    public boolean secure() {
        return secure;
    }

    /** The user, unescaped, or null when the URI has no userinfo. */
    public String user() {
        String u = user;
        if (u == null && userEnd >= 0) {
            u = PercentEncoding.decode(text, schemeEnd(), userEnd);
            user = u;
        }
        return u;
    }

    /** The user exactly as written, escapes included, or null when the URI has no userinfo. */
    public String rawUser() {
        return userEnd < 0 ? null : text.substring(schemeEnd(), userEnd);
    }

    /** The password, unescaped, or null when there is none ({@code ""} for {@code user:@host}). */
    public String password() {
        return passwordStart < 0 ? null
                : PercentEncoding.decode(text, passwordStart, hostStart - 1);
    }

    /** The host as written; an IPv6 reference keeps its brackets ({@code [2001:db8::1]}). */
    public String host() {
        return host;
    }

    public HostType hostType() {
        return hostType;
    }

    /** The port, or -1 when the URI names none. */
    public int port() {
        return port;
    }

    /** The port, or the scheme's default (5060 for sip, 5061 for sips) when the URI names none. */
    public int portOrDefault() {
        return port >= 0 ? port : secure ? DEFAULT_SECURE_PORT : DEFAULT_PORT;
    }

    /**
     * The value of the uri-parameter {@code name} (looked up ignoring case), unescaped;
     * {@code ""} for a parameter without a value such as {@code lr}; null if absent.
     */
    public String parameter(String name) {
        int i = parameters.find(name);
        return i < 0 ? null : parameters.value(i);
    }

    public boolean hasParameter(String name) {
        return parameters.find(name) >= 0;
    }

    /** The uri-parameters in order, names and values unescaped, {@code ""} for a flag. */
    public Map<String, String> parameters() {
        return parameters.toMap();
    }

    /** The value of the header {@code name} (ignoring case), unescaped, or null if absent. */
    public String header(String name) {
        int i = headers.find(name);
        return i < 0 ? null : headers.value(i);
    }

    /**
     * The headers (the {@code ?name=value&...} part) in order, unescaped; values of a repeated
     * name are joined with {@code ","}.
     */
    public Map<String, String> headers() {
        return headers.toMap();
    }

    /** The {@code transport} parameter as written (unescaped), or null. */
    public String transport() {
        return parameter("transport");
    }

    /** Whether the URI carries {@code lr}: its host is a loose router (RFC 3261 §16.12). */
    public boolean isLooseRouter() {
        return parameters.find("lr") >= 0;
    }

    /** The {@code maddr} parameter, or null. */
    public String maddr() {
        return parameter("maddr");
    }

    /** The {@code user} parameter ({@code phone}, {@code ip}, ...), or null. */
    public String userParam() {
        return parameter("user");
    }

    /** The {@code ttl} parameter, or -1 when absent. */
    public int ttl() {
        String ttl = parameter("ttl");
        return ttl == null ? -1 : Integer.parseInt(ttl);
    }

    /**
     * This URI with another user, or none if {@code user} is null (which drops the password too).
     *
     * @param user unescaped; characters the grammar does not allow in a user are escaped
     * @throws IllegalArgumentException if {@code user} is empty
     */
    public SipUri withUser(String user) {
        if (user == null) {
            return userEnd < 0 ? this
                    : reparse(text.substring(0, schemeEnd()) + text.substring(hostStart));
        }
        String encoded = encodeUser(user);
        int from = userEnd < 0 ? schemeEnd() : userEnd;
        return reparse(text.substring(0, schemeEnd()) + encoded + (userEnd < 0 ? "@" : "")
                + text.substring(from));
    }

    /**
     * This URI with another host.
     *
     * @param host a host name, IPv4 address or IPv6 address (brackets optional)
     * @throws IllegalArgumentException if it is not a valid host
     */
    public SipUri withHost(String host) {
        return reparse(text.substring(0, hostStart) + bracketed(host) + text.substring(hostEnd));
    }

    /**
     * This URI with another port, or none if {@code port} is -1.
     *
     * @throws IllegalArgumentException if {@code port} is not -1 or 0 to 65535
     */
    public SipUri withPort(int port) {
        checkPort(port);
        if (port == this.port) {
            return this;
        }
        return reparse(text.substring(0, hostEnd) + (port < 0 ? "" : ":" + port)
                + text.substring(hostPortEnd));
    }

    /**
     * This URI with the uri-parameter {@code name} set: replaced in place when present (whatever
     * its case), appended after the others when not.
     *
     * @param value unescaped; null or {@code ""} for a flag parameter such as {@code lr}
     * @throws IllegalArgumentException if the name is empty or the value does not fit a known
     *                                  parameter ({@code ttl}, {@code maddr})
     */
    public SipUri withParameter(String name, String value) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("SIP URI: empty parameter name");
        }
        String entry = ";" + PercentEncoding.encode(name, CharacterSet.PARAM)
                + (value == null || value.isEmpty() ? ""
                        : "=" + PercentEncoding.encode(value, CharacterSet.PARAM));
        int i = parameters.find(name);
        int from = i < 0 ? parameters.end() : parameters.entryStart(i);
        int to = i < 0 ? parameters.end() : parameters.entryEnd(i);
        return reparse(text.substring(0, from) + entry + text.substring(to));
    }

    /** This URI without the uri-parameter {@code name} (ignoring case); this URI if it has none. */
    public SipUri withoutParameter(String name) {
        int i = parameters.find(name);
        if (i < 0) {
            return this;
        }
        return reparse(text.substring(0, parameters.entryStart(i))
                + text.substring(parameters.entryEnd(i)));
    }

    /** This URI without its headers part; this URI if it has none. */
    public SipUri withoutHeaders() {
        return headers.size() == 0 ? this : reparse(text.substring(0, headers.start()));
    }

    /**
     * Whether this URI and {@code other} are equivalent by RFC 3261 §19.1.4: same scheme; user and
     * password equal case-sensitively, host case-insensitively, escapes of unreserved characters
     * counting as those characters; the same port, or none in both; uri-parameters present in both
     * equal ignoring case, while a {@code transport}, {@code user}, {@code ttl}, {@code method} or
     * {@code maddr} parameter present in only one makes them differ and any other parameter present
     * in only one is ignored; the same headers in any order, names ignoring case and values
     * case-sensitively (§19.1.4 leaves header values to the rules of each header field in §20;
     * comparing them exactly never calls two different values equal).
     */
    public boolean equivalent(SipUri other) {
        if (this == other) {
            return true;
        }
        if (other == null || secure != other.secure || port != other.port
                || hostType != other.hostType) {
            return false;
        }
        if (hostType == HostType.IPV6 ? !hostKey().equals(other.hostKey())
                : !host.equalsIgnoreCase(other.host)) {
            return false;
        }
        if (!sameUserinfoPart(schemeEnd(), userEnd, other, other.schemeEnd(), other.userEnd)
                || !sameUserinfoPart(passwordStart, hostStart - 1, other, other.passwordStart,
                        other.hostStart - 1)) {
            return false;
        }
        return parametersMatch(parameters, other.parameters)
                && parametersMatch(other.parameters, parameters)
                && headersMatch(other);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SipUri other && equivalent(other);
    }

    /** Hashes only what equivalence never ignores: scheme, user, password, host and port. */
    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            h = Boolean.hashCode(secure);
            h = 31 * h + (userEnd < 0 ? 0
                    : PercentEncoding.comparable(text, schemeEnd(), userEnd).hashCode());
            h = 31 * h + (passwordStart < 0 ? 0
                    : PercentEncoding.comparable(text, passwordStart, hostStart - 1).hashCode());
            h = 31 * h + hostKey().hashCode();
            h = 31 * h + port;
            hash = h;
        }
        return h;
    }

    /** The URI exactly as parsed, or as re-rendered by a {@code with...} method. */
    @Override
    public String toString() {
        return text;
    }

    private int schemeEnd() {
        return secure ? 5 : 4;
    }

    private String hostKey() {
        return hostType == HostType.IPV6 ? HostType.canonicalIpv6(text, hostStart, hostEnd)
                : host.toLowerCase(Locale.ROOT);
    }

    /** Compares a user or password ({@code start < 0} when absent) case-sensitively. */
    private boolean sameUserinfoPart(int start, int end, SipUri other, int otherStart,
            int otherEnd) {
        if (start < 0 || end < 0 || otherStart < 0 || otherEnd < 0) {
            return (start < 0 || end < 0) == (otherStart < 0 || otherEnd < 0);
        }
        if (!escaped && !other.escaped) {
            return end - start == otherEnd - otherStart
                    && text.regionMatches(start, other.text, otherStart, end - start);
        }
        return PercentEncoding.comparable(text, start, end)
                .equals(PercentEncoding.comparable(other.text, otherStart, otherEnd));
    }

    /** Whether every parameter of {@code a} is matched in {@code b}, or may be missing from it. */
    private static boolean parametersMatch(ParameterList a, ParameterList b) {
        for (int i = 0; i < a.size(); i++) {
            int j = b.find(a, i);
            if (j < 0) {
                for (String name : SIGNIFICANT_WHEN_ALONE) {
                    if (a.nameIs(i, name)) {
                        return false;
                    }
                }
            } else if (!sameValue(a, i, b, j, true)) {
                return false;
            }
        }
        return true;
    }

    /** Whether both URIs have the same headers, in any order. */
    private boolean headersMatch(SipUri other) {
        ParameterList a = headers;
        ParameterList b = other.headers;
        if (a.size() != b.size()) {
            return false;
        }
        boolean[] matched = new boolean[b.size()];
        for (int i = 0; i < a.size(); i++) {
            boolean found = false;
            for (int j = 0; j < b.size() && !found; j++) {
                if (!matched[j] && a.sameName(i, b, j) && sameValue(a, i, b, j, false)) {
                    matched[j] = true;
                    found = true;
                }
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameValue(ParameterList a, int i, ParameterList b, int j,
            boolean ignoreCase) {
        String va = a.comparableValue(i);
        String vb = b.comparableValue(j);
        if (va == null || vb == null) {
            return va == vb;
        }
        return ignoreCase ? va.equalsIgnoreCase(vb) : va.equals(vb);
    }

    private static String encodeUser(String user) {
        if (user.isEmpty()) {
            throw new IllegalArgumentException("SIP URI: empty user (pass null for none)");
        }
        return PercentEncoding.encode(user, CharacterSet.USER);
    }

    private static String bracketed(String host) {
        if (host == null || host.isEmpty()) {
            throw new IllegalArgumentException("SIP URI: empty host");
        }
        return host.indexOf(':') >= 0 && host.charAt(0) != '[' ? "[" + host + "]" : host;
    }

    private static void checkPort(int port) {
        if (port < -1 || port > SipUriParser.MAX_PORT) {
            throw new IllegalArgumentException("SIP URI: port " + port + " out of range (0-"
                    + SipUriParser.MAX_PORT + ", or -1 for none)");
        }
    }

    private static SipUri reparse(String text) {
        try {
            return SipUriParser.parse(text);
        } catch (SipParseException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
