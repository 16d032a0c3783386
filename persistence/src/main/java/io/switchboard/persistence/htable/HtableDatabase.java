package io.switchboard.persistence.htable;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes hash tables in a relational database over JDBC, as Kamailio's htable module
 * does with its {@code db_url} (htable README §2.3, §3.2, §3.9, §3.11): a table is loaded ordered
 * by key name (so the rows of an array key come together), {@code fetch_rows} at a time; at
 * shutdown a table with {@code dbmode=1} replaces the rows with the items in memory. Blocking:
 * call it from a thread meant for I/O. A connection is opened per call.
 */
public final class HtableDatabase {

    private final String url;
    private final HtableColumns columns;
    private final int fetchRows;

    /**
     * @param url a JDBC URL whose driver is on the class path, user and password included where
     *     the driver takes them there ({@code jdbc:h2:mem:kamailio}, {@code jdbc:postgresql://db/kamailio?user=...})
     * @param fetchRows rows fetched per round trip ({@code fetch_rows}, default 100)
     */
    public HtableDatabase(String url, HtableColumns columns, int fetchRows) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("no database URL");
        }
        if (fetchRows < 1) {
            throw new IllegalArgumentException("fetch rows must be at least 1, not " + fetchRows);
        }
        this.url = url;
        this.columns = columns;
        this.fetchRows = fetchRows;
    }

    /**
     * The rows of {@code table} ordered by key name. Without {@code withExpires} the expires
     * column is not read and every row has 0, as Kamailio does when {@code db_expires} is 0.
     *
     * @throws SQLException when the database cannot be reached or the table read
     */
    public List<HtableRow> load(String table, boolean withExpires) throws SQLException {
        String sql = "SELECT " + columns.keyName() + ", " + columns.keyType() + ", " + columns.valueType() + ", "
                + columns.keyValue() + (withExpires ? ", " + columns.expires() : "")
                + " FROM " + HtableColumns.requireIdentifier(table) + " ORDER BY " + columns.keyName();
        List<HtableRow> rows = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url);
                Statement statement = connection.createStatement()) {
            statement.setFetchSize(fetchRows);
            try (ResultSet result = statement.executeQuery(sql)) {
                while (result.next()) {
                    String name = result.getString(1);
                    if (name == null) {
                        throw new SQLException("table " + table + ": a row has no " + columns.keyName());
                    }
                    String value = result.getString(4);
                    if (value == null) {
                        throw new SQLException("table " + table + ": key '" + name + "' has no " + columns.keyValue());
                    }
                    rows.add(new HtableRow(name, result.getInt(2), result.getInt(3), value,
                            withExpires ? result.getLong(5) : 0));
                }
            }
        }
        return rows;
    }

    /**
     * Replaces every row of {@code table} with {@code rows}, in one transaction (Kamailio deletes
     * the records, then inserts the items). The expires column is written only with
     * {@code withExpires}.
     *
     * @throws SQLException when it fails; the table is then left as it was
     */
    public void replace(String table, List<HtableRow> rows, boolean withExpires) throws SQLException {
        String name = HtableColumns.requireIdentifier(table);
        String insert = "INSERT INTO " + name + " (" + columns.keyName() + ", " + columns.keyType() + ", "
                + columns.valueType() + ", " + columns.keyValue() + (withExpires ? ", " + columns.expires() : "")
                + ") VALUES (?, ?, ?, ?" + (withExpires ? ", ?" : "") + ")";
        try (Connection connection = DriverManager.getConnection(url)) {
            connection.setAutoCommit(false);
            try (Statement delete = connection.createStatement();
                    PreparedStatement statement = connection.prepareStatement(insert)) {
                delete.executeUpdate("DELETE FROM " + name);
                for (HtableRow row : rows) {
                    statement.setString(1, row.keyName());
                    statement.setInt(2, row.keyType());
                    statement.setInt(3, row.valueType());
                    statement.setString(4, row.keyValue());
                    if (withExpires) {
                        statement.setLong(5, row.expires());
                    }
                    statement.addBatch();
                }
                statement.executeBatch();
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        }
    }
}
