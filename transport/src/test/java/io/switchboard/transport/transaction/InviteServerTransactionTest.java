package io.switchboard.transport.transaction;

import static io.switchboard.transport.transaction.SampleMessages.TCP;
import static io.switchboard.transport.transaction.SampleMessages.UDP;
import static io.switchboard.transport.transaction.SampleMessages.ackFor;
import static io.switchboard.transport.transaction.SampleMessages.invite;
import static io.switchboard.transport.transaction.SampleMessages.request;
import static io.switchboard.transport.transaction.SampleMessages.response;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.transport.message.HeaderName;
import io.switchboard.transport.message.SipRequest;
import io.switchboard.transport.message.SipResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class InviteServerTransactionTest {

    private final ManualTimerScheduler clock = new ManualTimerScheduler();
    private final RecordingSender sender = new RecordingSender(clock);
    private final TransactionLayer layer = new TransactionLayer(TimerSettings.DEFAULT, clock, sender);
    private final SipRequest invite = invite("z9hG4bKnashds8");

    private ServerTransaction start(Hop source) throws Exception {
        ServerRequestResult result = layer.onRequest(invite, source);
        assertTrue(result.isNewTransaction());
        return result.transaction();
    }

    private void at(long millis) {
        clock.advance(Duration.ofMillis(millis).minus(clock.now()));
    }

    private static TerminationCause cause(ServerTransaction transaction) {
        CompletableFuture<TerminationCause> done = transaction.termination().toCompletableFuture();
        return done.isDone() ? done.join() : null;
    }

    @Test
    void sendsTryingAfter200MillisecondsWhenTheTuIsSilent() throws Exception {
        ServerTransaction transaction = start(UDP);
        assertEquals(TransactionState.PROCEEDING, transaction.state());
        at(199);
        assertEquals(0, sender.count());
        at(200);
        assertEquals(List.of(200L), sender.times());
        SipResponse trying = sender.lastResponse();
        assertEquals(100, trying.statusCode());
        assertEquals(invite.headerValues(HeaderName.VIA), trying.headerValues(HeaderName.VIA));
        assertEquals(invite.header(HeaderName.FROM), trying.header(HeaderName.FROM));
        assertEquals(invite.header(HeaderName.TO), trying.header(HeaderName.TO));
        assertEquals(invite.header(HeaderName.CALL_ID), trying.header(HeaderName.CALL_ID));
        assertEquals("314159 INVITE", trying.header(HeaderName.CSEQ));
        assertEquals("0", trying.header(HeaderName.CONTENT_LENGTH));
        assertSame(UDP, sender.all().get(0).hop());
        assertSame(trying, transaction.lastResponse());
    }

    @Test
    void sendsNoTryingWhenTheTuAnsweredEarlier() throws Exception {
        ServerTransaction transaction = start(UDP);
        at(150);
        assertTrue(transaction.sendResponse(response(invite, 180, "a6c85cf")));
        at(10_000);
        assertEquals(List.of(150L), sender.times());
        assertEquals(180, sender.lastResponse().statusCode());
    }

    @Test
    void countsEachResponseOnceAndTheCompletionByItsClass() throws Exception {
        ServerTransaction transaction = start(UDP);
        TransactionStatistics statistics = layer.statistics();
        assertEquals(1, statistics.activeTransactions());
        at(200);
        assertTrue(transaction.sendResponse(response(invite, 180, "a6c85cf")));
        assertTrue(transaction.sendLocalResponse(response(invite, 486, "a6c85cf")));
        assertFalse(transaction.sendResponse(response(invite, 200, "a6c85cf")), "a final response was sent");
        at(4000);
        assertTrue(layer.onRequest(invite, UDP).isAbsorbed());
        assertEquals(7, sender.count(), "100, 180, 486, three retransmissions by timer G and one for the INVITE");
        assertEquals(3, statistics.repliesSent());
        assertEquals(2, statistics.repliesGenerated(), "the 100 Trying and the 486");
        assertEquals(1, statistics.repliesRelayed());
        assertEquals(1, statistics.completedServerTransactions(4));
        assertEquals(0, statistics.completedServerTransactions(2));
        assertEquals(0, statistics.activeTransactions());
        assertEquals(1, statistics.currentServerTransactions(), "in use until the ACK and timer I");
    }

    @Test
    void everyTwoHundredOfTheTuIsSentButTheTransactionCompletesOnce() throws Exception {
        ServerTransaction transaction = start(UDP);
        assertTrue(transaction.sendResponse(response(invite, 200, "a6c85cf")));
        assertTrue(transaction.sendResponse(response(invite, 200, "b7d96d0")));
        assertEquals(2, layer.statistics().repliesSent());
        assertEquals(1, layer.statistics().completedServerTransactions(2));
    }

    @Test
    void tryingDelayOfZeroAnswersAtOnce() throws Exception {
        TransactionLayer eager = new TransactionLayer(TimerSettings.DEFAULT.withTryingDelay(Duration.ZERO), clock, sender);
        eager.onRequest(invite, UDP);
        assertEquals(100, sender.lastResponse().statusCode());
        assertEquals(List.of(0L), sender.times());
    }

    @Test
    void retransmittedInviteInProceedingGetsTheLastProvisionalAgain() throws Exception {
        ServerTransaction transaction = start(UDP);
        assertTrue(layer.onRequest(invite, UDP).isAbsorbed());
        assertEquals(0, sender.count());
        SipResponse ringing = response(invite, 180, "a6c85cf");
        transaction.sendResponse(ringing);
        at(1000);
        assertTrue(layer.onRequest(invite, UDP).isAbsorbed());
        assertEquals(List.of(0L, 1000L), sender.times());
        assertSame(ringing, sender.lastResponse());
        assertEquals(2, layer.statistics().retransmissionsAbsorbed());
    }

    @Test
    void failureResponseIsRetransmittedByTimerGUntilTimerHReportsTheTimeout() throws Exception {
        ServerTransaction transaction = start(UDP);
        SipResponse busy = response(invite, 486, "a6c85cf");
        assertTrue(transaction.sendResponse(busy));
        assertEquals(TransactionState.COMPLETED, transaction.state());
        at(31_999);
        assertEquals(List.of(0L, 500L, 1500L, 3500L, 7500L, 11_500L, 15_500L, 19_500L, 23_500L, 27_500L, 31_500L),
                sender.times());
        assertTrue(sender.all().stream().allMatch(sent -> Arrays.equals(sent.message().encode(), busy.encode())),
                "every retransmission is the 486, byte for byte");
        assertFalse(transaction.isTerminated());
        at(32_000);
        assertTrue(transaction.isTerminated());
        assertEquals(TerminationCause.TIMEOUT, cause(transaction));
        assertEquals(1, layer.statistics().timeouts());
        assertEquals(0, layer.inFlight());
        assertEquals(10, layer.statistics().retransmissionsSent());
    }

    @Test
    void failureResponseIsNotRetransmittedOverTcp() throws Exception {
        ServerTransaction transaction = start(TCP);
        transaction.sendResponse(response(invite, 486, "a6c85cf"));
        at(31_999);
        assertEquals(1, sender.count());
        assertSame(TCP, sender.all().get(0).hop());
        at(32_000);
        assertEquals(TerminationCause.TIMEOUT, cause(transaction));
    }

    @Test
    void retransmittedInviteInCompletedGetsTheFinalResponseAgain() throws Exception {
        ServerTransaction transaction = start(TCP);
        SipResponse busy = response(invite, 486, "a6c85cf");
        transaction.sendResponse(busy);
        at(2000);
        assertTrue(layer.onRequest(invite, TCP).isAbsorbed());
        assertEquals(List.of(0L, 2000L), sender.times());
        assertArrayEquals(busy.encode(), sender.lastResponse().encode());
    }

    @Test
    void ackMovesToConfirmedWhichAbsorbsAckRetransmissionsUntilTimerI() throws Exception {
        ServerTransaction transaction = start(UDP);
        transaction.sendResponse(response(invite, 486, "a6c85cf"));
        at(1000);
        SipRequest ack = ackFor(invite, "a6c85cf");
        assertTrue(layer.onRequest(ack, UDP).isAbsorbed());
        assertEquals(TransactionState.CONFIRMED, transaction.state());
        assertTrue(layer.onRequest(ack, UDP).isAbsorbed());
        assertTrue(layer.onRequest(invite, UDP).isAbsorbed());
        at(5999);
        assertEquals(List.of(0L, 500L), sender.times());
        assertEquals(TransactionState.CONFIRMED, transaction.state());
        assertFalse(transaction.sendResponse(response(invite, 500, "a6c85cf")));
        at(6000);
        assertEquals(TerminationCause.NORMAL, cause(transaction));
        assertEquals(0, layer.inFlight());
        assertTrue(layer.onRequest(ack, UDP).isUnmatchedAck());
    }

    @Test
    void ackOverTcpEndsTheTransactionAtOnce() throws Exception {
        ServerTransaction transaction = start(TCP);
        transaction.sendResponse(response(invite, 603, "a6c85cf"));
        assertTrue(layer.onRequest(ackFor(invite, "a6c85cf"), TCP).isAbsorbed());
        assertEquals(TerminationCause.NORMAL, cause(transaction));
    }

    @Test
    void successMovesToAcceptedUntilTimerL() throws Exception {
        ServerTransaction transaction = start(UDP);
        SipResponse ok = response(invite, 200, "a6c85cf");
        assertTrue(transaction.sendResponse(ok));
        assertEquals(TransactionState.ACCEPTED, transaction.state());
        assertTrue(layer.onRequest(invite, UDP).isAbsorbed());
        assertEquals(1, sender.count());
        at(4000);
        assertTrue(transaction.sendResponse(ok));
        assertFalse(transaction.sendResponse(response(invite, 486, "a6c85cf")));
        assertEquals(List.of(0L, 4000L), sender.times());
        SipRequest ackOf2xx = request("ACK", "z9hG4bK2xxack", "pc33.atlanta.example.com", 314159, "a6c85cf");
        assertTrue(layer.onRequest(ackOf2xx, UDP).isUnmatchedAck());
        assertFalse(layer.onRequest(ackFor(invite, "a6c85cf"), UDP).isAbsorbed());
        at(31_999);
        assertEquals(TransactionState.ACCEPTED, transaction.state());
        at(32_000);
        assertEquals(TerminationCause.NORMAL, cause(transaction));
        assertEquals(2, sender.count());
    }

    @Test
    void provisionalResponsesKeepItProceeding() throws Exception {
        ServerTransaction transaction = start(UDP);
        transaction.sendResponse(response(invite, 180, "a6c85cf"));
        transaction.sendResponse(response(invite, 183, "a6c85cf"));
        assertEquals(TransactionState.PROCEEDING, transaction.state());
        at(60_000);
        assertEquals(2, sender.count());
        assertFalse(transaction.isTerminated());
    }

    @Test
    void transportErrorEndsTheTransaction() throws Exception {
        ServerTransaction transaction = start(UDP);
        sender.failAfter(0);
        assertFalse(transaction.sendResponse(response(invite, 486, "a6c85cf")));
        assertEquals(TerminationCause.TRANSPORT_ERROR, cause(transaction));
        assertEquals(1, layer.statistics().transportErrors());
        assertEquals(0, layer.inFlight());
    }

    @Test
    void transportErrorOnTimerGEndsTheTransaction() throws Exception {
        ServerTransaction transaction = start(UDP);
        sender.failAfter(1);
        transaction.sendResponse(response(invite, 486, "a6c85cf"));
        at(500);
        assertEquals(TerminationCause.TRANSPORT_ERROR, cause(transaction));
        at(40_000);
        assertEquals(1, sender.count());
        assertEquals(0, clock.pending());
    }

    @Test
    void remembersACancel() throws Exception {
        ServerTransaction transaction = start(UDP);
        assertFalse(transaction.isCancelled());
        assertTrue(transaction.markCancelled());
        assertFalse(transaction.markCancelled());
        assertTrue(transaction.isCancelled());
    }

    @Test
    void terminationCauseIsNullWhileRunning() throws Exception {
        ServerTransaction transaction = start(UDP);
        assertNull(cause(transaction));
        assertSame(invite, transaction.request());
        assertSame(UDP, transaction.source());
        assertTrue(transaction.isInvite());
    }
}
