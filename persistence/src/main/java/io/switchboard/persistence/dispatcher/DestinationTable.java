package io.switchboard.persistence.dispatcher;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The dispatcher table of a database reached through JDBC (seed manual 002, 3.2 {@code db_url},
 * 3.3 {@code table_name}, 3.4–3.7 the column names; Kamailio's {@code attrs_col} for the
 * attributes). Every row is one destination with the columns of the list file; a NULL flags,
 * priority or attrs counts as 0 or empty. A row that does not fit is reported by its number and
 * the whole table is refused.
 *
 * @param url the JDBC URL, credentials included as the driver takes them
 * @param table the table name
 * @param columns the column names: set id, destination, flags, priority, attrs
 */
public record DestinationTable(String url, String table, Columns columns) implements DestinationSource {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?");

    /** The column names; Kamailio's defaults are {@link #DEFAULT}. */
    public record Columns(String setId, String destination, String flags, String priority, String attrs) {

        public static final Columns DEFAULT = new Columns("setid", "destination", "flags", "priority", "attrs");
    }

    /**
     * @throws IllegalArgumentException when the table or a column name is not a plain SQL identifier
     */
    public DestinationTable {
        for (String name : List.of(table, columns.setId(), columns.destination(), columns.flags(), columns.priority(),
                columns.attrs())) {
            if (!IDENTIFIER.matcher(name).matches()) {
                throw new IllegalArgumentException("'" + name + "' is not a table or column name");
            }
        }
    }

    @Override
    public List<DestinationRecord> load() throws DestinationLoadException {
        String query = "SELECT " + columns.setId() + ", " + columns.destination() + ", " + columns.flags() + ", "
                + columns.priority() + ", " + columns.attrs() + " FROM " + table;
        String where = "table " + table;
        try (Connection connection = DriverManager.getConnection(url);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(query)) {
            List<DestinationRecord> records = new ArrayList<>();
            int row = 0;
            while (rows.next()) {
                row++;
                String origin = where + " row " + row;
                long setId = rows.getLong(1);
                if (rows.wasNull()) {
                    throw new DestinationLoadException(origin, "no set id");
                }
                String destination = rows.getString(2);
                long flags = rows.getLong(3);
                long priority = rows.getLong(4);
                records.add(DestinationRecord.of(setId, destination, flags, priority, rows.getString(5), origin));
            }
            return records;
        } catch (SQLException e) {
            throw new DestinationLoadException(where, "cannot be read: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "database table " + table;
    }
}
