package io.switchboard.actors.dialog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class DialogDirectoryTest {

    private static DialogSnapshot in(DialogState state, String callId) {
        Dialog dialog = DialogTransitionsTest.dialogIn(state);
        InitialInvite base = dialog.invite();
        InitialInvite invite = new InitialInvite(callId, base.fromUri(), base.fromTag(), base.toUri(), base.requestUri(),
                base.callerContact(), base.cseq(), base.recordRoutes(), base.ownRecordRoutes(), base.callerSocket(),
                base.calleeSocket());
        return new Dialog(dialog.state(), invite, dialog.properties(), dialog.initMillis(), dialog.lifetimeSeconds(),
                dialog.answer(), dialog.callerCseq(), dialog.calleeCseq(), dialog.deadlines(), dialog.ending(), dialog.profiles(),
                dialog.ringingMillis(), dialog.attributes()).snapshot();
    }

    @Test
    void holdsLiveDialogsAndCountsThemByState() {
        DialogDirectory directory = new DialogDirectory();
        directory.put(in(DialogState.UNCONFIRMED, "a"));
        directory.put(in(DialogState.EARLY, "b"));
        directory.put(in(DialogState.CONFIRMED_NA, "c"));
        directory.put(in(DialogState.CONFIRMED, "d"));
        directory.put(in(DialogState.CONFIRMED, "e"));
        assertEquals(5, directory.size());
        assertEquals(new DialogDirectory.ActiveCounts(1, 1, 1, 2), directory.activeCounts());
        assertEquals(5, directory.activeCounts().all());

        directory.put(in(DialogState.DELETED, "e"));
        directory.remove("a");
        assertEquals(3, directory.size());
        assertEquals(Optional.empty(), directory.get("e"));
        assertEquals(DialogState.EARLY, directory.get("b").orElseThrow().state());
        DialogKey key = DialogKey.of("d");
        assertEquals("d", directory.find(key.hEntry(), key.hId()).orElseThrow().callId());
        assertTrue(directory.list().stream().noneMatch(d -> d.callId().equals("a")));
    }
}
