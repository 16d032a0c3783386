package io.switchboard.persistence.history;

import io.switchboard.persistence.JournalSettings;
import java.sql.SQLException;
import java.util.List;

/**
 * Where {@link CallHistoryWriter} puts the records of ended calls: the {@code call_history} table
 * of the journal's database ({@link JdbcCallHistory}), or memory with the memory journal
 * ({@link MemoryCallHistory}). Used by one writer thread and the {@code dlg.history} command.
 */
public interface CallHistoryStore extends AutoCloseable {

    /** Writes {@code calls} in one round trip. */
    void insert(List<CallRecord> calls) throws SQLException;

    /** The latest {@code count} records, newest first. */
    List<CallRecord> latest(int count) throws SQLException;

    @Override
    void close();

    /** The store of {@code journal}: its database's table, created if missing, or memory keeping {@code memorySize} records. */
    static CallHistoryStore of(JournalSettings journal, CallHistorySettings settings) throws SQLException {
        return journal.durable() ? JdbcCallHistory.open(journal::connect)
                : new MemoryCallHistory(settings.memorySize());
    }
}
