package io.switchboard.transport.transaction;

import static io.switchboard.transport.transaction.SampleMessages.TCP;
import static io.switchboard.transport.transaction.SampleMessages.UDP;
import static io.switchboard.transport.transaction.SampleMessages.request;
import static io.switchboard.transport.transaction.SampleMessages.response;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.transport.message.SipRequest;
import io.switchboard.transport.message.SipResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class NonInviteServerTransactionTest {

    private final ManualTimerScheduler clock = new ManualTimerScheduler();
    private final RecordingSender sender = new RecordingSender(clock);
    private final TransactionLayer layer = new TransactionLayer(TimerSettings.DEFAULT, clock, sender);
    private final SipRequest bye = request("BYE", "z9hG4bKbye1", "pc33.atlanta.example.com", 231, "a6c85cf");

    private ServerTransaction start(Hop source) throws Exception {
        ServerRequestResult result = layer.onRequest(bye, source);
        assertTrue(result.isNewTransaction());
        return result.transaction();
    }

    private void at(long millis) {
        clock.advance(Duration.ofMillis(millis).minus(clock.now()));
    }

    private static TerminationCause cause(ServerTransaction transaction) {
        return transaction.termination().toCompletableFuture().getNow(null);
    }

    @Test
    void tryingAbsorbsRetransmissionsSilentlyAndSendsNoTrying() throws Exception {
        ServerTransaction transaction = start(UDP);
        assertEquals(TransactionState.TRYING, transaction.state());
        assertFalse(transaction.isInvite());
        at(1000);
        assertTrue(layer.onRequest(bye, UDP).isAbsorbed());
        assertEquals(0, sender.count());
        assertEquals(1, layer.statistics().retransmissionsAbsorbed());
    }

    @Test
    void proceedingResendsTheLastProvisional() throws Exception {
        ServerTransaction transaction = start(UDP);
        SipResponse trying = response(bye, 100, null);
        assertTrue(transaction.sendResponse(trying));
        assertEquals(TransactionState.PROCEEDING, transaction.state());
        at(500);
        layer.onRequest(bye, UDP);
        assertEquals(List.of(0L, 500L), sender.times());
        assertSame(trying, sender.lastResponse());
    }

    @Test
    void completedResendsTheFinalResponseUntilTimerJ() throws Exception {
        ServerTransaction transaction = start(UDP);
        SipResponse ok = response(bye, 200, null);
        assertTrue(transaction.sendResponse(ok));
        assertEquals(TransactionState.COMPLETED, transaction.state());
        assertFalse(transaction.sendResponse(response(bye, 500, null)));
        at(4000);
        assertTrue(layer.onRequest(bye, UDP).isAbsorbed());
        at(31_999);
        assertEquals(List.of(0L, 4000L), sender.times());
        assertArrayEquals(ok.encode(), sender.lastResponse().encode(), "the 200 again, byte for byte");
        assertEquals(TransactionState.COMPLETED, transaction.state());
        at(32_000);
        assertEquals(TerminationCause.NORMAL, cause(transaction));
        assertEquals(0, layer.inFlight());
        assertTrue(layer.onRequest(bye, UDP).isNewTransaction());
    }

    @Test
    void finalResponseOverTcpEndsTheTransactionAtOnce() throws Exception {
        ServerTransaction transaction = start(TCP);
        transaction.sendResponse(response(bye, 200, null));
        assertEquals(TerminationCause.NORMAL, cause(transaction));
        assertEquals(0, layer.statistics().currentServerTransactions());
    }

    @Test
    void transportErrorEndsTheTransaction() throws Exception {
        ServerTransaction transaction = start(UDP);
        sender.failAfter(0);
        assertFalse(transaction.sendResponse(response(bye, 200, null)));
        assertEquals(TerminationCause.TRANSPORT_ERROR, cause(transaction));
        assertEquals(0, layer.inFlight());
    }

    @Test
    void isNeverCancelled() throws Exception {
        ServerTransaction transaction = start(UDP);
        assertFalse(transaction.markCancelled());
        assertFalse(transaction.isCancelled());
    }
}
