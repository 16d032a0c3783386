package io.switchboard.actors.dialog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DialogTest {

    private static final long T = 1_700_000_000_000L;

    private static Dialog created() {
        return Dialog.EMPTY.apply(new DialogEvent.Created(SampleCall.invite("call-1"), DialogProperties.NONE, T, 43200,
                T + 300_000));
    }

    private static Dialog answered(List<String> recordRoutes) {
        return created().apply(new DialogEvent.Answered(SampleCall.CALLEE_TAG, SampleCall.CALLEE_CONTACT, recordRoutes,
                T + 5_000, T + 5_000 + 43_200_000, T + 65_000));
    }

    @Test
    void emptyIsNoDialog() {
        assertFalse(Dialog.EMPTY.tracked());
        assertEquals(DialogState.DELETED, Dialog.EMPTY.state());
    }

    @Test
    void createdHoldsTheInviteAndItsEarlyDeadline() {
        Dialog dialog = created();
        assertTrue(dialog.tracked());
        assertEquals(DialogState.UNCONFIRMED, dialog.state());
        assertEquals(SampleCall.INVITE_CSEQ, dialog.callerCseq());
        assertEquals(0, dialog.calleeCseq());
        assertEquals(T + 300_000, dialog.deadline());
        assertNull(dialog.toTag());
        assertEquals(List.of(SampleCall.UPSTREAM_RR), dialog.invite().callerRouteSet());
        assertEquals(List.of(), dialog.calleeRouteSet());
    }

    @Test
    void stateThreeEndsAtTheLifetimeOrTenSecondsAfterNoAck() {
        Dialog dialog = answered(SampleCall.answerRecordRoutes());
        assertEquals(DialogState.CONFIRMED_NA, dialog.state());
        assertEquals(T + 65_000 + Dialog.NOACK_GRACE_MILLIS, dialog.deadline());
        Dialog shortLived = dialog.apply(new DialogEvent.TimeoutChanged(20, T + 25_000));
        assertEquals(T + 25_000, shortLived.deadline());
    }

    @Test
    void theAckStartsTheLifetime() {
        Dialog dialog = answered(SampleCall.answerRecordRoutes())
                .apply(new DialogEvent.Acked(SampleCall.INVITE_CSEQ, T + 6_000, T + 6_000 + 43_200_000));
        assertEquals(DialogState.CONFIRMED, dialog.state());
        assertEquals(T + 6_000 + 43_200_000, dialog.deadline());
    }

    @Test
    void theCalleeRouteSetIsTheAnswersNewEntriesNearestFirst() {
        Dialog dialog = answered(List.of("<sip:p2;lr>", "<sip:p1;lr>", SampleCall.OWN_RR, SampleCall.UPSTREAM_RR));
        assertEquals(List.of("<sip:p1;lr>", "<sip:p2;lr>"), dialog.calleeRouteSet());
        assertEquals(List.of(), answered(List.of()).calleeRouteSet());
    }

    @Test
    void sequentialRequestsRaiseTheirSidesCseqAndMoveTheLifetime() {
        Dialog dialog = answered(SampleCall.answerRecordRoutes())
                .apply(new DialogEvent.Acked(SampleCall.INVITE_CSEQ, T + 6_000, T + 100_000))
                .apply(new DialogEvent.SequentialRequest(Side.CALLEE, "INVITE", 7, T + 200_000))
                .apply(new DialogEvent.SequentialRequest(Side.CALLER, "UPDATE", 102, T + 300_000))
                .apply(new DialogEvent.SequentialRequest(Side.CALLER, "INFO", 99, T + 400_000));
        assertEquals(102, dialog.callerCseq());
        assertEquals(7, dialog.calleeCseq());
        assertEquals(T + 400_000, dialog.deadline());
    }

    @Test
    void aTimeoutChangedBeforeTheAnswerOnlySetsTheLifetime() {
        Dialog dialog = created().apply(new DialogEvent.TimeoutChanged(180, 0));
        assertEquals(180, dialog.lifetimeSeconds());
        assertEquals(T + 300_000, dialog.deadline());
        assertEquals(180, dialog.asCreated().lifetimeSeconds());
        assertEquals(dialog, Dialog.EMPTY.apply(dialog.asCreated()));
    }

    @Test
    void endingsKeepCauseCodeAndEndDeadline() {
        Dialog failed = created().apply(new DialogEvent.Failed(486, T + 1_000, T + 301_000));
        assertEquals(DialogState.DELETED, failed.state());
        assertEquals(486, failed.ending().code());
        assertNull(failed.ending().cause());
        assertEquals(T + 301_000, failed.deadline());

        Dialog ended = answered(SampleCall.answerRecordRoutes())
                .apply(new DialogEvent.Terminated(EndCause.CALLEE_BYE, "BYE", T + 9_000, T + 309_000));
        assertEquals(EndCause.CALLEE_BYE, ended.ending().cause());
        assertEquals(T + 309_000, ended.deadline());
    }

    @Test
    void aDeletedDialogTakesANewInviteForItsCallId() {
        Dialog failed = created().apply(new DialogEvent.Failed(407, T + 1_000, T + 301_000));
        Dialog again = failed.apply(new DialogEvent.Created(SampleCall.invite("call-1"), DialogProperties.NONE, T + 2_000,
                43200, T + 302_000));
        assertEquals(DialogState.UNCONFIRMED, again.state());
        assertNull(again.ending());
        assertEquals(T + 2_000, again.initMillis());
    }

    @Test
    void theSnapshotHasDlgListsFields() {
        Dialog dialog = answered(SampleCall.answerRecordRoutes());
        DialogSnapshot snapshot = dialog.snapshot();
        DialogKey key = DialogKey.of("call-1");
        assertEquals(key.hEntry(), snapshot.hEntry());
        assertEquals(key.hId(), snapshot.hId());
        assertEquals(key.did(), snapshot.did());
        assertEquals("call-1", snapshot.callId());
        assertEquals(DialogState.CONFIRMED_NA, snapshot.state());
        assertEquals(SampleCall.CALLER_TAG, snapshot.fromTag());
        assertEquals(SampleCall.CALLEE_TAG, snapshot.toTag());
        assertEquals(SampleCall.CALLEE_CONTACT, snapshot.calleeContact());
        assertEquals(List.of(SampleCall.UPSTREAM_RR), snapshot.callerRouteSet());
        assertEquals(List.of(SampleCall.DOWNSTREAM_RR), snapshot.calleeRouteSet());
        assertEquals(T, snapshot.initMillis());
        assertEquals(T + 5_000, snapshot.startMillis());
        assertEquals(dialog.deadline(), snapshot.timeoutMillis());
        assertEquals(43200, snapshot.lifetimeSeconds());
    }
}
