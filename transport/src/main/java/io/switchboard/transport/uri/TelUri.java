package io.switchboard.transport.uri;

import io.switchboard.transport.parse.SipParseException;
import java.util.Locale;
import java.util.Map;

/**
 * A TEL URI, RFC 3966 §3: a telephone number, global ({@code tel:+1-201-555-0123}) or local with
 * the context it is valid in ({@code tel:7042;phone-context=example.com}), and parameters such as
 * {@code ext}, {@code isub} and {@code phone-context}.
 *
 * <p>Immutable; {@link #toString()} is the text as parsed. Parameters may appear in any order (the
 * order RFC 3966 §3 asks senders for is not enforced on receipt); names are case-insensitive.
 * {@link #equivalent(TelUri)}, {@link #equals(Object)} and {@link #hashCode()} follow RFC 3966 §4.
 */
public final class TelUri implements Uri {

    /** The most parameters one TEL URI may carry. */
    static final int MAX_PARAMETERS = 32;

    private static final String GRAMMAR = "TEL URI";
    private static final int NUMBER_START = 4;

    private final String text;
    private final int numberEnd;
    private final boolean global;
    private final ParameterList parameters;
    private int hash;

    private TelUri(String text, int numberEnd, boolean global, ParameterList parameters) {
        this.text = text;
        this.numberEnd = numberEnd;
        this.global = global;
        this.parameters = parameters;
    }

    /**
     * Parses a {@code telephone-uri} (RFC 3966 §3); the scheme is case-insensitive.
     *
     * @throws SipParseException if the text does not follow the grammar, or a local number has no
     *                           {@code phone-context} (RFC 3966 §5.1.5)
     */
    public static TelUri parse(String text) throws SipParseException {
        UriScanner s = new UriScanner(GRAMMAR, text);
        if (!text.regionMatches(true, 0, "tel:", 0, NUMBER_START)) {
            int colon = text.indexOf(':');
            throw colon < 0 ? s.error("missing ':' after the scheme")
                    : s.error("scheme '" + s.excerpt(0, colon) + "' is not tel");
        }
        s.pos = NUMBER_START;
        boolean global = s.at('+');
        if (global) {
            s.pos++;
        }
        int significant = 0;
        while (!s.atEnd() && !s.at(';')) {
            char c = s.current();
            if (global ? CharacterSet.isDigit(c)
                    : CharacterSet.hexValue(c) >= 0 || c == '*' || c == '#') {
                significant++;
            } else if (!isVisualSeparator(c)) {
                throw s.illegal(s.pos, global ? "global number" : "local number");
            }
            s.pos++;
        }
        if (significant == 0) {
            throw s.error(global ? "global number has no digits after '+'" : "empty number");
        }
        int numberEnd = s.pos;
        ParameterList parameters = parameters(s);
        if (!global && parameters.find("phone-context") < 0) {
            throw s.error("local number '" + s.excerpt(NUMBER_START, numberEnd)
                    + "' has no phone-context parameter (RFC 3966 §5.1.5)");
        }
        return new TelUri(text, numberEnd, global, parameters);
    }

    private static ParameterList parameters(UriScanner s) throws SipParseException {
        ParameterList.Builder list = new ParameterList.Builder(s.text, s.pos, MAX_PARAMETERS,
                "parameters");
        while (s.at(';')) {
            int nameStart = ++s.pos;
            int nameEnd = s.scan(CharacterSet.TEL_PARAM_NAME, "=;", "parameter name");
            if (nameEnd == nameStart) {
                throw s.error("empty parameter name at index " + nameStart);
            }
            boolean isub = nameEnd - nameStart == 4
                    && s.text.regionMatches(true, nameStart, "isub", 0, 4);
            int valueStart = -1;
            int valueEnd = nameEnd;
            if (s.at('=')) {
                valueStart = ++s.pos;
                valueEnd = s.scan(isub ? CharacterSet.URIC : CharacterSet.PARAM, ";",
                        "parameter value");
                if (valueEnd == valueStart) {
                    throw s.error("parameter '" + s.excerpt(nameStart, nameEnd)
                            + "' has '=' but no value");
                }
            }
            list.add(s, nameStart, nameEnd, valueStart, valueEnd);
            if (list.lastIsRepeated(false)) {
                throw s.error("parameter '" + list.lastName(s) + "' appears more than once");
            }
            checkKnownParameter(s, nameStart, nameEnd, valueStart, valueEnd);
        }
        return list.build(s.pos, s.escaped);
    }

    private static void checkKnownParameter(UriScanner s, int nameStart, int nameEnd,
            int valueStart, int valueEnd) throws SipParseException {
        String text = s.text;
        int nameLength = nameEnd - nameStart;
        if (nameLength == 3 && text.regionMatches(true, nameStart, "ext", 0, 3)) {
            if (valueStart < 0 || !isPhoneDigits(text, valueStart, valueEnd)) {
                throw s.error("ext '" + (valueStart < 0 ? "" : s.excerpt(valueStart, valueEnd))
                        + "' is not a number");
            }
        } else if (nameLength == 13
                && text.regionMatches(true, nameStart, "phone-context", 0, 13)) {
            if (valueStart < 0) {
                throw s.error("phone-context without a value");
            }
            if (text.charAt(valueStart) == '+') {
                if (!isPhoneDigits(text, valueStart + 1, valueEnd)) {
                    throw s.error("phone-context '" + s.excerpt(valueStart, valueEnd)
                            + "' is not a global number");
                }
            } else if (HostType.parse(text, valueStart, valueEnd, s, "phone-context")
                    != HostType.HOSTNAME) {
                throw s.error("phone-context '" + s.excerpt(valueStart, valueEnd)
                        + "' is neither a domain name nor a global number");
            }
        }
    }

    /** {@code 1*phonedigit} with at least one digit. */
    private static boolean isPhoneDigits(String text, int from, int to) {
        boolean digit = false;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (CharacterSet.isDigit(c)) {
                digit = true;
            } else if (!isVisualSeparator(c)) {
                return false;
            }
        }
        return digit;
    }

    private static boolean isVisualSeparator(char c) {
        return c == '-' || c == '.' || c == '(' || c == ')';
    }

    private static String withoutSeparators(String number) {
        StringBuilder b = null;
        for (int i = 0; i < number.length(); i++) {
            char c = number.charAt(i);
            if (isVisualSeparator(c)) {
                if (b == null) {
                    b = new StringBuilder(number.length()).append(number, 0, i);
                }
            } else if (b != null) {
                b.append(c);
            }
        }
        return b == null ? number : b.toString();
    }

    @Override
    public String scheme() {
        return "tel";
    }

    @Override
    public boolean isSip() {
        return false;
    }

    @Override
    public boolean isTel() {
        return true;
    }

    /** The number as written, with its {@code +} if global and its visual separators. */
    public String number() {
        return text.substring(NUMBER_START, numberEnd);
    }

    /** The number without visual separators ({@code -.()}): {@code +12015550123}. */
    public String digits() {
        return withoutSeparators(number());
    }

    /** Whether the number is global ({@code +} and an E.164 number) rather than local. */
    public boolean global() {
        return global;
    }

    /** The {@code phone-context} parameter, or null (always present for a local number). */
    public String phoneContext() {
        return parameter("phone-context");
    }

    /**
     * The value of parameter {@code name} (ignoring case), unescaped; {@code ""} for a parameter
     * without a value; null if absent.
     */
    public String parameter(String name) {
        int i = parameters.find(name);
        return i < 0 ? null : parameters.value(i);
    }

    public boolean hasParameter(String name) {
        return parameters.find(name) >= 0;
    }

    /** The parameters in order, values unescaped, {@code ""} for a flag. */
    public Map<String, String> parameters() {
        return parameters.toMap();
    }

    /**
     * Whether this URI and {@code other} are equivalent by RFC 3966 §4: both global or both local;
     * the same number once visual separators are removed; the same parameter names in any order,
     * with equal values — {@code ext} and a global-number {@code phone-context} compared without
     * visual separators; everything ignoring case.
     */
    public boolean equivalent(TelUri other) {
        if (this == other) {
            return true;
        }
        if (other == null || global != other.global || parameters.size() != other.parameters.size()
                || !digits().equalsIgnoreCase(other.digits())) {
            return false;
        }
        for (int i = 0; i < parameters.size(); i++) {
            int j = other.parameters.find(parameters, i);
            if (j < 0 || parameters.isFlag(i) != other.parameters.isFlag(j)) {
                return false;
            }
            String a = parameters.value(i);
            String b = other.parameters.value(j);
            if (parameters.nameIs(i, "ext")
                    || parameters.nameIs(i, "phone-context") && a.startsWith("+")) {
                a = withoutSeparators(a);
                b = withoutSeparators(b);
            }
            if (!a.equalsIgnoreCase(b)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TelUri other && equivalent(other);
    }

    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            h = 31 * Boolean.hashCode(global) + digits().toLowerCase(Locale.ROOT).hashCode();
            hash = h;
        }
        return h;
    }

    /** The URI exactly as parsed. */
    @Override
    public String toString() {
        return text;
    }
}
