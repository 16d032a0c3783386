package io.switchboard.actors.htable;

import io.switchboard.persistence.htable.HtableDatabase;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The htable module's parameters (htable README §3): the tables, the database they load from
 * ({@code db_url} and the column names, inside {@code database}), {@code array_size_suffix},
 * {@code db_expires} and {@code timer_interval}; plus how long a route waits for the owner's answer
 * to an increment.
 *
 * @param database null when no {@code db-url} is set
 */
public record HtableSettings(List<TableDefinition> tables, HtableDatabase database, String arraySizeSuffix,
        boolean dbExpires, Duration timerInterval, Duration askTimeout) {

    public HtableSettings {
        tables = List.copyOf(tables);
        Map<String, TableDefinition> byName = new HashMap<>();
        for (TableDefinition table : tables) {
            if (byName.put(table.name(), table) != null) {
                throw new IllegalArgumentException("table " + table.name() + " is defined twice");
            }
            if (!table.dbtable().isEmpty() && database == null) {
                throw new IllegalArgumentException("table " + table.name() + " has dbtable=" + table.dbtable()
                        + " but no db-url is set");
            }
        }
        if (timerInterval.isNegative() || timerInterval.isZero()) {
            throw new IllegalArgumentException("timer-interval must be positive, not " + timerInterval);
        }
    }

    /**
     * The items of {@code table} read from its database table (Kamailio's {@code ht_db_load_table}).
     *
     * @throws IllegalStateException naming the table when the database cannot be read
     */
    Map<String, HtItem> load(TableDefinition table, long now) {
        try {
            return TableRows.items(table, database.load(table.dbtable(), expiresColumn(table)), arraySizeSuffix, now);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot load table " + table.name() + " from " + table.dbtable() + ": "
                    + e.getMessage(), e);
        }
    }

    /** Every table with a {@code dbtable}, loaded: what the engine starts with. */
    public Map<String, Map<String, HtItem>> loadAll(long now) {
        Map<String, Map<String, HtItem>> loaded = new HashMap<>();
        tables.stream().filter(t -> !t.dbtable().isEmpty()).forEach(t -> loaded.put(t.name(), load(t, now)));
        return loaded;
    }

    /** Writes {@code content} back, table by table (Kamailio's {@code ht_db_sync_tables}). */
    void save(Map<TableDefinition, Map<String, HtItem>> content, long now) {
        content.forEach((table, items) -> {
            try {
                database.replace(table.dbtable(), TableRows.rows(items, now), expiresColumn(table));
            } catch (SQLException e) {
                throw new IllegalStateException("cannot write table " + table.name() + " to " + table.dbtable() + ": "
                        + e.getMessage(), e);
            }
        });
    }

    private boolean expiresColumn(TableDefinition table) {
        return dbExpires && table.hasAutoexpire();
    }
}
