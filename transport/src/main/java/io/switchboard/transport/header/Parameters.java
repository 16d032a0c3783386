package io.switchboard.transport.header;

import io.switchboard.transport.parse.SipParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code ;name=value} parameters of a header field value (RFC 3261 §25.1 {@code
 * generic-param}): kept in order, looked up by case-insensitive name. A parameter without a value
 * (such as {@code ;lr} or {@code ;rport}) reads as the empty string. Values are kept as written,
 * quoted strings with their quotes.
 */
public final class Parameters {

    private static final Parameters EMPTY = new Parameters(List.of(), List.of());

    private final List<String> names;
    private final List<String> values;

    private Parameters(List<String> names, List<String> values) {
        this.names = names;
        this.values = values;
    }

    public static Parameters empty() {
        return EMPTY;
    }

    /** Reads {@code *( SEMI generic-param )} from the scanner's position. */
    static Parameters read(ValueScanner in) throws SipParseException {
        if (!in.peek(';')) {
            return EMPTY;
        }
        List<String> names = new ArrayList<>(4);
        List<String> values = new ArrayList<>(4);
        while (in.consume(';')) {
            names.add(in.token("parameter name"));
            if (in.consume('=')) {
                values.add(in.peek('"') ? in.quotedString("parameter value") : in.word(";,?>", "parameter value"));
            } else {
                values.add(null);
            }
        }
        return new Parameters(names, values);
    }

    /** The value of {@code name}: "" for a flag, null when absent; quoted values keep their quotes. */
    public String get(String name) {
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equalsIgnoreCase(name)) {
                String value = values.get(i);
                return value == null ? "" : value;
            }
        }
        return null;
    }

    /** The value of {@code name} with surrounding quotes and quoted pairs resolved. */
    public String unquoted(String name) {
        String value = get(name);
        return value == null ? null : ValueScanner.unquote(value);
    }

    public boolean has(String name) {
        return get(name) != null;
    }

    public boolean isEmpty() {
        return names.isEmpty();
    }

    public int size() {
        return names.size();
    }

    /** Parameters in order, flags mapped to "". */
    public Map<String, String> asMap() {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            map.put(names.get(i), values.get(i) == null ? "" : values.get(i));
        }
        return Collections.unmodifiableMap(map);
    }

    /** A copy with {@code name} set to {@code value} (null for a flag), replacing any present. */
    public Parameters with(String name, String value) {
        List<String> newNames = new ArrayList<>(names);
        List<String> newValues = new ArrayList<>(values);
        for (int i = 0; i < newNames.size(); i++) {
            if (newNames.get(i).equalsIgnoreCase(name)) {
                newValues.set(i, value);
                return new Parameters(newNames, newValues);
            }
        }
        newNames.add(name);
        newValues.add(value);
        return new Parameters(newNames, newValues);
    }

    /** A copy without {@code name}. */
    public Parameters without(String name) {
        List<String> newNames = new ArrayList<>(names.size());
        List<String> newValues = new ArrayList<>(values.size());
        for (int i = 0; i < names.size(); i++) {
            if (!names.get(i).equalsIgnoreCase(name)) {
                newNames.add(names.get(i));
                newValues.add(values.get(i));
            }
        }
        return new Parameters(newNames, newValues);
    }

    /** Appends {@code ;name=value...} to {@code out}. */
    void appendTo(StringBuilder out) {
        for (int i = 0; i < names.size(); i++) {
            out.append(';').append(names.get(i));
            if (values.get(i) != null) {
                out.append('=').append(values.get(i));
            }
        }
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        appendTo(out);
        return out.toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Parameters p && p.asMap().equals(asMap());
    }

    @Override
    public int hashCode() {
        return asMap().hashCode();
    }
}
