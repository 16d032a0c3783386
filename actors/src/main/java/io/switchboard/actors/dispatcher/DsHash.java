package io.switchboard.actors.dispatcher;

import io.switchboard.transport.parse.SipParseException;
import io.switchboard.transport.uri.SipUri;
import java.nio.charset.StandardCharsets;
import java.util.OptionalInt;

/**
 * The hash of the hashing algorithms 0, 1, 2, 3, 5 and 7 (seed manual 002, 4.1), Kamailio's
 * {@code ds_get_hash}: over one or two strings, taken four bytes at a time as a big-endian word
 * {@code v} (bytes are signed, as C's {@code char} on the usual platforms), adding
 * {@code v ^ (v >>> 3)}, the leftover bytes as one more word, then mixing the sum with shifts of
 * 11, 13 and 23. The result is an unsigned 32-bit value, never 0.
 *
 * <p>A URI is hashed as its user and its {@code host:port}, the port left out when the URI names
 * none or names its scheme's default (5060 for sip, 5061 for sips); with bit 1 of {@code flags}
 * set, only the user (3.9).
 */
public final class DsHash {

    private DsHash() {
    }

    /** The hash of {@code x} and {@code y}; either may be null (left out). */
    public static int of(String x, String y) {
        if (x == null && y == null) {
            return 0;
        }
        int h = add(0, x);
        h = add(h, y);
        h = h + (h >>> 11) + (h >>> 13) + (h >>> 23);
        return h == 0 ? 1 : h;
    }

    private static int add(int h, String s) {
        if (s == null) {
            return h;
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        int p = 0;
        for (; p + 4 <= b.length; p += 4) {
            int v = (b[p] << 24) + (b[p + 1] << 16) + (b[p + 2] << 8) + b[p + 3];
            h += v ^ (v >>> 3);
        }
        int v = 0;
        for (; p < b.length; p++) {
            v = (v << 8) + b[p];
        }
        return h + (v ^ (v >>> 3));
    }

    /**
     * The hash of a URI's user and host:port; empty when {@code uri} is not a SIP URI, the
     * selection then fails as Kamailio's does.
     */
    public static OptionalInt ofUri(String uri, boolean userOnly) {
        if (uri == null) {
            return OptionalInt.empty();
        }
        SipUri sip;
        try {
            sip = SipUri.parse(uri.trim());
        } catch (SipParseException e) {
            return OptionalInt.empty();
        }
        String hostPort = null;
        if (!userOnly) {
            int defaultPort = sip.secure() ? SipUri.DEFAULT_SECURE_PORT : SipUri.DEFAULT_PORT;
            hostPort = sip.port() >= 0 && sip.port() != defaultPort ? sip.host() + ":" + sip.port() : sip.host();
        }
        return OptionalInt.of(of(sip.rawUser(), hostPort));
    }
}
