package io.switchboard.persistence.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import io.switchboard.persistence.JournalSettings;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The batching writer of the call history on the H2 file of the journal, and in memory. */
class CallHistoryWriterTest {

    @TempDir
    Path dataDir;

    static CallRecord call(int n) {
        long start = 1_700_000_000_000L + n * 1000L;
        return new CallRecord("call-" + n + "@history.test", "sip:alice@example.net", "sip:bob@example.org",
                "sip:bob@example.org", "sip:gw1.example.net", start, start + 300, start + 2000, start + 62_000, 200,
                "caller_bye", "BYE");
    }

    static CallHistorySettings settings(int batchSize, Duration interval) {
        return new CallHistorySettings(true, batchSize, interval, 10_000);
    }

    private JournalSettings h2() {
        return JournalSettings.fromConfig(ConfigFactory.parseString(
                        "switchboard.persistence { journal = h2, data-dir = \"" + dataDir.toString().replace('\\', '/')
                                + "\" }")
                .withFallback(ConfigFactory.defaultReference()).getConfig("switchboard"));
    }

    static long rows(JournalSettings journal) throws SQLException {
        try (Connection connection = journal.connect(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM call_history")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    @Test
    void aThousandCallsGoInTenBatchesAndAllAreInTheTable() throws Exception {
        JournalSettings journal = h2();
        CallHistorySettings settings = settings(100, Duration.ofHours(1));
        try (CallHistoryWriter writer = new CallHistoryWriter(CallHistoryStore.of(journal, settings), settings)) {
            for (int n = 0; n < 1000; n++) {
                writer.record(call(n));
            }
            long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            // the writer's thread adds a batch's records to written() and then counts the batch
            while ((writer.written() < 1000 || writer.batches() < 10) && System.nanoTime() < until) {
                Thread.sleep(20);
            }
            assertEquals(1000, writer.written());
            assertEquals(10, writer.batches(), "one round trip per 100 records");
            assertEquals(1000, rows(journal));
            List<CallRecord> latest = writer.latest(3);
            assertEquals(List.of(call(999), call(998), call(997)), latest);
            assertEquals(0, writer.writeErrors());
        }
    }

    @Test
    void recordsWaitingForTheIntervalAreWrittenAtClose() throws Exception {
        JournalSettings journal = h2();
        CallHistorySettings settings = settings(500, Duration.ofHours(1));
        CallHistoryWriter writer = new CallHistoryWriter(CallHistoryStore.of(journal, settings), settings);
        writer.record(call(1));
        writer.record(call(2));
        assertEquals(List.of(call(2), call(1)), writer.latest(20), "pending records are listed too");
        assertEquals(0, writer.written());
        writer.close();
        assertEquals(2, rows(journal));
        assertEquals(1, writer.batches());
    }

    @Test
    void theIntervalWritesASmallBatch() throws Exception {
        JournalSettings journal = h2();
        CallHistorySettings settings = settings(500, Duration.ofMillis(50));
        try (CallHistoryWriter writer = new CallHistoryWriter(CallHistoryStore.of(journal, settings), settings)) {
            writer.record(call(7));
            long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (writer.written() < 1 && System.nanoTime() < until) {
                Thread.sleep(10);
            }
            assertEquals(1, rows(journal));
        }
    }

    @Test
    void aBatchTheDatabaseRefusesIsCountedNotThrown() throws Exception {
        CallHistoryStore refusing = new CallHistoryStore() {
            @Override
            public void insert(List<CallRecord> calls) throws SQLException {
                throw new SQLException("database is down");
            }

            @Override
            public List<CallRecord> latest(int count) {
                return List.of();
            }

            @Override
            public void close() {
            }
        };
        CallHistoryWriter writer = new CallHistoryWriter(refusing, settings(2, Duration.ofHours(1)));
        for (int n = 0; n < 3; n++) {
            writer.record(call(n));
        }
        writer.close();
        assertEquals(3, writer.writeErrors());
        assertEquals(0, writer.written());
        writer.record(call(4));
        assertEquals(4, writer.writeErrors(), "a record after close is counted too");
    }

    @Test
    void theMemoryHistoryKeepsTheLatestRecordsNewestFirst() throws Exception {
        MemoryCallHistory memory = new MemoryCallHistory(3);
        memory.insert(List.of(call(1), call(2), call(3), call(4), call(5)));
        assertEquals(List.of(call(5), call(4), call(3)), memory.latest(10));
        assertEquals(List.of(call(5)), memory.latest(1));
    }

    @Test
    void durationAndPostDialDelayFollowTheTimes() {
        CallRecord answered = call(0);
        assertEquals(60_000, answered.durationMillis());
        assertEquals(300, answered.postDialDelayMillis());
        CallRecord unanswered = new CallRecord("x", null, null, null, null, 1000, 0, 0, 5000, 0, "timeout",
                "early-timeout");
        assertEquals(0, unanswered.durationMillis());
        assertEquals(0, unanswered.postDialDelayMillis(), "no reply at all");
        assertTrue(unanswered.endMillis() > unanswered.startMillis());
    }
}
