package io.switchboard.actors.dialog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Dialog variables, flags and context (seed manual 001, 7.5–7.7, 7.10, 10.5, 10.6) in the entity:
 * what call setup sets is written with the answer, later changes are journaled one event each,
 * everything survives recovery, and {@code timeout_route} / {@code timeout_bye} act on timeout.
 */
class DialogAttributesTest {

    private static final ActorTestKit KIT = ActorTestKit.create("dialog-attributes", EntityHarness.config());

    @AfterAll
    static void stop() {
        KIT.shutdownTestKit();
    }

    private static List<DialogEvent> change(EntityHarness h, DialogChange change) {
        return h.run(new DialogCommand.Change(change, null));
    }

    private static List<DialogEvent> setVar(EntityHarness h, String name, String value) {
        return change(h, new DialogChange.Variable(name, value));
    }

    @Test
    void setDuringSetupIsWrittenWithTheAnswerAndSurvivesRecovery() {
        EntityHarness h = new EntityHarness(KIT, EntityHarness.settings(""));
        h.track();
        assertEquals(List.of(), setVar(h, "billing", "sip:bill@example.net"), "in memory before the answer");
        assertEquals(List.of(), change(h, new DialogChange.Flag(3, true)));
        assertEquals(List.of(), change(h, new DialogChange.Context("timeout_route", "DLGTIMEOUT")));
        assertEquals("sip:bill@example.net", h.get().attributes().variable("billing"), "dlg.list shows it at once");

        List<DialogEvent> answered = h.answer();
        assertEquals(3, answered.size());
        assertInstanceOf(DialogEvent.Created.class, answered.get(0));
        assertInstanceOf(DialogEvent.AttributesChanged.class, answered.get(1));
        assertInstanceOf(DialogEvent.Answered.class, answered.get(2));

        DialogAttributes recovered = h.entity.restart().state().attributes();
        assertEquals(Map.of("billing", "sip:bill@example.net"), recovered.variables());
        assertTrue(recovered.flagSet(3));
        assertFalse(recovered.flagSet(4));
        assertEquals("DLGTIMEOUT", recovered.timeoutRoute());
        assertEquals(recovered, h.get().attributes(), "the recovered entity lists them");
    }

    @Test
    void aDialogWithoutAttributesWritesNoMoreOnAnswer() {
        EntityHarness h = new EntityHarness(KIT, EntityHarness.settings(""));
        h.track();
        assertEquals(2, h.answer().size(), "Created and Answered only");
    }

    @Test
    void changesOfAConfirmedDialogAreJournaledOnceEachAndRemovingTakesTheVariableAway() {
        EntityHarness h = new EntityHarness(KIT, EntityHarness.settings(""));
        h.confirm();
        assertEquals(1, setVar(h, "a", "1").size());
        assertEquals(List.of(), setVar(h, "a", "1"), "the same value: nothing to write");
        assertEquals(1, setVar(h, "b", "2").size());
        assertEquals(1, change(h, new DialogChange.Flag(0, true)).size());
        assertEquals(1, change(h, new DialogChange.Flag(31, true)).size());
        assertEquals(1, change(h, new DialogChange.Flag(0, false)).size());
        assertEquals(1, setVar(h, "a", "").size(), "an empty value removes it");

        DialogAttributes recovered = h.entity.restart().state().attributes();
        assertEquals(Map.of("b", "2"), recovered.variables());
        assertEquals(1 << 31, recovered.flags());
        assertNull(recovered.variable("a"));
    }

    @Test
    void anEndedDialogTakesNoChange() {
        EntityHarness h = new EntityHarness(KIT, EntityHarness.settings(""));
        h.confirm();
        h.request(Side.CALLER, "BYE", SampleCall.INVITE_CSEQ + 1);
        Boolean live = h.entity.<Boolean>runCommand(
                replyTo -> new DialogCommand.Change(new DialogChange.Variable("x", "y"), replyTo)).reply();
        assertFalse(live);
        assertTrue(h.get().attributes().variables().isEmpty());
    }

    @Test
    void wrongFlagsAndContextKeysAreRefusedWithTheirName() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new DialogChange.Flag(32, true))
                .getMessage().contains("32"));
        assertThrows(IllegalArgumentException.class, () -> new DialogChange.Flag(-1, false));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new DialogChange.Context("timeout_dlg", "5"))
                .getMessage().contains("timeout_dlg"));
        assertThrows(IllegalArgumentException.class, () -> new DialogChange.Context("timeout_bye", "yes"));
        assertThrows(IllegalArgumentException.class, () -> new DialogChange.Variable("", "x"));
    }

    @Test
    void timeoutByeSetOnAConfirmedDialogIsJournaledAndSendsByesAfterRecovery() throws InterruptedException {
        EntityHarness h = new EntityHarness(KIT, EntityHarness.settings("default-timeout = 100"));
        h.confirm();
        assertEquals(1, change(h, new DialogChange.Context("timeout_bye", "1")).size());
        assertEquals(1, change(h, new DialogChange.Context("timeout_route", "DLGTIMEOUT")).size());
        h.entity.restart();
        assertTrue(h.get().properties().timeoutBye());
        h.listener.expect("started " + h.callId + " CONFIRMED_NA");
        h.advance(Duration.ofSeconds(100));
        h.listener.expect("timed out " + h.callId + " DLGTIMEOUT");
        h.await(DialogState.DELETED);
        assertEquals(2, h.sender.sent().size(), "BYE to both sides");
        h.listener.expect("ended " + h.callId + " TIMEOUT");
    }

    @Test
    void withoutATimeoutRouteNoneRuns() throws InterruptedException {
        EntityHarness h = new EntityHarness(KIT, EntityHarness.settings("default-timeout = 100"));
        h.confirm();
        h.listener.expect("started " + h.callId + " CONFIRMED_NA");
        h.advance(Duration.ofSeconds(100));
        h.await(DialogState.DELETED);
        h.listener.expect("ended " + h.callId + " TIMEOUT");
        assertEquals(0, h.sender.sent().size(), "no timeout_bye: no BYE");
    }
}
