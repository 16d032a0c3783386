package io.switchboard.actors.dlgs;

import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Which records {@code dlgs_count(field, op, data)}, {@code dlgs.get} and {@code dlgs.getall}
 * mean (Kamailio dlgs README §4.3): {@code field} is {@code src}, {@code dst}, {@code data} or
 * {@code any} (every record); {@code op} is {@code eq} (equal), {@code ne} (not equal), {@code re}
 * (extended regular expression, case-insensitive, matching anywhere), {@code sw} (starts with) or
 * {@code fm} (shell wildcard, as {@code fnmatch}).
 */
public final class DlgsFilter {

    private final String field;
    private final String op;
    private final String value;
    private final Pattern pattern;

    private DlgsFilter(String field, String op, String value, Pattern pattern) {
        this.field = field;
        this.op = op;
        this.value = value;
        this.pattern = pattern;
    }

    /**
     * @throws IllegalArgumentException for an unknown field or operator, or a regular expression
     *     that does not compile
     */
    public static DlgsFilter of(String field, String op, String value) {
        String f = field.toLowerCase(Locale.ROOT);
        if (!f.equals("any") && !f.equals("src") && !f.equals("dst") && !f.equals("data")) {
            throw new IllegalArgumentException("unknown field '" + field + "' (src, dst, data or any)");
        }
        String o = op.toLowerCase(Locale.ROOT);
        try {
            Pattern pattern = switch (o) {
                case "eq", "ne", "sw" -> null;
                case "re" -> Pattern.compile(value, Pattern.CASE_INSENSITIVE);
                case "fm" -> Pattern.compile(glob(value), Pattern.DOTALL);
                default -> throw new IllegalArgumentException("unknown operator '" + op + "' (eq, ne, re, sw or fm)");
            };
            return new DlgsFilter(f, o, value, pattern);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("bad expression '" + value + "': " + e.getDescription(), e);
        }
    }

    /** True for field {@code any}, which takes every record whatever the operator and value. */
    public boolean isAny() {
        return field.equals("any");
    }

    public boolean matches(DlgsRecord record) {
        if (isAny()) {
            return true;
        }
        String text = switch (field) {
            case "src" -> record.src();
            case "dst" -> record.dst();
            default -> record.data();
        };
        return switch (op) {
            case "eq" -> text.equals(value);
            case "ne" -> !text.equals(value);
            case "sw" -> text.startsWith(value);
            case "re" -> pattern.matcher(text).find();
            default -> pattern.matcher(text).matches();
        };
    }

    /** The regular expression of an {@code fnmatch} pattern: {@code *}, {@code ?} and bracket sets. */
    private static String glob(String glob) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            int close = c == '[' ? glob.indexOf(']', i + 2) : -1;
            if (c == '*') {
                regex.append(".*");
            } else if (c == '?') {
                regex.append('.');
            } else if (close > 0) {
                String set = glob.substring(i + 1, close);
                regex.append('[').append(set.startsWith("!") ? "^" + set.substring(1) : set).append(']');
                i = close;
            } else if (c == '\\' && i + 1 < glob.length()) {
                regex.append(Pattern.quote(String.valueOf(glob.charAt(++i))));
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return regex.toString();
    }
}
