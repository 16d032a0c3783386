package io.switchboard.transport.uri;

import io.switchboard.transport.parse.SipParseException;

/**
 * The three forms of {@code host} in RFC 3261 §25.1: {@code hostname / IPv4address /
 * IPv6reference}, with the IPv6 grammar as corrected by RFC 5954 §3 (that of RFC 3986 §3.2.2).
 * A host name and an IP address never compare equal, even when one resolves to the other
 * (RFC 3261 §19.1.4); two IPv6 references compare by the address they denote (RFC 5954 §4).
 */
public enum HostType {
    /** {@code hostname = *( domainlabel "." ) toplabel [ "." ]}. */
    HOSTNAME,
    /** {@code IPv4address = 1*3DIGIT "." 1*3DIGIT "." 1*3DIGIT "." 1*3DIGIT}, each at most 255. */
    IPV4,
    /** {@code IPv6reference = "[" IPv6address "]"}. */
    IPV6;

    /**
     * Validates {@code text[from, to)} as a host and says which form it has.
     *
     * @param component what the host is, for error messages ("host", "maddr")
     */
    static HostType parse(String text, int from, int to, UriScanner errors, String component)
            throws SipParseException {
        if (from >= to) {
            throw errors.error("empty " + component);
        }
        if (text.charAt(from) == '[') {
            if (text.charAt(to - 1) != ']' || to - from < 2) {
                throw errors.error("unbalanced '[' in " + component + " '"
                        + errors.excerpt(from, to) + "'");
            }
            if (ipv6Groups(text, from + 1, to - 1) == null) {
                throw errors.error("malformed IPv6 reference '" + errors.excerpt(from, to) + "' in "
                        + component);
            }
            return IPV6;
        }
        boolean numeric = true;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == ']') {
                throw errors.error("unbalanced ']' in " + component + " '"
                        + errors.excerpt(from, to) + "'");
            }
            if (!CharacterSet.isAlphanum(c) && c != '-' && c != '.') {
                throw errors.error("illegal character " + CharacterSet.describe(c) + " in "
                        + component + " '" + errors.excerpt(from, to) + "'");
            }
            numeric &= CharacterSet.isDigit(c) || c == '.';
        }
        if (numeric) {
            if (ipv4Value(text, from, to) < 0) {
                throw errors.error(component + " '" + errors.excerpt(from, to)
                        + "' is not a valid IPv4 address");
            }
            return IPV4;
        }
        checkHostname(text, from, to, errors, component);
        return HOSTNAME;
    }

    private static void checkHostname(String text, int from, int to, UriScanner errors,
            String component) throws SipParseException {
        int i = from;
        int topLabel = from;
        while (i < to) {
            int label = i;
            while (i < to && text.charAt(i) != '.') {
                i++;
            }
            if (i == label) {
                throw errors.error(component + " '" + errors.excerpt(from, to)
                        + "' has an empty label");
            }
            if (text.charAt(label) == '-' || text.charAt(i - 1) == '-') {
                throw errors.error(component + " '" + errors.excerpt(from, to)
                        + "' has a label starting or ending with '-'");
            }
            topLabel = label;
            i++;
        }
        if (!CharacterSet.isAlpha(text.charAt(topLabel))) {
            throw errors.error(component + " '" + errors.excerpt(from, to)
                    + "' has a top label not starting with a letter");
        }
    }

    /** The 32-bit value of a dotted-quad IPv4 address in {@code text[from, to)}, or -1. */
    static long ipv4Value(String text, int from, int to) {
        long value = 0;
        int octets = 0;
        int i = from;
        while (i < to) {
            int start = i;
            int octet = 0;
            while (i < to && i - start < 4 && CharacterSet.isDigit(text.charAt(i))) {
                octet = octet * 10 + text.charAt(i) - '0';
                i++;
            }
            int digits = i - start;
            if (digits == 0 || digits > 3 || octet > 255 || ++octets > 4) {
                return -1;
            }
            value = value << 8 | octet;
            if (i < to) {
                if (text.charAt(i) != '.' || i + 1 == to) {
                    return -1;
                }
                i++;
            }
        }
        return octets == 4 ? value : -1;
    }

    /**
     * The eight 16-bit groups of the {@code IPv6address} in {@code text[from, to)} (without
     * brackets), with {@code ::} expanded and a trailing IPv4 address folded in, or null when the
     * text is not an IPv6 address.
     */
    static int[] ipv6Groups(String text, int from, int to) {
        int[] groups = new int[8];
        int n = 0;
        int gap = -1;
        int i = from;
        if (i == to) {
            return null;
        }
        if (text.charAt(i) == ':') {
            if (i + 1 >= to || text.charAt(i + 1) != ':') {
                return null;
            }
            gap = 0;
            i += 2;
        }
        while (i < to) {
            if (n == 8) {
                return null;
            }
            int j = i;
            int value = 0;
            while (j < to && j - i < 5 && CharacterSet.hexValue(text.charAt(j)) >= 0) {
                value = value << 4 | CharacterSet.hexValue(text.charAt(j));
                j++;
            }
            if (j < to && text.charAt(j) == '.') {
                long v4 = ipv4Value(text, i, to);
                if (v4 < 0 || n > 6) {
                    return null;
                }
                groups[n++] = (int) (v4 >>> 16);
                groups[n++] = (int) (v4 & 0xffff);
                break;
            }
            if (j == i || j - i > 4) {
                return null;
            }
            groups[n++] = value;
            i = j;
            if (i == to) {
                break;
            }
            if (text.charAt(i) != ':' || i + 1 == to) {
                return null;
            }
            i++;
            if (text.charAt(i) == ':') {
                if (gap >= 0) {
                    return null;
                }
                gap = n;
                i++;
            }
        }
        if (gap < 0) {
            return n == 8 ? groups : null;
        }
        if (n > 7) {
            return null;
        }
        int tail = n - gap;
        System.arraycopy(groups, gap, groups, 8 - tail, tail);
        java.util.Arrays.fill(groups, gap, 8 - tail, 0);
        return groups;
    }

    /**
     * The address of an {@code IPv6reference} ({@code text[from, to)}, brackets included) in one
     * canonical spelling, so that textual variants of one address compare equal (RFC 5954 §4).
     */
    static String canonicalIpv6(String text, int from, int to) {
        int[] groups = ipv6Groups(text, from + 1, to - 1);
        StringBuilder out = new StringBuilder(41).append('[');
        for (int g = 0; g < 8; g++) {
            if (g > 0) {
                out.append(':');
            }
            out.append(Integer.toHexString(groups[g]));
        }
        return out.append(']').toString();
    }
}
