package io.switchboard.actors.htable;

import java.util.Locale;

/**
 * One hash table as Kamailio's {@code htable} module parameter defines it (htable README §3.1):
 * {@code name=>size=8;autoexpire=300;updateexpire=1;initval=0;dbtable=htable_a;dbmode=1}, and the
 * rules its items follow (Kamailio's {@code ht_api.c}): when an item expires after a set, an
 * increment or an explicit expiry, and what an increment of a missing item gives.
 *
 * @param name the table's name, as routes and RPC commands use it
 * @param slots the number of slots, {@code 2^size} ({@code size} 2 to 31, default 4; smaller is
 *     taken as 3, larger as 14, as Kamailio does). Items are not limited by it; it shapes
 *     {@code htable.dump} and {@code htable.stats}
 * @param autoexpire seconds after which an item not updated is deleted; 0 for never
 * @param updateexpire whether a set or increment starts the expiry again (default true)
 * @param initval the integer a missing key reads as and an increment starts from; null when unset
 * @param dbtable the database table loaded at start and by {@code htable.reload}; empty for none
 * @param dbmode 1 to write the table back to {@code dbtable} when the engine stops
 * @param dmqreplicate Kamailio's DMQ flag, accepted and shown by {@code htable.listTables}; every
 *     table is replicated to every node here
 */
public record TableDefinition(String name, int slots, long autoexpire, boolean updateexpire, Long initval,
        String dbtable, int dbmode, int dmqreplicate) {

    private static final int DEFAULT_SIZE = 4;

    public TableDefinition {
        if (name == null || name.isEmpty() || name.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("a table needs a name without spaces, not '" + name + "'");
        }
        if (Integer.bitCount(slots) != 1) {
            throw new IllegalArgumentException("table " + name + ": slots must be a power of two, not " + slots);
        }
        dbtable = dbtable == null ? "" : dbtable;
    }

    /**
     * Parses Kamailio's definition, {@code name=>attr=value;attr=value;...}.
     *
     * @throws IllegalArgumentException naming the table and the attribute that is wrong
     */
    public static TableDefinition parse(String spec) {
        int arrow = spec.indexOf("=>");
        if (arrow < 0) {
            throw new IllegalArgumentException("'" + spec + "' is not name=>attributes");
        }
        String name = spec.substring(0, arrow).trim();
        if (name.isEmpty()) {
            throw new IllegalArgumentException("'" + spec + "' has no table name before =>");
        }
        int size = DEFAULT_SIZE;
        long autoexpire = 0;
        boolean updateexpire = true;
        Long initval = null;
        String dbtable = "";
        int dbmode = 0;
        int dmqreplicate = 0;
        for (String attribute : spec.substring(arrow + 2).split(";")) {
            if (attribute.isBlank()) {
                continue;
            }
            int equals = attribute.indexOf('=');
            String key = (equals < 0 ? attribute : attribute.substring(0, equals)).trim();
            String value = equals < 0 ? "" : unquote(attribute.substring(equals + 1).trim());
            switch (key) {
                case "size" -> size = (int) number(name, key, value, 0, Integer.MAX_VALUE);
                case "autoexpire" -> autoexpire = number(name, key, value, 0, Integer.MAX_VALUE);
                case "updateexpire" -> updateexpire = number(name, key, value, 0, Integer.MAX_VALUE) != 0;
                case "initval" -> initval = number(name, key, value, Long.MIN_VALUE, Long.MAX_VALUE);
                case "dbtable" -> dbtable = value;
                case "dbmode" -> dbmode = (int) number(name, key, value, 0, 1);
                case "dmqreplicate" -> dmqreplicate = (int) number(name, key, value, 0, 1);
                case "cols", "coldelim", "colnull", "reloadat" -> throw new IllegalArgumentException(
                        "table " + name + ": attribute " + key + " is not supported");
                default -> throw new IllegalArgumentException("table " + name + ": unknown attribute '" + key + "'");
            }
        }
        int exponent = size <= 1 ? 3 : size > 31 ? 14 : Math.min(size, 30);
        return new TableDefinition(name, 1 << exponent, autoexpire, updateexpire, initval, dbtable, dbmode,
                dmqreplicate);
    }

    private static long number(String table, String key, String value, long min, long max) {
        try {
            long n = Long.parseLong(value);
            if (n < min || n > max) {
                throw new IllegalArgumentException("table " + table + ": " + key + " must be between " + min
                        + " and " + max + ", not " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("table " + table + ": " + key + " must be an integer, not '"
                    + value + "'", e);
        }
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1) : value;
    }

    public boolean hasAutoexpire() {
        return autoexpire > 0;
    }

    /** The slot of {@code key}, as {@code htable.dump} groups items ({@code entry}). */
    public int slotOf(String key) {
        int h = key.toLowerCase(Locale.ROOT).hashCode();
        return (h ^ (h >>> 16)) & (slots - 1);
    }

    /** A new item's expiry: {@code autoexpire} from now, or never. */
    private long fresh(long now) {
        return hasAutoexpire() ? now + autoexpire * 1000 : 0;
    }

    /**
     * The item after setting {@code value} over {@code current} (null when missing or expired):
     * {@code ht_set_cell}. With {@code seconds > 0} ({@code sht_setxs}, {@code sht_setxi}) the item
     * expires then, if the table expires items at all; otherwise a new item gets the table's
     * expiry and an existing one keeps its own unless {@code updateexpire}.
     */
    public HtItem set(HtItem current, HtValue value, long seconds, long now) {
        long expires;
        if (seconds > 0) {
            expires = hasAutoexpire() ? now + seconds * 1000 : 0;
        } else if (current == null || updateexpire) {
            expires = fresh(now);
        } else {
            expires = current.expires();
        }
        return new HtItem(value, expires);
    }

    /**
     * The item after adding {@code delta} ({@code $shtinc}, {@code $shtdec}; {@code ht_cell_value_add}),
     * or null when it cannot be done: a string value, or a missing item in a table without
     * {@code initval}. A missing item starts from {@code initval}.
     */
    public HtItem add(HtItem current, long delta, long now) {
        if (current == null) {
            return initval == null ? null : new HtItem(HtValue.of(initval + delta), fresh(now));
        }
        if (!current.value().integer()) {
            return null;
        }
        return new HtItem(HtValue.of(current.value().number() + delta), updateexpire ? fresh(now) : current.expires());
    }

    /**
     * The item with its expiry set to {@code seconds} from now ({@code $shtex}; {@code ht_set_cell_expire}),
     * 0 or less meaning never. As in Kamailio, only tables with {@code autoexpire} expire items:
     * elsewhere the item is returned unchanged.
     */
    public HtItem expireIn(HtItem current, long seconds, long now) {
        if (!hasAutoexpire()) {
            return current;
        }
        return new HtItem(current.value(), seconds > 0 ? now + seconds * 1000 : 0);
    }
}
