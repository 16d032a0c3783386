package io.switchboard.transport.transaction;

import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of the transaction layer (RFC 3261 §17), read-only outside the package: transactions
 * in the table now and created so far, retransmissions sent and absorbed, timeouts (B, F, H and
 * §9.1's wait after a CANCEL), transport errors (§17.1.4, §17.2.4) and stray responses (§18.1.2).
 */
public final class TransactionStatistics {

    private final LongAdder currentServer = new LongAdder();
    private final LongAdder currentClient = new LongAdder();
    private final LongAdder createdServer = new LongAdder();
    private final LongAdder createdClient = new LongAdder();
    private final LongAdder releasedServer = new LongAdder();
    private final LongAdder retransmissionsSent = new LongAdder();
    private final LongAdder retransmissionsAbsorbed = new LongAdder();
    private final LongAdder timeouts = new LongAdder();
    private final LongAdder transportErrors = new LongAdder();
    private final LongAdder strayResponses = new LongAdder();

    TransactionStatistics() {
    }

    /** Server transactions in the table now. */
    public long currentServerTransactions() {
        return currentServer.sum();
    }

    /** Client transactions in the table now. */
    public long currentClientTransactions() {
        return currentClient.sum();
    }

    public long createdServerTransactions() {
        return createdServer.sum();
    }

    public long createdClientTransactions() {
        return createdClient.sum();
    }

    /**
     * Server transactions their TU released before any response (a request forwarded statelessly
     * or dropped): to the TU they were never transactions.
     */
    public long releasedServerTransactions() {
        return releasedServer.sum();
    }

    /** Requests and responses the layer re-sent on a timer (A, E, G). */
    public long retransmissionsSent() {
        return retransmissionsSent.sum();
    }

    /** Retransmitted requests, ACKs and responses a transaction took without passing them on. */
    public long retransmissionsAbsorbed() {
        return retransmissionsAbsorbed.sum();
    }

    public long timeouts() {
        return timeouts.sum();
    }

    public long transportErrors() {
        return transportErrors.sum();
    }

    /** Responses that matched no client transaction. */
    public long strayResponses() {
        return strayResponses.sum();
    }

    void serverCreated() {
        createdServer.increment();
        currentServer.increment();
    }

    void serverReleased() {
        releasedServer.increment();
    }

    void serverRemoved() {
        currentServer.decrement();
    }

    void clientCreated() {
        createdClient.increment();
        currentClient.increment();
    }

    void clientRemoved() {
        currentClient.decrement();
    }

    void retransmissionSent() {
        retransmissionsSent.increment();
    }

    void retransmissionAbsorbed() {
        retransmissionsAbsorbed.increment();
    }

    void timeout() {
        timeouts.increment();
    }

    void transportError() {
        transportErrors.increment();
    }

    void strayResponse() {
        strayResponses.increment();
    }

    @Override
    public String toString() {
        return "TransactionStatistics[server=" + currentServerTransactions() + ", client=" + currentClientTransactions()
                + ", createdServer=" + createdServerTransactions() + ", createdClient=" + createdClientTransactions()
                + ", releasedServer=" + releasedServerTransactions() + ", retransmissionsSent=" + retransmissionsSent()
                + ", retransmissionsAbsorbed=" + retransmissionsAbsorbed() + ", timeouts=" + timeouts()
                + ", transportErrors=" + transportErrors() + ", strayResponses=" + strayResponses() + "]";
    }
}
