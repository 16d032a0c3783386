package io.switchboard.engine.dialog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.typesafe.config.ConfigFactory;
import io.switchboard.actors.dialog.DialogSnapshot;
import io.switchboard.actors.dialog.DialogState;
import io.switchboard.engine.Engine;
import io.switchboard.engine.dispatcher.UdpDestination;
import io.switchboard.engine.htable.Ctl;
import io.switchboard.engine.htable.TestEngine;
import io.switchboard.persistence.JournalSettings;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The call history in a running engine on the H2 journal: calls relayed over UDP by the built-in
 * proxy route to one destination end, {@code dlg.history} over HTTP lists them newest first with
 * their codes, causes and destination, and the engine's stop writes them to {@code call_history}
 * in the journal's file (the flush interval is an hour, so only the stop writes them).
 */
class CallHistoryTest {

    private static final long WAIT_NANOS = TimeUnit.SECONDS.toNanos(10);

    @TempDir
    Path dataDir;

    private UdpDestination ua;
    private Engine engine;

    @BeforeEach
    void start() throws Exception {
        ua = new UdpDestination();
        engine = TestEngine.start("persistence { journal = h2, data-dir = \"" + dataDir.toString().replace('\\', '/')
                + "\" }, proxy.destinations = [\"" + ua.uri() + "\"], dialog.history.flush-interval = 1h");
    }

    @AfterEach
    void stop() {
        ua.close();
        engine.stop().toCompletableFuture().join();
    }

    private JsonNode history(String... count) {
        String[] command = new String[count.length + 1];
        command[0] = "dlg.history";
        System.arraycopy(count, 0, command, 1, count.length);
        Ctl answer = Ctl.call(engine, command);
        assertEquals(0, answer.status(), answer.error());
        return answer.result();
    }

    private JsonNode awaitRecord(String callId) throws InterruptedException {
        long until = System.nanoTime() + WAIT_NANOS;
        while (System.nanoTime() < until) {
            for (JsonNode call : history()) {
                if (callId.equals(call.get("call-id").asText())) {
                    return call;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no record of " + callId + " in " + history());
    }

    private void awaitAnswered(String callId) throws InterruptedException {
        long until = System.nanoTime() + WAIT_NANOS;
        while (engine.dialogs().dialogs().directory().get(callId).map(DialogSnapshot::state).filter(
                DialogState::isConfirmed).isEmpty() && System.nanoTime() < until) {
            Thread.sleep(10);
        }
        assertTrue(engine.dialogs().dialogs().directory().get(callId).orElseThrow().state().isConfirmed());
    }

    @Test
    void endedCallsAreListedNewestFirstAndWrittenToTheJournalsDatabaseAtStop() throws Exception {
        ua.inviteCode = 486;
        String busy = ua.sendInvite("busy", "history.test", TestEngine.udpPort(engine));
        JsonNode failed = awaitRecord(busy);
        assertEquals(486, failed.get("final_code").asInt());
        assertEquals("failed", failed.get("ended_by").asText());
        assertEquals(0, failed.get("duration_ms").asLong());
        assertEquals(ua.uri(), failed.get("destination").asText());
        assertEquals("sip:alice@example.com", failed.get("caller").asText());
        assertEquals("sip:busy@example.org", failed.get("callee").asText());
        assertTrue(failed.get("end_ms").asLong() >= failed.get("start_ms").asLong());

        ua.inviteCode = 200;
        String answered = ua.sendInvite("answered", "history.test", TestEngine.udpPort(engine));
        awaitAnswered(answered);
        Ctl terminated = Ctl.call(engine, "dlg.terminate_dlg", answered, "caller", "gw");
        assertEquals(0, terminated.status(), terminated.error());
        JsonNode ended = awaitRecord(answered);
        assertEquals(200, ended.get("final_code").asInt());
        assertEquals("management", ended.get("ended_by").asText());
        assertNotEquals(0, ended.get("answer_ms").asLong());
        assertEquals(ended.get("end_ms").asLong() - ended.get("answer_ms").asLong(), ended.get("duration_ms").asLong());
        assertEquals(ended.get("answer_ms").asLong() - ended.get("start_ms").asLong(), ended.get("pdd_ms").asLong(),
                "no provisional reply: the delay runs to the 200");

        JsonNode latest = history("1");
        assertEquals(1, latest.size());
        assertEquals(answered, latest.get(0).get("call-id").asText(), "newest first");
        assertEquals(2, history().size());
        assertNotEquals(0, Ctl.call(engine, "dlg.history", "0").status(), "a count below 1 is refused");
        assertEquals(0, TestEngine.statistic(engine, "dialog:history_write_errors"));

        engine.stop().toCompletableFuture().join();
        JournalSettings journal = JournalSettings.fromConfig(ConfigFactory.parseString(
                        "switchboard.persistence { journal = h2, data-dir = \"" + dataDir.toString().replace('\\', '/')
                                + "\" }").withFallback(ConfigFactory.defaultReference()).getConfig("switchboard"));
        try (Connection connection = journal.connect(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT call_id, final_code, ended_by FROM call_history ORDER BY end_ms")) {
            assertTrue(rows.next());
            assertEquals(busy, rows.getString(1));
            assertEquals(486, rows.getInt(2));
            assertTrue(rows.next());
            assertEquals(answered, rows.getString(1));
            assertEquals("management", rows.getString(3));
            assertTrue(!rows.next(), "one record per call");
        }
    }
}
