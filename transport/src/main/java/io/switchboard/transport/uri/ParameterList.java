package io.switchboard.transport.uri;

import io.switchboard.transport.parse.SipParseException;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code name[=value]} pairs of a URI — the {@code uri-parameters} and {@code headers} of a
 * SIP URI (RFC 3261 §19.1.1) or the {@code par}s of a TEL URI (RFC 3966 §3) — kept as offsets into
 * the URI's text. Nothing is copied until asked for, and a lookup by name compares regions of the
 * text in place. Names are case-insensitive everywhere.
 */
final class ParameterList {

    private static final int[] NO_BOUNDS = new int[0];

    private final String text;
    /** Per entry: name start, name end, value start (-1 for a flag), value end. */
    private final int[] bounds;
    private final int size;
    private final int start;
    private final int end;
    private final boolean escaped;
    private volatile Map<String, String> map;

    private ParameterList(String text, int[] bounds, int size, int start, int end,
            boolean escaped) {
        this.text = text;
        this.bounds = bounds;
        this.size = size;
        this.start = start;
        this.end = end;
        this.escaped = escaped;
    }

    /** An empty list at {@code position} of {@code text}. */
    static ParameterList empty(String text, int position) {
        return new ParameterList(text, NO_BOUNDS, 0, position, position, false);
    }

    int size() {
        return size;
    }

    /** Where the list starts in the text: its first separator ({@code ;} or {@code ?}). */
    int start() {
        return start;
    }

    /** Where the list ends in the text (exclusive). */
    int end() {
        return end;
    }

    /** Where entry {@code i} starts in the text, including its leading separator. */
    int entryStart(int i) {
        return bounds[4 * i] - 1;
    }

    /** Where entry {@code i} ends in the text (exclusive). */
    int entryEnd(int i) {
        return bounds[4 * i + 3];
    }

    boolean isFlag(int i) {
        return bounds[4 * i + 2] < 0;
    }

    /** The index of the entry named {@code name} (ignoring case and escaping), or -1. */
    int find(String name) {
        for (int i = 0; i < size; i++) {
            if (nameIs(i, name)) {
                return i;
            }
        }
        return -1;
    }

    /** The index of the entry with the same name as entry {@code i} of {@code other}, or -1. */
    int find(ParameterList other, int i) {
        for (int j = 0; j < size; j++) {
            if (other.sameName(i, this, j)) {
                return j;
            }
        }
        return -1;
    }

    /** Whether entry {@code i} is named {@code name} (ignoring case and escaping). */
    boolean nameIs(int i, String name) {
        int ns = bounds[4 * i];
        int ne = bounds[4 * i + 1];
        if (escaped && hasEscape(text, ns, ne)) {
            return PercentEncoding.decode(text, ns, ne).equalsIgnoreCase(name);
        }
        return ne - ns == name.length() && text.regionMatches(true, ns, name, 0, ne - ns);
    }

    /** Whether entry {@code i} and entry {@code j} of {@code other} have the same name. */
    boolean sameName(int i, ParameterList other, int j) {
        return sameName(text, bounds, 4 * i, escaped, other.text, other.bounds, 4 * j,
                other.escaped);
    }

    private static boolean sameName(String a, int[] aBounds, int i4, boolean aEscaped, String b,
            int[] bBounds, int j4, boolean bEscaped) {
        int is = aBounds[i4];
        int ie = aBounds[i4 + 1];
        int js = bBounds[j4];
        int je = bBounds[j4 + 1];
        if ((aEscaped && hasEscape(a, is, ie)) || (bEscaped && hasEscape(b, js, je))) {
            return PercentEncoding.comparable(a, is, ie)
                    .equalsIgnoreCase(PercentEncoding.comparable(b, js, je));
        }
        return ie - is == je - js && a.regionMatches(true, is, b, js, ie - is);
    }

    private static boolean hasEscape(String text, int from, int to) {
        int percent = text.indexOf('%', from);
        return percent >= 0 && percent < to;
    }

    /** The name of entry {@code i}, unescaped, as written otherwise. */
    String name(int i) {
        return PercentEncoding.decode(text, bounds[4 * i], bounds[4 * i + 1]);
    }

    /** The value of entry {@code i}, unescaped; {@code ""} for a flag. */
    String value(int i) {
        int vs = bounds[4 * i + 2];
        return vs < 0 ? "" : PercentEncoding.decode(text, vs, bounds[4 * i + 3]);
    }

    /** The value of entry {@code i} in the comparison form of RFC 3261 §19.1.4; null for a flag. */
    String comparableValue(int i) {
        int vs = bounds[4 * i + 2];
        return vs < 0 ? null : PercentEncoding.comparable(text, vs, bounds[4 * i + 3]);
    }

    /**
     * The entries as an ordered, unmodifiable map of unescaped names (spelt as first written) to
     * unescaped values ({@code ""} for a flag). Values of a name that appears more than once are
     * joined with {@code ","}, as repeated header fields are (RFC 3261 §7.3.1).
     */
    Map<String, String> toMap() {
        Map<String, String> m = map;
        if (m == null) {
            LinkedHashMap<String, String> built = new LinkedHashMap<>();
            String[] keys = new String[size];
            for (int i = 0; i < size; i++) {
                int first = i;
                for (int j = 0; j < i; j++) {
                    if (sameName(i, this, j)) {
                        first = j;
                        break;
                    }
                }
                if (first == i) {
                    keys[i] = name(i);
                    built.put(keys[i], value(i));
                } else {
                    keys[i] = keys[first];
                    built.merge(keys[i], value(i), (a, b) -> a + "," + b);
                }
            }
            m = size == 0 ? Map.of() : Collections.unmodifiableMap(built);
            map = m;
        }
        return m;
    }

    /** Collects entries while a parser scans them. */
    static final class Builder {
        private final String text;
        private final int start;
        private final int limit;
        private final String what;
        private int[] bounds = NO_BOUNDS;
        private int size;

        /**
         * @param limit the most entries the list may hold
         * @param what  the plural name of the entries for error messages ("parameters")
         */
        Builder(String text, int start, int limit, String what) {
            this.text = text;
            this.start = start;
            this.limit = limit;
            this.what = what;
        }

        /** Adds an entry; {@code valueStart} is -1 for a flag, with {@code valueEnd == nameEnd}. */
        void add(UriScanner scanner, int nameStart, int nameEnd, int valueStart, int valueEnd)
                throws SipParseException {
            if (size == limit) {
                throw scanner.error("more than " + limit + " " + what);
            }
            if (4 * size + 4 > bounds.length) {
                bounds = Arrays.copyOf(bounds, Math.max(16, bounds.length * 2));
            }
            int k = 4 * size;
            bounds[k] = nameStart;
            bounds[k + 1] = nameEnd;
            bounds[k + 2] = valueStart;
            bounds[k + 3] = valueEnd;
            size++;
        }

        /** Whether an earlier entry has the same name as the last one added. */
        boolean lastIsRepeated(boolean escaped) {
            int last = 4 * (size - 1);
            for (int j = 0; j < last; j += 4) {
                if (sameName(text, bounds, last, escaped, text, bounds, j, escaped)) {
                    return true;
                }
            }
            return false;
        }

        /** The name of the last entry added, as written, for an error message. */
        String lastName(UriScanner scanner) {
            int last = 4 * (size - 1);
            return scanner.excerpt(bounds[last], bounds[last + 1]);
        }

        ParameterList build(int end, boolean escaped) {
            return size == 0 ? empty(text, start)
                    : new ParameterList(text, bounds, size, start, end, escaped);
        }
    }
}
