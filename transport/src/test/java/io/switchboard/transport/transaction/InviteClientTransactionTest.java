package io.switchboard.transport.transaction;

import static io.switchboard.transport.transaction.SampleMessages.TCP;
import static io.switchboard.transport.transaction.SampleMessages.UDP;
import static io.switchboard.transport.transaction.SampleMessages.invite;
import static io.switchboard.transport.transaction.SampleMessages.response;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.transport.message.HeaderName;
import io.switchboard.transport.message.SipMethod;
import io.switchboard.transport.message.SipRequest;
import io.switchboard.transport.message.SipResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

class InviteClientTransactionTest {

    private static final Executor DIRECT = Runnable::run;

    private final ManualTimerScheduler clock = new ManualTimerScheduler();
    private final RecordingSender sender = new RecordingSender(clock);
    private final TransactionLayer layer = new TransactionLayer(TimerSettings.DEFAULT, clock, sender);
    private final RecordingListener listener = new RecordingListener();
    private final SipRequest invite = invite("z9hG4bKnashds8");

    private void at(long millis) {
        clock.advance(Duration.ofMillis(millis).minus(clock.now()));
    }

    private static TerminationCause cause(ClientTransaction transaction) {
        return transaction.termination().toCompletableFuture().getNow(null);
    }

    private static CancelOutcome outcome(ClientTransaction transaction) {
        return transaction.cancel().toCompletableFuture().getNow(null);
    }

    private List<SipRequest> sentWith(SipMethod method) {
        return sender.all().stream().map(RecordingSender.Sent::message)
                .filter(m -> m.isRequest() && ((SipRequest) m).method().equals(method))
                .map(SipRequest.class::cast).toList();
    }

    @Test
    void timerARetransmitsDoublingUntilTimerBReportsTheTimeout() {
        ClientTransaction transaction = layer.sendRequest(invite, UDP, listener, DIRECT);
        assertEquals(TransactionState.CALLING, transaction.state());
        assertTrue(transaction.isInvite());
        at(31_999);
        assertEquals(List.of(0L, 500L, 1500L, 3500L, 7500L, 15_500L, 31_500L), sender.times());
        assertTrue(sender.all().stream().allMatch(sent -> sent.message() == invite && sent.hop() == UDP));
        assertEquals(List.of(), listener.events());
        at(32_000);
        assertEquals(List.of("timeout"), listener.events());
        assertEquals(TerminationCause.TIMEOUT, cause(transaction));
        assertEquals(6, layer.statistics().retransmissionsSent());
        assertEquals(0, layer.inFlight());
    }

    @Test
    void noRetransmissionOverTcpButTimerBStillRuns() {
        ClientTransaction transaction = layer.sendRequest(invite, TCP, listener, DIRECT);
        at(31_999);
        assertEquals(List.of(0L), sender.times());
        at(32_000);
        assertEquals(TerminationCause.TIMEOUT, cause(transaction));
    }

    @Test
    void provisionalStopsRetransmissionAndTimerB() throws Exception {
        ClientTransaction transaction = layer.sendRequest(invite, UDP, listener, DIRECT);
        at(600);
        assertTrue(layer.onResponse(response(invite, 100, null)));
        assertTrue(layer.onResponse(response(invite, 180, "b1")));
        assertEquals(TransactionState.PROCEEDING, transaction.state());
        at(300_000);
        assertEquals(List.of(0L, 500L), sender.times());
        assertEquals(List.of("provisional 100", "provisional 180"), listener.events());
        assertFalse(transaction.isTerminated());
    }

    @Test
    void successGoesToTheTuAndEndsTheTransaction() throws Exception {
        ClientTransaction transaction = layer.sendRequest(invite, UDP, listener, DIRECT);
        layer.onResponse(response(invite, 180, "b1"));
        SipResponse ok = response(invite, 200, "b1");
        assertTrue(layer.onResponse(ok));
        assertEquals(TerminationCause.NORMAL, cause(transaction));
        assertEquals(List.of("provisional 180", "final 200"), listener.events());
        assertSame(ok, listener.responses().get(1));
        assertFalse(layer.onResponse(response(invite, 200, "b1")), "a 2xx retransmission is stray");
        assertFalse(layer.onResponse(response(invite, 200, "b2")), "another fork's 2xx is stray");
        assertTrue(sentWith(SipMethod.ACK).isEmpty());
        assertEquals(0, clock.pending());
    }

    @Test
    void failureIsAcknowledgedByTheTransaction() throws Exception {
        ClientTransaction transaction = layer.sendRequest(invite, UDP, listener, DIRECT);
        at(200);
        SipResponse busy = response(invite, 486, "b7");
        assertTrue(layer.onResponse(busy));
        assertEquals(TransactionState.COMPLETED, transaction.state());
        assertEquals(List.of("final 486"), listener.events());
        SipRequest ack = sender.lastRequest();
        assertEquals(SipMethod.ACK, ack.method());
        assertSame(UDP, sender.all().get(1).hop());
        assertEquals(invite.requestUriText(), ack.requestUriText());
        assertEquals(List.of("SIP/2.0/UDP pc33.atlanta.example.com;branch=z9hG4bKnashds8"),
                ack.headerValues(HeaderName.VIA));
        assertEquals(invite.headerValues(HeaderName.ROUTE), ack.headerValues(HeaderName.ROUTE));
        assertEquals("70", ack.header(HeaderName.MAX_FORWARDS));
        assertEquals(busy.header(HeaderName.TO), ack.header(HeaderName.TO));
        assertEquals("b7", ack.to().tag());
        assertEquals(invite.header(HeaderName.FROM), ack.header(HeaderName.FROM));
        assertEquals(invite.header(HeaderName.CALL_ID), ack.header(HeaderName.CALL_ID));
        assertEquals("314159 ACK", ack.header(HeaderName.CSEQ));
        assertEquals("0", ack.header(HeaderName.CONTENT_LENGTH));
        assertNull(ack.header(HeaderName.CONTACT));
        ack.validate();
    }

    @Test
    void completedResendsTheAckForEachRetransmittedFailureUntilTimerD() throws Exception {
        ClientTransaction transaction = layer.sendRequest(invite, UDP, listener, DIRECT);
        layer.onResponse(response(invite, 486, "b7"));
        SipRequest ack = sender.lastRequest();
        at(1000);
        assertTrue(layer.onResponse(response(invite, 486, "b7")));
        at(3000);
        assertTrue(layer.onResponse(response(invite, 486, "b7")));
        assertEquals(List.of(0L, 0L, 1000L, 3000L), sender.times());
        assertSame(ack, sender.last());
        assertEquals(List.of("final 486"), listener.events());
        assertEquals(2, layer.statistics().retransmissionsAbsorbed());
        at(31_999);
        assertEquals(TransactionState.COMPLETED, transaction.state());
        at(32_000);
        assertEquals(TerminationCause.NORMAL, cause(transaction));
        assertFalse(layer.onResponse(response(invite, 486, "b7")));
    }

    @Test
    void timerDIsZeroOverTcp() throws Exception {
        ClientTransaction transaction = layer.sendRequest(invite, TCP, listener, DIRECT);
        layer.onResponse(response(invite, 503, "b7"));
        assertEquals(TerminationCause.NORMAL, cause(transaction));
        assertEquals(SipMethod.ACK, sender.lastRequest().method());
    }

    @Test
    void failureToSendIsReportedAsATransportError() {
        sender.failAfter(0);
        ClientTransaction transaction = layer.sendRequest(invite, UDP, listener, DIRECT);
        assertEquals(List.of("transport error"), listener.events());
        assertEquals(TerminationCause.TRANSPORT_ERROR, cause(transaction));
        assertEquals(0, clock.pending());
    }

    @Test
    void failureOfARetransmissionIsReportedAsATransportError() {
        sender.failAfter(1);
        ClientTransaction transaction = layer.sendRequest(invite, UDP, listener, DIRECT);
        at(500);
        assertEquals(List.of("transport error"), listener.events());
        assertEquals(TerminationCause.TRANSPORT_ERROR, cause(transaction));
    }

    @Test
    void failureToSendTheAckEndsTheTransactionWithoutASecondReport() throws Exception {
        sender.failAfter(1);
        ClientTransaction transaction = layer.sendRequest(invite, UDP, listener, DIRECT);
        layer.onResponse(response(invite, 486, "b7"));
        assertEquals(List.of("final 486"), listener.events());
        assertEquals(TerminationCause.TRANSPORT_ERROR, cause(transaction));
    }

    @Test
    void cancelWaitsForAProvisionalResponse() throws Exception {
        ClientTransaction transaction = layer.sendRequest(invite, UDP, listener, DIRECT);
        CompletableFuture<CancelOutcome> outcome = transaction.cancel().toCompletableFuture();
        at(1000);
        assertTrue(sentWith(SipMethod.CANCEL).isEmpty());
        assertFalse(outcome.isDone());
        layer.onResponse(response(invite, 180, "b1"));
        List<SipRequest> cancels = sentWith(SipMethod.CANCEL);
        assertEquals(1, cancels.size());
        SipRequest cancel = cancels.get(0);
        assertEquals(invite.requestUriText(), cancel.requestUriText());
        assertEquals(List.of("SIP/2.0/UDP pc33.atlanta.example.com;branch=z9hG4bKnashds8"),
                cancel.headerValues(HeaderName.VIA));
        assertEquals(invite.headerValues(HeaderName.ROUTE), cancel.headerValues(HeaderName.ROUTE));
        assertEquals(invite.header(HeaderName.TO), cancel.header(HeaderName.TO));
        assertEquals(invite.header(HeaderName.FROM), cancel.header(HeaderName.FROM));
        assertEquals(invite.header(HeaderName.CALL_ID), cancel.header(HeaderName.CALL_ID));
        assertEquals("314159 CANCEL", cancel.header(HeaderName.CSEQ));
        assertEquals("70", cancel.header(HeaderName.MAX_FORWARDS));
        assertEquals("0", cancel.header(HeaderName.CONTENT_LENGTH));
        cancel.validate();

        SipResponse cancelOk = response(cancel, 200, "b1");
        assertTrue(layer.onResponse(cancelOk));
        assertEquals(CancelOutcome.answered(cancelOk), outcome.getNow(null));
        assertTrue(layer.onResponse(response(invite, 487, "b1")));
        assertEquals(List.of("provisional 180", "final 487"), listener.events());
        assertEquals(1, sentWith(SipMethod.ACK).size());
        assertEquals(TransactionState.COMPLETED, transaction.state());
    }

    @Test
    void cancelInProceedingIsSentAtOnceAndRetransmittedByTimerE() throws Exception {
        ClientTransaction transaction = layer.sendRequest(invite, UDP, listener, DIRECT);
        layer.onResponse(response(invite, 100, null));
        at(2000);
        transaction.cancel();
        at(3600);
        assertEquals(List.of(0L, 2000L, 2500L, 3500L), sender.times());
        assertEquals(3, sentWith(SipMethod.CANCEL).size());
        assertEquals(2, layer.inFlight());
    }

    @Test
    void cancelIsNotSentWhenAFinalResponseComesFirst() throws Exception {
        ClientTransaction transaction = layer.sendRequest(invite, UDP, listener, DIRECT);
        CompletableFuture<CancelOutcome> outcome = transaction.cancel().toCompletableFuture();
        layer.onResponse(response(invite, 486, "b7"));
        assertEquals(CancelOutcome.NOT_SENT, outcome.getNow(null));
        at(60_000);
        assertTrue(sentWith(SipMethod.CANCEL).isEmpty());
    }

    @Test
    void cancelAfterTheFinalResponseIsNotSent() throws Exception {
        ClientTransaction transaction = layer.sendRequest(invite, UDP, listener, DIRECT);
        layer.onResponse(response(invite, 200, "b1"));
        assertEquals(CancelOutcome.NOT_SENT, outcome(transaction));
        assertFalse(outcome(transaction).wasSent());
        assertTrue(sentWith(SipMethod.CANCEL).isEmpty());
    }

    @Test
    void pendingCancelIsDroppedWhenTimerBFires() {
        ClientTransaction transaction = layer.sendRequest(invite, TCP, listener, DIRECT);
        CompletableFuture<CancelOutcome> outcome = transaction.cancel().toCompletableFuture();
        at(32_000);
        assertEquals(CancelOutcome.NOT_SENT, outcome.getNow(null));
        assertEquals(List.of("timeout"), listener.events());
    }

    @Test
    void cancelledInviteWithoutFinalResponseTimesOutAfter64T1() throws Exception {
        ClientTransaction transaction = layer.sendRequest(invite, TCP, listener, DIRECT);
        at(10_000);
        layer.onResponse(response(invite, 180, "b1"));
        CompletableFuture<CancelOutcome> outcome = transaction.cancel().toCompletableFuture();
        SipRequest cancel = sentWith(SipMethod.CANCEL).get(0);
        layer.onResponse(response(cancel, 200, "b1"));
        assertEquals(CancelOutcome.Kind.ANSWERED, outcome.getNow(null).kind());
        at(41_999);
        assertEquals(TransactionState.PROCEEDING, transaction.state());
        at(42_000);
        assertEquals(List.of("provisional 180", "timeout"), listener.events());
        assertEquals(TerminationCause.TIMEOUT, cause(transaction));
    }

    @Test
    void unansweredCancelTimesOut() throws Exception {
        ClientTransaction transaction = layer.sendRequest(invite, TCP, listener, DIRECT);
        layer.onResponse(response(invite, 183, "b1"));
        CompletableFuture<CancelOutcome> outcome = transaction.cancel().toCompletableFuture();
        at(32_000);
        assertEquals(CancelOutcome.TIMED_OUT, outcome.getNow(null));
    }

    @Test
    void cancelThatCannotBeSentReportsTheTransportError() throws Exception {
        ClientTransaction transaction = layer.sendRequest(invite, TCP, listener, DIRECT);
        layer.onResponse(response(invite, 183, "b1"));
        sender.failAfter(0);
        CancelOutcome outcome = outcome(transaction);
        assertEquals(CancelOutcome.Kind.TRANSPORT_ERROR, outcome.kind());
        assertEquals("connection refused", outcome.error().getMessage());
    }

    @Test
    void cancellingTwiceSendsOneCancel() throws Exception {
        ClientTransaction transaction = layer.sendRequest(invite, TCP, listener, DIRECT);
        layer.onResponse(response(invite, 180, "b1"));
        transaction.cancel();
        transaction.cancel();
        assertEquals(1, sentWith(SipMethod.CANCEL).size());
    }

    @Test
    void listenerMayCancelFromItsCallback() throws Exception {
        ClientTransaction[] self = new ClientTransaction[1];
        ClientTransactionListener cancelling = new ClientTransactionListener() {
            @Override
            public void onProvisional(SipResponse response) {
                self[0].cancel();
            }

            @Override
            public void onFinal(SipResponse response) {
            }

            @Override
            public void onTimeout() {
            }

            @Override
            public void onTransportError(Exception cause) {
            }
        };
        self[0] = layer.sendRequest(invite, TCP, cancelling, DIRECT);
        layer.onResponse(response(invite, 180, "b1"));
        assertEquals(1, sentWith(SipMethod.CANCEL).size());
    }
}
