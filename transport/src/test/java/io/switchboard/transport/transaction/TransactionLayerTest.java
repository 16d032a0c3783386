package io.switchboard.transport.transaction;

import static io.switchboard.transport.transaction.SampleMessages.TCP;
import static io.switchboard.transport.transaction.SampleMessages.UDP;
import static io.switchboard.transport.transaction.SampleMessages.ackFor;
import static io.switchboard.transport.transaction.SampleMessages.invite;
import static io.switchboard.transport.transaction.SampleMessages.request;
import static io.switchboard.transport.transaction.SampleMessages.response;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.transport.message.SipRequest;
import io.switchboard.transport.message.SipResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TransactionLayerTest {

    private static final Executor DIRECT = Runnable::run;
    private static final String HOST = "pc33.atlanta.example.com";

    private final ManualTimerScheduler clock = new ManualTimerScheduler();
    private final RecordingSender sender = new RecordingSender(clock);
    private final TransactionLayer layer = new TransactionLayer(TimerSettings.DEFAULT, clock, sender);
    private final RecordingListener listener = new RecordingListener();

    private ServerTransaction serve(SipRequest request) throws Exception {
        ServerRequestResult result = layer.onRequest(request, UDP);
        assertTrue(result.isNewTransaction(), () -> "expected a new transaction, got " + result);
        return result.transaction();
    }

    @Test
    void matchesRequestsByBranchSentByAndMethod() throws Exception {
        ServerTransaction invite = serve(invite("z9hG4bKnashds8"));
        assertTrue(layer.onRequest(invite("z9hG4bKnashds8"), UDP).isAbsorbed());
        assertTrue(layer.onRequest(request("INVITE", "z9hG4bKnashds8", HOST + ":5060", 314159, null), UDP).isAbsorbed(),
                "sent-by without a port is port 5060");
        assertTrue(layer.onRequest(request("INVITE", "z9hG4bKnashds8", "PC33.Atlanta.Example.COM", 314159, null), UDP)
                .isAbsorbed(), "host names compare case-insensitively");
        ServerTransaction other = serve(request("INVITE", "z9hG4bKnashds8", "pc34.atlanta.example.com", 314159, null));
        ServerTransaction otherPort = serve(request("INVITE", "z9hG4bKnashds8", HOST + ":5070", 314159, null));
        ServerTransaction otherBranch = serve(invite("z9hG4bKnashds9"));
        assertEquals(4, List.of(invite, other, otherPort, otherBranch).stream().distinct().count());
        assertEquals(4, layer.statistics().currentServerTransactions());
        assertEquals(3, layer.statistics().retransmissionsAbsorbed());
    }

    @Test
    void cancelHasItsOwnTransactionAndFindsItsInvite() throws Exception {
        ServerTransaction invite = serve(invite("z9hG4bKnashds8"));
        SipRequest cancel = request("CANCEL", "z9hG4bKnashds8");
        ServerTransaction cancelTransaction = serve(cancel);
        assertFalse(cancelTransaction.isInvite());
        assertEquals(Optional.of(invite), layer.findInviteFor(cancel));
        assertTrue(layer.onRequest(cancel, UDP).isAbsorbed());
        assertEquals(Optional.empty(), layer.findInviteFor(request("CANCEL", "z9hG4bKother")));
        invite.sendResponse(response(invite.request(), 200, "t1"));
        layer.onRequest(ackFor(invite.request(), "t1"), UDP);
        clock.advance(Duration.ofSeconds(40));
        assertEquals(Optional.empty(), layer.findInviteFor(cancel), "ended transactions are not found");
    }

    @Test
    void ackWithTheInvitesBranchIsAbsorbedAndAnyOtherAckIsForTheTu() throws Exception {
        ServerTransaction invite = serve(invite("z9hG4bKnashds8"));
        SipRequest ack = ackFor(invite.request(), "t1");
        assertTrue(layer.onRequest(ack, UDP).isAbsorbed(), "an ACK before the final response is dropped");
        invite.sendResponse(response(invite.request(), 404, "t1"));
        assertTrue(layer.onRequest(ack, UDP).isAbsorbed());
        assertEquals(TransactionState.CONFIRMED, invite.state());
        assertTrue(layer.onRequest(request("ACK", "z9hG4bKack2xx", HOST, 314159, "t1"), UDP).isUnmatchedAck());
        assertSame(ServerRequestResult.UNMATCHED_ACK, layer.onRequest(request("ACK", "z9hG4bKnone"), UDP));
    }

    @Test
    void matchesRfc2543RequestsWithoutMagicCookie() throws Exception {
        SipRequest invite = invite("1a2b3c");
        ServerTransaction transaction = serve(invite);
        assertTrue(layer.onRequest(invite("1a2b3c"), UDP).isAbsorbed());
        serve(request("INVITE", "1a2b3c", HOST, 314160, null));
        serve(request("INVITE", "1a2b3d", HOST, 314159, null));
        serve(request("INVITE", "1a2b3c", HOST, 314159, "sometag"));
        SipRequest cancel = request("CANCEL", "1a2b3c");
        serve(cancel);
        assertEquals(Optional.of(transaction), layer.findInviteFor(cancel));
    }

    @Test
    void matchesRfc2543RequestsWithoutBranch() throws Exception {
        ServerTransaction transaction = serve(invite(null));
        assertTrue(layer.onRequest(invite(null), UDP).isAbsorbed());
        assertEquals(Optional.of(transaction), layer.findInviteFor(request("CANCEL", null)));
    }

    @Test
    void matchesTheRfc2543AckByTheToTagOfTheResponse() throws Exception {
        SipRequest invite = invite("1a2b3c");
        ServerTransaction transaction = serve(invite);
        transaction.sendResponse(response(invite, 486, "t9"));
        assertTrue(layer.onRequest(ackFor(invite, "wrong"), UDP).isUnmatchedAck());
        assertEquals(TransactionState.COMPLETED, transaction.state());
        assertTrue(layer.onRequest(ackFor(invite, "t9"), UDP).isAbsorbed());
        assertEquals(TransactionState.CONFIRMED, transaction.state());
    }

    @Test
    void matchesTheRfc2543AckOfAReInvite() throws Exception {
        SipRequest reInvite = request("INVITE", null, HOST, 314160, "t9");
        ServerTransaction transaction = serve(reInvite);
        transaction.sendResponse(response(reInvite, 491, "t9"));
        assertTrue(layer.onRequest(request("ACK", null, HOST, 314160, "t9"), UDP).isAbsorbed());
        assertEquals(TransactionState.CONFIRMED, transaction.state());
    }

    @Test
    void rfc2543AckOfA2xxGoesToTheTu() throws Exception {
        SipRequest invite = invite("1a2b3c");
        ServerTransaction transaction = serve(invite);
        transaction.sendResponse(response(invite, 200, "t9"));
        assertTrue(layer.onRequest(ackFor(invite, "t9"), UDP).isUnmatchedAck());
    }

    @Test
    void responsesMatchByBranchAndCSeqMethod() throws Exception {
        SipRequest options = request("OPTIONS", "z9hG4bKc1");
        layer.sendRequest(options, UDP, listener, DIRECT);
        assertFalse(layer.onResponse(response(request("OPTIONS", "z9hG4bKc2"), 200, "x")));
        assertFalse(layer.onResponse(response(request("INFO", "z9hG4bKc1"), 200, "x")));
        assertFalse(layer.onResponse(response(request("OPTIONS", null), 200, "x")));
        assertEquals(3, layer.statistics().strayResponses());
        assertEquals(List.of(), listener.events());
        assertTrue(layer.onResponse(response(options, 200, "x")));
        assertEquals(List.of("final 200"), listener.events());
    }

    @Test
    void anAckOfA2xxGoesStraightToTheTransportWithoutATransaction() throws Exception {
        SipRequest ack = request("ACK", "z9hG4bKack1");
        layer.sendAck(ack, UDP);
        assertSame(ack, sender.last());
        assertEquals(0, layer.statistics().createdClientTransactions());
        assertThrows(IllegalArgumentException.class, () -> layer.sendAck(request("BYE", "z9hG4bKbye1"), UDP));
        sender.failAfter(0);
        assertThrows(java.io.IOException.class, () -> layer.sendAck(ack, UDP));
        assertEquals(1, sender.count());
    }

    @Test
    void sendRequestChecksTheRequest() {
        assertThrows(IllegalArgumentException.class,
                () -> layer.sendRequest(request("ACK", "z9hG4bKa"), UDP, listener, DIRECT));
        assertThrows(IllegalArgumentException.class,
                () -> layer.sendRequest(request("OPTIONS", "1a2b"), UDP, listener, DIRECT));
        assertThrows(IllegalArgumentException.class,
                () -> layer.sendRequest(request("OPTIONS", null), UDP, listener, DIRECT));
        layer.sendRequest(request("OPTIONS", "z9hG4bKsame"), UDP, listener, DIRECT);
        IllegalStateException busy = assertThrows(IllegalStateException.class,
                () -> layer.sendRequest(request("OPTIONS", "z9hG4bKsame"), UDP, listener, DIRECT));
        assertTrue(busy.getMessage().contains("z9hG4bKsame"));
        assertEquals(1, sender.count());
        assertEquals(1, layer.statistics().createdClientTransactions());
    }

    @Test
    void shutdownRefusesNewTransactionsAndTellsWhenTheLastOneEnded() throws Exception {
        SipRequest bye = request("BYE", "z9hG4bKb1", HOST, 2, "t1");
        ServerTransaction server = serve(bye);
        ClientTransaction client = layer.sendRequest(invite("z9hG4bKc1"), TCP, listener, DIRECT);
        assertTrue(layer.shutdown());
        assertTrue(layer.isShuttingDown());
        assertTrue(layer.onRequest(invite("z9hG4bKnew"), UDP).isRejected());
        assertTrue(layer.onRequest(bye, UDP).isAbsorbed());
        assertThrows(IllegalStateException.class,
                () -> layer.sendRequest(request("OPTIONS", "z9hG4bKo"), UDP, listener, DIRECT));
        layer.onResponse(response(client.request(), 180, "r1"));
        client.cancel();
        assertEquals(3, layer.inFlight(), "the CANCEL of a running INVITE still goes out");
        CompletableFuture<Void> idle = layer.whenIdle().toCompletableFuture();
        server.sendResponse(response(bye, 200, null));
        clock.advance(Duration.ofSeconds(10));
        layer.onResponse(response(TransactionMessages.cancelFor(client.request()), 200, "r1"));
        layer.onResponse(response(client.request(), 487, "r1"));
        assertEquals(1, layer.inFlight());
        assertFalse(idle.isDone());
        clock.advance(Duration.ofSeconds(22));
        assertTrue(idle.isDone());
        assertEquals(0, layer.inFlight());
    }

    /** A node that drains refuses new calls but keeps relaying within the calls it has. */
    @Test
    void whileShuttingDownRequestsWithinADialogStillGetTransactions() throws Exception {
        layer.shutdown();
        assertTrue(layer.onRequest(request("OPTIONS", "z9hG4bKo1"), UDP).isRejected(), "a request outside a dialog");
        ServerTransaction bye = serve(request("BYE", "z9hG4bKb2", HOST, 3, "t2"));
        ClientTransaction relayed = layer.sendRequest(request("BYE", "z9hG4bKb3", HOST, 3, "t2"), UDP, listener,
                DIRECT);
        assertEquals(2, layer.inFlight());
        assertEquals("BYE", relayed.request().method().name());
        assertEquals("BYE", bye.request().method().name());
    }

    @Test
    void shutdownWithNothingInFlightIsIdleAtOnce() {
        assertFalse(layer.shutdown());
        assertTrue(layer.whenIdle().toCompletableFuture().isDone());
    }

    /** RFC 3261 §16.11: a request the TU forwards statelessly leaves no transaction behind. */
    @Test
    void aReleasedTransactionLeavesTheTableAndCountsAsReleasedUnlessItAnswered() throws Exception {
        serve(invite("z9hG4bKs1")).release();
        clock.advance(Duration.ofSeconds(1));
        assertEquals(0, sender.count(), "no 100 Trying for a released INVITE");
        ServerTransaction answered = serve(invite("z9hG4bKs1"));
        answered.sendResponse(response(answered.request(), 180, "t1"));
        answered.release();
        TransactionStatistics statistics = layer.statistics();
        assertEquals(2, statistics.createdServerTransactions());
        assertEquals(1, statistics.releasedServerTransactions(), "the one that answered was a transaction");
        assertEquals(0, statistics.currentServerTransactions());
    }

    @Test
    void countsTransactionsInTheTable() throws Exception {
        ServerTransaction server = serve(request("OPTIONS", "z9hG4bKs1"));
        layer.sendRequest(request("OPTIONS", "z9hG4bKc1"), TCP, listener, DIRECT);
        TransactionStatistics statistics = layer.statistics();
        assertEquals(1, statistics.currentServerTransactions());
        assertEquals(1, statistics.currentClientTransactions());
        server.sendResponse(response(server.request(), 200, null));
        clock.advance(Duration.ofSeconds(32));
        assertEquals(0, statistics.currentServerTransactions());
        assertEquals(1, statistics.createdServerTransactions());
        assertEquals(0, statistics.currentClientTransactions());
        assertEquals(1, statistics.timeouts());
        assertTrue(statistics.toString().contains("timeouts=1"));
    }

    @Test
    void asynchronousTransportErrorsReachTheTransactionThatSent() throws Exception {
        ClientTransaction client = layer.sendRequest(request("OPTIONS", "z9hG4bKc1"), TCP, listener, DIRECT);
        layer.onTransportError(client.request(), new IOException("reset"));
        assertEquals(List.of("transport error"), listener.events());
        assertEquals(TerminationCause.TRANSPORT_ERROR, client.termination().toCompletableFuture().getNow(null));

        ServerTransaction server = serve(invite("z9hG4bKs1"));
        SipResponse busy = response(server.request(), 486, "t1");
        server.sendResponse(busy);
        layer.onTransportError(busy, new IOException("unreachable"));
        assertEquals(TerminationCause.TRANSPORT_ERROR, server.termination().toCompletableFuture().getNow(null));
        assertEquals(2, layer.statistics().transportErrors());
        layer.onTransportError(busy, new IOException("late"));
        assertEquals(2, layer.statistics().transportErrors());
    }

    @Test
    void concurrentCopiesOfOneRequestMakeOneTransaction() throws Exception {
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int round = 0; round < 50; round++) {
                SipRequest invite = invite("z9hG4bKrace" + round);
                CyclicBarrier start = new CyclicBarrier(threads);
                List<Future<ServerRequestResult>> results = new ArrayList<>();
                for (int i = 0; i < threads; i++) {
                    results.add(pool.submit(() -> {
                        start.await();
                        return layer.onRequest(invite, UDP);
                    }));
                }
                int created = 0;
                for (Future<ServerRequestResult> result : results) {
                    if (result.get(10, TimeUnit.SECONDS).isNewTransaction()) {
                        created++;
                    }
                }
                assertEquals(1, created);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(50, layer.statistics().currentServerTransactions());
        assertEquals(50 * 7, layer.statistics().retransmissionsAbsorbed());
    }
}
