package io.switchboard.persistence.htable;

/**
 * One row of a hash table's database table, in the columns of Kamailio's {@code htable} schema
 * (seed manual 003 HTABLE; Kamailio htable README §2.3 "Loading from database").
 *
 * @param keyName the item's name, or the array's name when {@code keyType} is 1
 * @param keyType 0 for a simple key, 1 for one element of an array key ({@code name[n]})
 * @param valueType 0 for a string value, 1 for an integer
 * @param keyValue the value as text
 * @param expires when the item expires, in seconds since the epoch; 0 for never
 */
public record HtableRow(String keyName, int keyType, int valueType, String keyValue, long expires) {

    /** {@code key_type} of a simple key. */
    public static final int SIMPLE_KEY = 0;
    /** {@code key_type} of an array element. */
    public static final int ARRAY_KEY = 1;
    /** {@code value_type} of a string. */
    public static final int STRING_VALUE = 0;
    /** {@code value_type} of an integer. */
    public static final int INTEGER_VALUE = 1;

    public HtableRow {
        if (keyName == null) {
            throw new IllegalArgumentException("key name must not be null");
        }
        if (keyValue == null) {
            throw new IllegalArgumentException("value of key '" + keyName + "' must not be null");
        }
    }
}
