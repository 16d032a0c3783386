package io.switchboard.transport.message;

/**
 * Response status codes and their default reason phrases (RFC 3261 §21, with the codes of
 * RFC 3265, RFC 3329, RFC 4028, RFC 5360 and RFC 6665 that proxies commonly send).
 */
public final class SipStatus {

    public static final int TRYING = 100;
    public static final int RINGING = 180;
    public static final int SESSION_PROGRESS = 183;
    public static final int OK = 200;
    public static final int BAD_REQUEST = 400;
    public static final int FORBIDDEN = 403;
    public static final int NOT_FOUND = 404;
    public static final int REQUEST_TIMEOUT = 408;
    public static final int CALL_DOES_NOT_EXIST = 481;
    public static final int LOOP_DETECTED = 482;
    public static final int TOO_MANY_HOPS = 483;
    public static final int REQUEST_TERMINATED = 487;
    public static final int SERVER_INTERNAL_ERROR = 500;
    public static final int SERVICE_UNAVAILABLE = 503;
    public static final int VERSION_NOT_SUPPORTED = 505;
    public static final int MESSAGE_TOO_LARGE = 513;

    private static final String[] PHRASES = new String[700];

    static {
        String[] table = {
            "100", "Trying", "180", "Ringing", "181", "Call Is Being Forwarded", "182", "Queued",
            "183", "Session Progress", "199", "Early Dialog Terminated",
            "200", "OK", "202", "Accepted", "204", "No Notification",
            "300", "Multiple Choices", "301", "Moved Permanently", "302", "Moved Temporarily",
            "305", "Use Proxy", "380", "Alternative Service",
            "400", "Bad Request", "401", "Unauthorized", "402", "Payment Required", "403", "Forbidden",
            "404", "Not Found", "405", "Method Not Allowed", "406", "Not Acceptable",
            "407", "Proxy Authentication Required", "408", "Request Timeout", "410", "Gone",
            "412", "Conditional Request Failed", "413", "Request Entity Too Large",
            "414", "Request-URI Too Long", "415", "Unsupported Media Type",
            "416", "Unsupported URI Scheme", "420", "Bad Extension", "421", "Extension Required",
            "422", "Session Interval Too Small", "423", "Interval Too Brief",
            "480", "Temporarily Unavailable", "481", "Call/Transaction Does Not Exist",
            "482", "Loop Detected", "483", "Too Many Hops", "484", "Address Incomplete",
            "485", "Ambiguous", "486", "Busy Here", "487", "Request Terminated",
            "488", "Not Acceptable Here", "489", "Bad Event", "491", "Request Pending",
            "493", "Undecipherable", "494", "Security Agreement Required",
            "500", "Server Internal Error", "501", "Not Implemented", "502", "Bad Gateway",
            "503", "Service Unavailable", "504", "Server Time-out", "505", "Version Not Supported",
            "513", "Message Too Large", "580", "Precondition Failure",
            "600", "Busy Everywhere", "603", "Decline", "604", "Does Not Exist Anywhere",
            "606", "Not Acceptable",
        };
        for (int i = 0; i < table.length; i += 2) {
            PHRASES[Integer.parseInt(table[i])] = table[i + 1];
        }
    }

    private SipStatus() {
    }

    /** The default reason phrase of {@code code}, or the class's generic phrase when unknown. */
    public static String reasonPhrase(int code) {
        if (code >= 100 && code < PHRASES.length && PHRASES[code] != null) {
            return PHRASES[code];
        }
        return switch (code / 100) {
            case 1 -> "Session Progress";
            case 2 -> "OK";
            case 3 -> "Redirection";
            case 4 -> "Client Error";
            case 5 -> "Server Error";
            default -> "Global Failure";
        };
    }

    /** True for 100–699, the codes RFC 3261 §7.2 allows. */
    public static boolean isValid(int code) {
        return code >= 100 && code <= 699;
    }
}
