package io.switchboard.engine.htable;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import io.switchboard.actors.htable.HtableSettings;
import io.switchboard.actors.htable.TableDefinition;
import io.switchboard.engine.config.SettingsException;
import io.switchboard.persistence.htable.HtableColumns;
import io.switchboard.persistence.htable.HtableDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code switchboard.htable}, Kamailio's htable module parameters in kebab-case (htable
 * README §3). A wrong value, a table definition that does not parse or a table defined twice stops
 * start-up with a {@link SettingsException} naming it.
 */
public final class HtableConfig {

    private static final String PREFIX = "switchboard.htable";

    private HtableConfig() {
    }

    /** The definitions in {@code htable.tables} of the {@code switchboard} block. */
    public static List<TableDefinition> definitions(Config switchboard) {
        List<String> specs;
        try {
            specs = switchboard.getStringList("htable.tables");
        } catch (ConfigException e) {
            throw new SettingsException("setting " + PREFIX + ".tables: " + e.getMessage(), e);
        }
        List<TableDefinition> tables = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            try {
                tables.add(TableDefinition.parse(specs.get(i)));
            } catch (IllegalArgumentException e) {
                throw new SettingsException("setting " + PREFIX + ".tables[" + i + "]: " + e.getMessage(), e);
            }
        }
        return tables;
    }

    /** The module's settings from the {@code switchboard} block. */
    public static HtableSettings read(Config switchboard) {
        List<TableDefinition> tables = definitions(switchboard);
        Config c = switchboard.getConfig("htable");
        try {
            HtableColumns columns = new HtableColumns(c.getString("key-name-column"), c.getString("key-type-column"),
                    c.getString("value-type-column"), c.getString("key-value-column"), c.getString("expires-column"));
            String url = c.getString("db-url");
            int fetchRows = c.getInt("fetch-rows");
            if (fetchRows < 1) {
                throw new SettingsException("setting " + PREFIX + ".fetch-rows must be at least 1, not " + fetchRows);
            }
            HtableDatabase database = url.isBlank() ? null : new HtableDatabase(url, columns, fetchRows);
            Duration askTimeout = SecondsSetting.read(c, "ask-timeout", PREFIX);
            if (askTimeout.isZero()) {
                throw new SettingsException("setting " + PREFIX + ".ask-timeout must be positive");
            }
            return new HtableSettings(tables, database, c.getString("array-size-suffix"),
                    SecondsSetting.flag(c, "db-expires", PREFIX), SecondsSetting.read(c, "timer-interval", PREFIX),
                    askTimeout);
        } catch (ConfigException e) {
            throw new SettingsException("setting " + PREFIX + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new SettingsException("setting " + PREFIX + ": " + e.getMessage(), e);
        }
    }
}
