package io.switchboard.transport.transaction;

import static io.switchboard.transport.transaction.SampleMessages.TCP;
import static io.switchboard.transport.transaction.SampleMessages.UDP;
import static io.switchboard.transport.transaction.SampleMessages.request;
import static io.switchboard.transport.transaction.SampleMessages.response;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.transport.message.SipRequest;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

class NonInviteClientTransactionTest {

    private static final Executor DIRECT = Runnable::run;

    private final ManualTimerScheduler clock = new ManualTimerScheduler();
    private final RecordingSender sender = new RecordingSender(clock);
    private final TransactionLayer layer = new TransactionLayer(TimerSettings.DEFAULT, clock, sender);
    private final RecordingListener listener = new RecordingListener();
    private final SipRequest options = request("OPTIONS", "z9hG4bKopt1");

    private void at(long millis) {
        clock.advance(Duration.ofMillis(millis).minus(clock.now()));
    }

    private static TerminationCause cause(ClientTransaction transaction) {
        return transaction.termination().toCompletableFuture().getNow(null);
    }

    @Test
    void timerERetransmitsDoublingUpToT2UntilTimerFReportsTheTimeout() {
        ClientTransaction transaction = layer.sendRequest(options, UDP, listener, DIRECT);
        assertEquals(TransactionState.TRYING, transaction.state());
        at(31_999);
        assertEquals(List.of(0L, 500L, 1500L, 3500L, 7500L, 11_500L, 15_500L, 19_500L, 23_500L, 27_500L, 31_500L),
                sender.times());
        assertTrue(sender.all().stream().allMatch(sent -> sent.message() == options && sent.hop() == UDP));
        assertEquals(List.of(), listener.events());
        at(32_000);
        assertEquals(List.of("timeout"), listener.events());
        assertEquals(TerminationCause.TIMEOUT, cause(transaction));
        assertEquals(1, layer.statistics().timeouts());
        assertEquals(0, layer.inFlight());
        at(100_000);
        assertEquals(11, sender.count());
    }

    @Test
    void noRetransmissionOverTcp() {
        ClientTransaction transaction = layer.sendRequest(options, TCP, listener, DIRECT);
        at(31_999);
        assertEquals(List.of(0L), sender.times());
        at(32_000);
        assertEquals(List.of("timeout"), listener.events());
        assertEquals(TerminationCause.TIMEOUT, cause(transaction));
    }

    @Test
    void proceedingRetransmitsEveryT2() throws Exception {
        ClientTransaction transaction = layer.sendRequest(options, UDP, listener, DIRECT);
        at(600);
        assertTrue(layer.onResponse(response(options, 100, null)));
        assertEquals(TransactionState.PROCEEDING, transaction.state());
        at(31_999);
        assertEquals(List.of(0L, 500L, 1500L, 5500L, 9500L, 13_500L, 17_500L, 21_500L, 25_500L, 29_500L),
                sender.times());
        at(32_000);
        assertEquals(List.of("provisional 100", "timeout"), listener.events());
    }

    @Test
    void finalResponseCompletesAndRetransmissionsAreAbsorbedUntilTimerK() throws Exception {
        ClientTransaction transaction = layer.sendRequest(options, UDP, listener, DIRECT);
        assertEquals(1, layer.statistics().activeTransactions());
        at(700);
        assertTrue(layer.onResponse(response(options, 180, "x1")));
        assertEquals(1, layer.statistics().activeTransactions(), "a provisional response is not the end");
        assertTrue(layer.onResponse(response(options, 200, "x1")));
        assertEquals(TransactionState.COMPLETED, transaction.state());
        assertEquals(0, layer.statistics().activeTransactions());
        assertEquals(1, layer.statistics().currentClientTransactions(), "in use until timer K");
        assertTrue(layer.onResponse(response(options, 200, "x1")));
        assertTrue(layer.onResponse(response(options, 180, "x1")));
        assertEquals(List.of("provisional 180", "final 200"), listener.events());
        assertEquals(2, layer.statistics().retransmissionsAbsorbed());
        at(5699);
        assertEquals(List.of(0L, 500L), sender.times());
        assertEquals(TransactionState.COMPLETED, transaction.state());
        at(5700);
        assertEquals(TerminationCause.NORMAL, cause(transaction));
        assertFalse(layer.onResponse(response(options, 200, "x1")));
        assertEquals(1, layer.statistics().strayResponses());
        assertEquals(4, layer.statistics().repliesReceived(), "the stray response is not the transactions'");
        assertEquals(4, layer.statistics().repliesAbsorbed(), "none relayed");
        assertEquals(0, layer.statistics().completedServerTransactions(2), "client transactions are not counted");
    }

    @Test
    void finalResponseOverTcpEndsTheTransactionAtOnce() throws Exception {
        ClientTransaction transaction = layer.sendRequest(options, TCP, listener, DIRECT);
        layer.onResponse(response(options, 404, "x1"));
        assertEquals(TerminationCause.NORMAL, cause(transaction));
        assertEquals(List.of("final 404"), listener.events());
        assertEquals(0, layer.statistics().currentClientTransactions());
    }

    @Test
    void failureToSendIsReportedAsATransportError() {
        sender.failAfter(0);
        ClientTransaction transaction = layer.sendRequest(options, UDP, listener, DIRECT);
        assertEquals(List.of("transport error"), listener.events());
        assertInstanceOf(IOException.class, listener.transportError());
        assertEquals(TerminationCause.TRANSPORT_ERROR, cause(transaction));
        assertEquals(0, layer.inFlight());
        assertEquals(0, clock.pending());
    }

    @Test
    void failureOfARetransmissionIsReportedAsATransportError() {
        sender.failAfter(2);
        ClientTransaction transaction = layer.sendRequest(options, UDP, listener, DIRECT);
        at(1500);
        assertEquals(List.of("transport error"), listener.events());
        assertEquals(TerminationCause.TRANSPORT_ERROR, cause(transaction));
        at(40_000);
        assertEquals(List.of("transport error"), listener.events());
    }

    @Test
    void callbacksRunOnTheGivenExecutorInOrder() throws Exception {
        List<Runnable> lane = new ArrayList<>();
        ClientTransaction transaction = layer.sendRequest(options, UDP, listener, lane::add);
        layer.onResponse(response(options, 100, null));
        layer.onResponse(response(options, 200, "x1"));
        assertEquals(List.of(), listener.events());
        lane.forEach(Runnable::run);
        assertEquals(List.of("provisional 100", "final 200"), listener.events());
        assertArrayEquals(options.encode(), transaction.request().encode(), "settled: a copy of the same bytes");
        assertSame(UDP, transaction.hop());
    }

    @Test
    void aNonInviteIsNotCancelled() {
        ClientTransaction transaction = layer.sendRequest(options, UDP, listener, DIRECT);
        assertThrows(IllegalStateException.class, transaction::cancel);
    }
}
