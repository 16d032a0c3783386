package io.switchboard.actors.htable;

import io.switchboard.persistence.htable.HtableRow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts between a table's database rows and its items, as Kamailio's {@code ht_db.c} does.
 * Loading: rows ordered by key name; a run of rows with {@code key_type} 1 and the same name
 * becomes the array {@code name[0]}, {@code name[1]}, ... plus {@code name::size} holding the count
 * (the suffix is the {@code array_size_suffix} parameter; htable README §1 "Storing array values").
 * Saving: every live item as a simple key, arrays included element by element.
 */
public final class TableRows {

    private TableRows() {
    }

    /**
     * The items of {@code rows} for {@code table}. Rows carrying an expiry ({@code db_expires})
     * in a table with {@code autoexpire} keep it, and are skipped when it has passed; the others
     * expire as new items do.
     *
     * @throws IllegalArgumentException naming the key whose integer value does not parse
     */
    public static Map<String, HtItem> items(TableDefinition table, List<HtableRow> rows, String sizeSuffix, long now) {
        Map<String, HtItem> items = new HashMap<>();
        String array = null;
        int n = 0;
        for (HtableRow row : rows) {
            if (array != null && !array.equals(row.keyName())) {
                items.put(array + sizeSuffix, table.set(null, HtValue.of(n), 0, now));
                array = null;
                n = 0;
            }
            if (table.hasAutoexpire() && row.expires() > 0 && row.expires() * 1000 < now) {
                continue;
            }
            String name = row.keyName();
            if (row.keyType() == HtableRow.ARRAY_KEY) {
                array = row.keyName();
                name = array + "[" + n++ + "]";
            }
            HtItem item = table.set(null, value(table, row), 0, now);
            if (table.hasAutoexpire() && row.expires() > 0) {
                item = new HtItem(item.value(), row.expires() * 1000);
            }
            items.put(name, item);
        }
        if (array != null) {
            items.put(array + sizeSuffix, table.set(null, HtValue.of(n), 0, now));
        }
        return items;
    }

    private static HtValue value(TableDefinition table, HtableRow row) {
        if (row.valueType() != HtableRow.INTEGER_VALUE) {
            return HtValue.of(row.keyValue());
        }
        try {
            return HtValue.of(Long.parseLong(row.keyValue().trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("table " + table.dbtable() + ": key '" + row.keyName()
                    + "' has value_type 1 but '" + row.keyValue() + "' is not an integer", e);
        }
    }

    /** The rows to write back: the items not expired at {@code now}, expiry in epoch seconds. */
    public static List<HtableRow> rows(Map<String, HtItem> items, long now) {
        List<HtableRow> rows = new ArrayList<>();
        items.forEach((key, item) -> {
            if (!item.isExpiredAt(now)) {
                HtValue value = item.value();
                rows.add(new HtableRow(key, HtableRow.SIMPLE_KEY,
                        value.integer() ? HtableRow.INTEGER_VALUE : HtableRow.STRING_VALUE, value.toString(),
                        item.expires() / 1000));
            }
        });
        return rows;
    }
}
