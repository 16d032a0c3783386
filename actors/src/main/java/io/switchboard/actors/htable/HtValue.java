package io.switchboard.actors.htable;

/**
 * The value of a hash-table item: a string or an integer, as Kamailio's {@code $sht(...)} holds
 * (the cell's {@code AVP_VAL_STR} flag tells which; htable README §1).
 *
 * @param integer true for an integer
 * @param number the integer, when {@code integer}
 * @param text the string, when not {@code integer}; null otherwise
 */
public record HtValue(boolean integer, long number, String text) {

    /** Kamailio's {@code AVP_VAL_STR}, the cell flag of a string value ({@code htable.get} prints the flags). */
    public static final int AVP_VAL_STR = 1 << 1;

    public HtValue {
        if (!integer && text == null) {
            throw new IllegalArgumentException("a string value must not be null");
        }
        if (integer) {
            text = null;
        }
    }

    public static HtValue of(String text) {
        return new HtValue(false, 0, text);
    }

    public static HtValue of(long number) {
        return new HtValue(true, number, null);
    }

    /** The number of an integer; a string has none. */
    public long asLong() {
        if (!integer) {
            throw new IllegalStateException("'" + text + "' is a string, not an integer");
        }
        return number;
    }

    /** The value for JSON and the database: the string, or the integer as a number. */
    public Object asObject() {
        return integer ? (Object) number : text;
    }

    /** Kamailio's cell flags: {@link #AVP_VAL_STR} for a string, 0 for an integer. */
    public int flags() {
        return integer ? 0 : AVP_VAL_STR;
    }

    /** {@code "str"} or {@code "int"}, as {@code htable.dump} names the type. */
    public String typeName() {
        return integer ? "int" : "str";
    }

    /** The string, or the integer in decimal. */
    @Override
    public String toString() {
        return integer ? Long.toString(number) : text;
    }
}
