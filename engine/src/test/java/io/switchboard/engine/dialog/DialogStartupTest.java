package io.switchboard.engine.dialog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.actors.dialog.DialogProperties;
import io.switchboard.actors.dialog.DialogSnapshot;
import io.switchboard.actors.dialog.DialogState;
import io.switchboard.actors.dialog.Dialogs;
import io.switchboard.actors.dialog.InitialInvite;
import io.switchboard.engine.Engine;
import io.switchboard.engine.config.ConfigLoader;
import io.switchboard.engine.config.SettingsException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dialog module as the engine starts and stops it: a wrong journal or dialog setting
 * stops start-up naming its key; on the H2 journal a clean stop leaves the dialogs written and the
 * database file closed, and the next start runs them again.
 */
class DialogStartupTest {

    @TempDir
    Path dir;

    private static String failure(String settings) {
        return assertThrows(SettingsException.class, () -> Engine.start(ConfigLoader.parse("switchboard { listen = "
                + "[\"udp:127.0.0.1:0\"], rpc.listen = \"127.0.0.1:0\", " + settings + " }"))).getMessage();
    }

    @Test
    void aWrongSettingStopsStartUpNamingIt() {
        assertTrue(failure("dialog.dlg-match-mode = 7").contains("switchboard.dialog.dlg-match-mode"));
        assertTrue(failure("dialog.dlg-flag = 32").contains("switchboard.dialog.dlg-flag"));
        assertTrue(failure("dialog.early-timeout = -5").contains("switchboard.dialog.early-timeout"));
        assertTrue(failure("dialog.rr-param = \"a b\"").contains("switchboard.dialog.rr-param"));
        assertTrue(failure("dialog.enable = sometimes").contains("switchboard.dialog.enable"));
        assertTrue(failure("dialog.ask-timeout = 0s").contains("switchboard.dialog.ask-timeout"));
        assertTrue(failure("persistence.journal = mysql").contains("switchboard.persistence.journal"));
    }

    private Engine start() {
        return Engine.start(ConfigLoader.parse("switchboard { listen = [\"udp:127.0.0.1:0\"], rpc.listen = \"127.0.0.1:0\","
                + " shutdown-timeout = 1s, persistence { journal = h2, data-dir = \"" + dir.resolve("data").toString()
                .replace('\\', '/') + "\" } }"));
    }

    private static DialogState awaitState(Dialogs dialogs, String callId, DialogState state) throws InterruptedException {
        long until = System.nanoTime() + 20_000_000_000L;
        while (dialogs.directory().get(callId).map(DialogSnapshot::state).orElse(null) != state
                && System.nanoTime() < until) {
            Thread.sleep(10);
        }
        return dialogs.directory().get(callId).map(DialogSnapshot::state).orElse(null);
    }

    @Test
    void aCleanStopClosesTheJournalAndTheNextStartRunsTheDialogsAgain() throws Exception {
        String callId = "startup-1@engine.test";
        Engine first = start();
        Dialogs dialogs = first.dialogs().dialogs();
        String socket = first.listeners().get(0).toString();
        dialogs.track(new InitialInvite(callId, "sip:alice@example.com", "a1", "sip:bob@example.org",
                "sip:bob@example.org", "sip:alice@192.0.2.1", 1, List.of(), 0, socket, socket), DialogProperties.NONE);
        dialogs.answered(callId, "b1", "sip:bob@192.0.2.2", List.of());
        dialogs.inDialogRequest(callId, "ACK", 1, "a1", "b1", Dialogs.did(callId));
        assertEquals(DialogState.CONFIRMED, awaitState(dialogs, callId, DialogState.CONFIRMED));
        first.stop().toCompletableFuture().join();

        try (FileChannel file = FileChannel.open(dir.resolve("data").resolve("journal.mv.db"), StandardOpenOption.READ,
                StandardOpenOption.WRITE); FileLock lock = file.tryLock()) {
            assertTrue(lock != null, "H2 has closed the journal's file");
        }

        Engine second = start();
        try {
            assertEquals(DialogState.CONFIRMED, awaitState(second.dialogs().dialogs(), callId, DialogState.CONFIRMED),
                    "running again without a message");
        } finally {
            second.stop().toCompletableFuture().join();
        }
    }
}
