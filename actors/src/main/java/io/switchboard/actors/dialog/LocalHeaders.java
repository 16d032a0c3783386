package io.switchboard.actors.dialog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Extra header lines of the requests the dialog module generates (BYE, keep-alive OPTIONS, REFER):
 * {@code dlg-extra-hdrs} for every request (seed manual 6.10 {@code dlg_extra_hdrs}),
 * {@code lreq-callee-headers} only for those sent to the callee (6.58), and the {@code extra_hdrs}
 * of {@code dlg.end_dlg} (9.9). Written as in Kamailio, {@code Name: value} lines separated by
 * CRLF (or LF); each line is checked here, so a wrong one is refused before any request is built.
 *
 * @param all    {@code Name: value} lines for requests to either side
 * @param callee lines only for requests to the callee
 */
public record LocalHeaders(List<String> all, List<String> callee) {

    /** No extra headers. */
    public static final LocalHeaders NONE = new LocalHeaders(List.of(), List.of());

    /** A header name is a token (RFC 3261 §25.1); the value is one line. */
    private static final Pattern LINE = Pattern.compile("([A-Za-z0-9.!%*_+`'~-]+)[ \\t]*:[ \\t]*([^\\r\\n]*)");

    /** Headers the dialog's request builder owns: set here they would contradict it. */
    private static final Set<String> RESERVED = Set.of("via", "v", "from", "f", "to", "t", "call-id", "i", "cseq",
            "content-length", "l", "max-forwards", "route");

    public LocalHeaders {
        all = List.copyOf(all);
        callee = List.copyOf(callee);
    }

    /**
     * The lines of {@code text} ({@code "Hint: credit expired\r\n"}), each as {@code Name: value};
     * empty for null or blank text. A line that is no header, or names a header the request
     * builder owns (Via, From, To, Call-ID, CSeq, Content-Length, Max-Forwards, Route), is an
     * {@link IllegalArgumentException} naming it.
     */
    public static List<String> parse(String text) {
        List<String> lines = new ArrayList<>();
        if (text == null) {
            return lines;
        }
        for (String raw : text.split("\\r?\\n")) {
            if (raw.isBlank()) {
                continue;
            }
            Matcher header = LINE.matcher(raw.strip());
            if (!header.matches()) {
                throw new IllegalArgumentException("\"" + raw + "\" is no header line (Name: value)");
            }
            String name = header.group(1);
            if (RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("header " + name + " is set by the dialog module itself");
            }
            lines.add(name + ": " + header.group(2).strip());
        }
        return lines;
    }

    /** These headers and {@code extra} for requests to either side (the {@code extra_hdrs} of {@code dlg.end_dlg}). */
    public LocalHeaders with(List<String> extra) {
        if (extra.isEmpty()) {
            return this;
        }
        List<String> joined = new ArrayList<>(all);
        joined.addAll(extra);
        return new LocalHeaders(joined, callee);
    }

    /** The lines of a request to {@code target}: every-side lines first, then the callee's own. */
    public List<String> to(Side target) {
        if (target != Side.CALLEE || callee.isEmpty()) {
            return all;
        }
        List<String> lines = new ArrayList<>(all);
        lines.addAll(callee);
        return lines;
    }

    /** The name of a line {@link #parse} accepted. */
    static String name(String line) {
        return line.substring(0, line.indexOf(':'));
    }

    /** The value of a line {@link #parse} accepted. */
    static String value(String line) {
        return line.substring(line.indexOf(':') + 1).strip();
    }
}
