package io.switchboard.persistence.htable;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The column names of a hash table's database table: Kamailio's module parameters
 * {@code key_name_column}, {@code key_type_column}, {@code value_type_column},
 * {@code key_value_column} and {@code expires_column} (htable README §3.3–3.7; Kamailio's defaults
 * are {@code key_name, key_type, value_type, key_value, expires}). Names are SQL identifiers,
 * checked here since they go into statements.
 */
public record HtableColumns(String keyName, String keyType, String valueType, String keyValue, String expires) {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?");

    public HtableColumns {
        for (String name : List.of(keyName, keyType, valueType, keyValue, expires)) {
            requireIdentifier(name);
        }
    }

    /**
     * Returns {@code name} when it is a plain SQL identifier (optionally {@code schema.table}).
     *
     * @throws IllegalArgumentException naming it otherwise
     */
    public static String requireIdentifier(String name) {
        if (name == null || !IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("'" + name + "' is not a plain SQL name (letters, digits, '_')");
        }
        return name;
    }
}
