package io.switchboard.transport.transaction;

import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of the transaction layer (RFC 3261 §17), read-only outside the package: transactions
 * in the table now, still waiting for their final response, and created so far; server
 * transactions by the class of the final response they completed with; responses received by
 * client transactions and sent by server transactions, generated here or relayed — the figures
 * of Kamailio's tmx statistics ({@code rpl_received}, {@code rpl_sent}, ...) — and retransmissions
 * sent and absorbed, timeouts (B, F, H and §9.1's wait after a CANCEL), transport errors
 * (§17.1.4, §17.2.4) and stray responses (§18.1.2).
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
    private final LongAdder settled = new LongAdder();
    private final LongAdder[] completedByClass = {new LongAdder(), new LongAdder(), new LongAdder(),
        new LongAdder(), new LongAdder()};
    private final LongAdder repliesReceived = new LongAdder();
    private final LongAdder repliesSent = new LongAdder();
    private final LongAdder repliesGenerated = new LongAdder();

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
     * Transactions that have no final response yet (Kamailio's {@code active_transactions}: those
     * not yet put on wait): server transactions in Trying or Proceeding, client transactions in
     * Calling, Trying or Proceeding.
     */
    public long activeTransactions() {
        return Math.max(0, createdServer.sum() + createdClient.sum() - settled.sum());
    }

    /**
     * Server transactions completed with a final response of {@code statusClass} (2 to 6), counted
     * once, when the first final response was sent (Kamailio's {@code 2xx_transactions} ...).
     */
    public long completedServerTransactions(int statusClass) {
        if (statusClass < 2 || statusClass > 6) {
            throw new IllegalArgumentException("a final response class is 2 to 6, not " + statusClass);
        }
        return completedByClass[statusClass - 2].sum();
    }

    /** Responses matched to a client transaction, retransmissions included (Kamailio's {@code rpl_received}). */
    public long repliesReceived() {
        return repliesReceived.sum();
    }

    /**
     * Responses server transactions sent, each once: those the TU relayed, those it generated
     * and the INVITE transaction's own 100 Trying; retransmissions are not counted (Kamailio's
     * {@code rpl_sent}).
     */
    public long repliesSent() {
        return repliesSent.sum();
    }

    /** The responses of {@link #repliesSent()} generated here, not relayed (Kamailio's {@code rpl_generated}). */
    public long repliesGenerated() {
        return repliesGenerated.sum();
    }

    /** The responses of {@link #repliesSent()} the TU relayed (Kamailio's {@code rpl_relayed}). */
    public long repliesRelayed() {
        return repliesSent() - repliesGenerated();
    }

    /** Responses received and not relayed (Kamailio's {@code rpl_absorbed}, received minus relayed). */
    public long repliesAbsorbed() {
        return Math.max(0, repliesReceived() - repliesRelayed());
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

    void transactionSettled() {
        settled.increment();
    }

    void serverCompleted(int statusCode) {
        completedByClass[Math.min(statusCode / 100, 6) - 2].increment();
    }

    void replyReceived() {
        repliesReceived.increment();
    }

    void replySent(boolean generated) {
        repliesSent.increment();
        if (generated) {
            repliesGenerated.increment();
        }
    }

    @Override
    public String toString() {
        return "TransactionStatistics[server=" + currentServerTransactions() + ", client=" + currentClientTransactions()
                + ", active=" + activeTransactions()
                + ", createdServer=" + createdServerTransactions() + ", createdClient=" + createdClientTransactions()
                + ", releasedServer=" + releasedServerTransactions()
                + ", repliesReceived=" + repliesReceived() + ", repliesSent=" + repliesSent() + ", repliesGenerated="
                + repliesGenerated()
                + ", retransmissionsSent=" + retransmissionsSent() + ", retransmissionsAbsorbed="
                + retransmissionsAbsorbed() + ", timeouts=" + timeouts() + ", transportErrors=" + transportErrors()
                + ", strayResponses=" + strayResponses() + "]";
    }
}
