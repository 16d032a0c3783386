package io.switchboard.loadtests.sipp;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A schema of its own in the PostgreSQL of the test machine (127.0.0.1:5432, database
 * {@code test}, trust authentication) for one test's journal: the engine creates it and its tables
 * at start-up, {@link #close()} drops them.
 */
final class PostgresSchema implements AutoCloseable {

    private static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";
    private static final String USER = "postgres";

    private final String name;

    private PostgresSchema(String name) {
        this.name = name;
    }

    static PostgresSchema create() {
        return new PostgresSchema("sb_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
    }

    /** The {@code switchboard.persistence} keys that put an engine's journal in this schema. */
    String settings() {
        return "postgres { url = \"" + URL + "\", user = " + USER + ", schema = " + name + " }";
    }

    /** The single number {@code sql} selects, run in this schema. */
    long count(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(URL + "?currentSchema=" + name, USER, "");
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** The rows {@code sql} selects, run in this schema, one line each with the columns tab-separated. */
    String rows(String sql) throws SQLException {
        StringBuilder text = new StringBuilder();
        try (Connection connection = DriverManager.getConnection(URL + "?currentSchema=" + name, USER, "");
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                for (int column = 1; column <= columns; column++) {
                    text.append(column > 1 ? "\t" : "").append(rows.getString(column));
                }
                text.append('\n');
            }
        }
        return text.toString();
    }

    @Override
    public void close() throws SQLException {
        try (Connection connection = DriverManager.getConnection(URL, USER, "");
                Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
        }
    }
}
