package io.switchboard.persistence;

import java.sql.SQLException;
import java.sql.Statement;

/**
 * The PostgreSQL advisory lock a node takes, for the rest of its transaction, before it creates
 * tables that may be missing (the journal's, {@code call_history}): nodes starting together on an
 * empty database then create them one after the other, and each finds what the one before made,
 * instead of colliding on the catalog.
 */
public final class SchemaLock {

    /** An arbitrary key of PostgreSQL's advisory locks, the same for every table the engine creates. */
    public static final long KEY = 0x5357_4254_4142L;

    private SchemaLock() {
    }

    /** Takes the lock in the transaction of {@code statement} ({@code pg_advisory_xact_lock}); it is released at its end. */
    public static void take(Statement statement) throws SQLException {
        statement.execute("SELECT pg_advisory_xact_lock(" + KEY + ")");
    }
}
