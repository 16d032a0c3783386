package io.switchboard.actors.dialog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.transport.message.HeaderName;
import io.switchboard.transport.message.SipRequest;
import java.util.List;
import java.util.Set;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** {@code dlg_refer} (seed manual 7.9), {@code dlg_bye} (7.8) and the extra headers (6.10, 6.58, 9.9) of the dialog entity. */
class DialogEntityReferTest {

    private static final ActorTestKit KIT = ActorTestKit.create("dialog-refer", EntityHarness.config());

    @AfterAll
    static void stop() {
        KIT.shutdownTestKit();
    }

    private static EntityHarness harness(String settings) {
        return new EntityHarness(KIT, EntityHarness.settings(settings));
    }

    /** A confirmed dialog whose parties answer {@code code}; the status of its REFER to {@code target}. */
    private static int refer(EntityHarness h, int code, Side target) {
        h.confirm();
        h.sender.answerWith(code);
        return refer(h, target);
    }

    private static int refer(EntityHarness h, Side target) {
        TestProbe<Integer> answer = KIT.createTestProbe();
        h.entity.runCommand(new DialogCommand.Refer(target, "<sip:announcement@example.org>", answer.getRef()));
        return answer.receiveMessage();
    }

    @Test
    void anAcceptedReferIsFollowedByAByeToThatSideWhichEndsTheDialog() {
        EntityHarness h = harness("bridge-controller = \"sip:ctd@example.org\", lreq-callee-headers = \"TH: dlh\"");
        assertEquals(202, refer(h, 202, Side.CALLEE));
        DialogSnapshot ended = h.await(DialogState.DELETED);
        assertEquals(EndCause.MANAGEMENT, ended.endCause());

        List<RecordingSender.Sent> sent = h.sender.sent();
        assertEquals(List.of("REFER", "BYE"), sent.stream().map(s -> s.request().method().name()).toList());
        SipRequest refer = sent.get(0).request();
        assertEquals("<sip:announcement@example.org>", refer.header(HeaderName.REFER_TO));
        assertEquals("sip:ctd@example.org", refer.header(HeaderName.REFERRED_BY));
        assertEquals("dlh", refer.header(HeaderName.of("TH")));
        assertEquals((SampleCall.INVITE_CSEQ + 1) + " REFER", refer.header(HeaderName.CSEQ));
        SipRequest bye = sent.get(1).request();
        assertEquals(SampleCall.CALLEE_CONTACT, bye.requestUriText());
        assertEquals((SampleCall.INVITE_CSEQ + 2) + " BYE", bye.header(HeaderName.CSEQ));
        assertEquals("dlh", bye.header(HeaderName.of("TH")));
    }

    @Test
    void aRefusedReferLeavesTheCallUpAndTheNextByeCountsOn() {
        EntityHarness h = harness("");
        assertEquals(603, refer(h, 603, Side.CALLER));
        assertEquals(DialogState.CONFIRMED, h.get().state());
        assertEquals(1, h.sender.sent().size());
        assertEquals("1 REFER", h.sender.sent("REFER").get(0).request().header(HeaderName.CSEQ));

        h.sender.answerWith(200);
        assertTrue(h.entity.<Boolean>runCommand(r -> new DialogCommand.Terminate(Set.of(Side.CALLER), "dlg_bye", r)).reply());
        h.await(DialogState.DELETED);
        assertEquals("2 BYE", h.sender.sent("BYE").get(0).request().header(HeaderName.CSEQ));
    }

    @Test
    void withoutAConfirmedDialogNothingIsSent() {
        EntityHarness h = harness("");
        h.track();
        assertEquals(481, refer(h, Side.CALLEE));
        assertTrue(h.sender.sent().isEmpty());
    }

    @Test
    void byesCarryTheExtraHeadersOfTheSettingsAndOfTheCommand() {
        EntityHarness h = harness("dlg-extra-hdrs = \"Hint: credit expired\\r\\n\", lreq-callee-headers = \"TH: dlh\"");
        h.confirm();
        assertTrue(h.entity.<Boolean>runCommand(r -> new DialogCommand.Terminate(Set.of(Side.CALLER, Side.CALLEE), "dlg.end_dlg",
                List.of("X-Op: end"), r)).reply());
        h.await(DialogState.DELETED);
        List<RecordingSender.Sent> byes = h.sender.sent("BYE");
        SipRequest toCaller = byes.get(0).request();
        SipRequest toCallee = byes.get(1).request();
        assertEquals("credit expired", toCaller.header(HeaderName.of("Hint")));
        assertEquals("end", toCaller.header(HeaderName.of("X-Op")));
        assertFalse(toCaller.hasHeader(HeaderName.of("TH")));
        assertEquals("credit expired", toCallee.header(HeaderName.of("Hint")));
        assertEquals("end", toCallee.header(HeaderName.of("X-Op")));
        assertEquals("dlh", toCallee.header(HeaderName.of("TH")));
    }
}
