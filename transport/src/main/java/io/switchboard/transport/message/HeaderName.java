package io.switchboard.transport.message;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A SIP header field name (RFC 3261 §7.3, §20). Names compare case-insensitively, and a compact
 * form (RFC 3261 §7.3.3: {@code i}, {@code f}, {@code t}, {@code v}, ...) resolves to the same
 * constant as its long name, so {@code message.headers(HeaderName.VIA)} finds {@code v:} lines too.
 * Well-known names are cached constants; looking one up from received bytes allocates nothing.
 */
public final class HeaderName {

    private static final Map<String, HeaderName> KNOWN = new HashMap<>();
    /** Well-known names bucketed by length of their long and compact spellings, for byte lookups. */
    private static final Object[][] BY_LENGTH = new Object[32][];

    public static final HeaderName ACCEPT = known("Accept", (char) 0);
    /** RFC 3841 §9.2. */
    public static final HeaderName ACCEPT_CONTACT = known("Accept-Contact", 'a');
    public static final HeaderName ALLOW = known("Allow", (char) 0);
    public static final HeaderName ALLOW_EVENTS = known("Allow-Events", 'u');
    public static final HeaderName AUTHORIZATION = known("Authorization", (char) 0);
    public static final HeaderName CALL_ID = known("Call-ID", 'i');
    public static final HeaderName CONTACT = known("Contact", 'm');
    public static final HeaderName CONTENT_ENCODING = known("Content-Encoding", 'e');
    public static final HeaderName CONTENT_LENGTH = known("Content-Length", 'l');
    public static final HeaderName CONTENT_TYPE = known("Content-Type", 'c');
    public static final HeaderName CSEQ = known("CSeq", (char) 0);
    public static final HeaderName DATE = known("Date", (char) 0);
    public static final HeaderName EVENT = known("Event", 'o');
    public static final HeaderName EXPIRES = known("Expires", (char) 0);
    public static final HeaderName FROM = known("From", 'f');
    /** RFC 8224 §4. */
    public static final HeaderName IDENTITY = known("Identity", 'y');
    /** RFC 4474 §9 (obsoleted by RFC 8224, still seen). */
    public static final HeaderName IDENTITY_INFO = known("Identity-Info", 'n');
    public static final HeaderName MAX_FORWARDS = known("Max-Forwards", (char) 0);
    public static final HeaderName MIN_EXPIRES = known("Min-Expires", (char) 0);
    public static final HeaderName PROXY_AUTHENTICATE = known("Proxy-Authenticate", (char) 0);
    public static final HeaderName PROXY_AUTHORIZATION = known("Proxy-Authorization", (char) 0);
    public static final HeaderName PROXY_REQUIRE = known("Proxy-Require", (char) 0);
    public static final HeaderName REASON = known("Reason", (char) 0);
    public static final HeaderName RECORD_ROUTE = known("Record-Route", (char) 0);
    public static final HeaderName REFER_TO = known("Refer-To", 'r');
    public static final HeaderName REFERRED_BY = known("Referred-By", 'b');
    /** RFC 3841 §9.3. */
    public static final HeaderName REJECT_CONTACT = known("Reject-Contact", 'j');
    /** RFC 3841 §9.1. */
    public static final HeaderName REQUEST_DISPOSITION = known("Request-Disposition", 'd');
    public static final HeaderName REQUIRE = known("Require", (char) 0);
    public static final HeaderName RETRY_AFTER = known("Retry-After", (char) 0);
    public static final HeaderName ROUTE = known("Route", (char) 0);
    public static final HeaderName SERVER = known("Server", (char) 0);
    public static final HeaderName SESSION_EXPIRES = known("Session-Expires", 'x');
    public static final HeaderName SUBJECT = known("Subject", 's');
    public static final HeaderName SUPPORTED = known("Supported", 'k');
    public static final HeaderName TIMESTAMP = known("Timestamp", (char) 0);
    public static final HeaderName TO = known("To", 't');
    public static final HeaderName UNSUPPORTED = known("Unsupported", (char) 0);
    public static final HeaderName USER_AGENT = known("User-Agent", (char) 0);
    public static final HeaderName VIA = known("Via", 'v');
    public static final HeaderName WARNING = known("Warning", (char) 0);
    public static final HeaderName WWW_AUTHENTICATE = known("WWW-Authenticate", (char) 0);

    private final String name;
    private final String key;
    private final char compact;
    private final boolean wellKnown;

    private HeaderName(String name, char compact, boolean wellKnown) {
        this.name = name;
        this.key = name.toLowerCase(Locale.ROOT);
        this.compact = compact;
        this.wellKnown = wellKnown;
    }

    private static HeaderName known(String name, char compact) {
        HeaderName header = new HeaderName(name, compact, true);
        KNOWN.put(header.key, header);
        index(name, header);
        if (compact != 0) {
            KNOWN.put(String.valueOf(compact), header);
            index(String.valueOf(compact), header);
        }
        return header;
    }

    private static void index(String spelling, HeaderName header) {
        Object[] bucket = BY_LENGTH[spelling.length()];
        Object[] grown = bucket == null ? new Object[2] : java.util.Arrays.copyOf(bucket, bucket.length + 2);
        grown[grown.length - 2] = spelling.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        grown[grown.length - 1] = header;
        BY_LENGTH[spelling.length()] = grown;
    }

    /** The constant for {@code name} (long or compact form, any case), or a new name if unknown. */
    public static HeaderName of(String name) {
        HeaderName known = KNOWN.get(name.toLowerCase(Locale.ROOT));
        return known != null ? known : new HeaderName(name, (char) 0, false);
    }

    /** Resolves a name as received, without allocating for well-known names. */
    public static HeaderName of(byte[] buf, int offset, int length) {
        if (length < BY_LENGTH.length) {
            Object[] bucket = BY_LENGTH[length];
            if (bucket != null) {
                for (int i = 0; i < bucket.length; i += 2) {
                    if (equalsIgnoreCase((byte[]) bucket[i], buf, offset)) {
                        return (HeaderName) bucket[i + 1];
                    }
                }
            }
        }
        return new HeaderName(new String(buf, offset, length, StandardCharsets.ISO_8859_1), (char) 0, false);
    }

    private static boolean equalsIgnoreCase(byte[] lower, byte[] buf, int offset) {
        for (int i = 0; i < lower.length; i++) {
            int b = buf[offset + i];
            if (b >= 'A' && b <= 'Z') {
                b += 'a' - 'A';
            }
            if (b != lower[i]) {
                return false;
            }
        }
        return true;
    }

    /** The long form in its canonical spelling, e.g. {@code Call-ID}. */
    public String name() {
        return name;
    }

    /** The compact form (RFC 3261 §7.3.3), or 0 if the header has none. */
    public char compactForm() {
        return compact;
    }

    /** True for the names this class has a constant for. */
    public boolean isWellKnown() {
        return wellKnown;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        // well-known names are singletons: two different constants never name the same header
        return other instanceof HeaderName h && !(wellKnown && h.wellKnown) && h.key.equals(key);
    }

    @Override
    public int hashCode() {
        return key.hashCode();
    }

    @Override
    public String toString() {
        return name;
    }
}
