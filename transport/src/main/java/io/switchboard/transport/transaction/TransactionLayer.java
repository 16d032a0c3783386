package io.switchboard.transport.transaction;

import io.switchboard.transport.header.CSeq;
import io.switchboard.transport.header.Via;
import io.switchboard.transport.message.SipMessage;
import io.switchboard.transport.message.SipMethod;
import io.switchboard.transport.message.SipRequest;
import io.switchboard.transport.message.SipResponse;
import io.switchboard.transport.parse.SipParseException;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * The transaction layer of RFC 3261 §17: the table of client and server transactions and the
 * matching of incoming messages to them. Requests are matched to server transactions by §17.2.3
 * (top Via branch with the magic cookie, sent-by and method, an ACK matching its INVITE; the RFC
 * 2543 rules for branches without the cookie), CANCELs to their INVITE by §9.2, responses to
 * client transactions by §17.1.3. Thread-safe; transactions leave the table when they terminate.
 */
public final class TransactionLayer {

    private final TimerSettings settings;
    private final TimerScheduler scheduler;
    private final MessageSender sender;
    private final ConcurrentHashMap<ServerKey, ServerTransaction> servers = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<ClientKey, ClientTransaction> clients = new ConcurrentHashMap<>();
    private final TransactionStatistics statistics = new TransactionStatistics();
    private final CompletableFuture<Void> idle = new CompletableFuture<>();
    private volatile boolean shuttingDown;

    public TransactionLayer(TimerSettings settings, TimerScheduler scheduler, MessageSender sender) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.sender = Objects.requireNonNull(sender, "sender");
    }

    public TimerSettings settings() {
        return settings;
    }

    public TransactionStatistics statistics() {
        return statistics;
    }

    TimerScheduler scheduler() {
        return scheduler;
    }

    MessageSender sender() {
        return sender;
    }

    /**
     * Matches a received request (§17.2.3). A retransmission is absorbed by its transaction,
     * which re-sends its last response; an ACK of a 300–699 response is absorbed by the INVITE
     * transaction; any other ACK is for the TU to route; anything else starts a server
     * transaction whose responses go to {@code source}.
     *
     * @throws SipParseException if the top Via, CSeq, From, To or Call-ID needed for matching is bad
     */
    public ServerRequestResult onRequest(SipRequest request, Hop source) throws SipParseException {
        Objects.requireNonNull(source, "source");
        if (request.isAck()) {
            ServerTransaction invite = inviteForAck(request);
            return invite != null && invite.onAck() ? ServerRequestResult.ABSORBED : ServerRequestResult.UNMATCHED_ACK;
        }
        ServerKey key = ServerKey.of(request, request.method());
        while (true) {
            ServerTransaction existing = servers.get(key);
            if (existing != null) {
                if (existing.isTerminated()) {
                    removeServer(existing);
                    continue;
                }
                statistics.retransmissionAbsorbed();
                existing.onRetransmission();
                return ServerRequestResult.ABSORBED;
            }
            if (!admits(request)) {
                return ServerRequestResult.REJECTED;
            }
            ServerTransaction created = request.isInvite()
                    ? new InviteServerTransaction(this, key, request, source)
                    : new NonInviteServerTransaction(this, key, request, source);
            if (servers.putIfAbsent(key, created) == null) {
                statistics.serverCreated();
                created.start();
                return ServerRequestResult.created(created);
            }
        }
    }

    /**
     * The INVITE server transaction a CANCEL refers to (§9.2): matched as the CANCEL's own
     * transaction would be (§17.2.3), but with method INVITE. Empty when it is not (or no longer)
     * in the table; a proxy then forwards the CANCEL statelessly (§16.10).
     */
    public Optional<ServerTransaction> findInviteFor(SipRequest cancel) throws SipParseException {
        ServerTransaction invite = servers.get(ServerKey.of(cancel, SipMethod.INVITE));
        return invite == null || invite.isTerminated() ? Optional.empty() : Optional.of(invite);
    }

    private ServerTransaction inviteForAck(SipRequest ack) throws SipParseException {
        Via top = ack.topVia();
        if (top.hasRfc3261Branch()) {
            return servers.get(ServerKey.byBranch(top, SipMethod.INVITE));
        }
        String toTag = ack.to().tag();
        ServerTransaction invite = servers.get(ServerKey.legacy(ack, SipMethod.INVITE, null));
        if (invite == null && toTag != null) {
            invite = servers.get(ServerKey.legacy(ack, SipMethod.INVITE, toTag));
        }
        return invite != null && Objects.equals(invite.responseToTag(), toTag) ? invite : null;
    }

    /**
     * Hands a received response to its client transaction (§17.1.3), which reports it to its TU
     * on the transaction's executor. False for a stray response, which a proxy forwards
     * statelessly (§16.7, §18.1.2).
     *
     * @throws SipParseException if the top Via or CSeq is bad
     */
    public boolean onResponse(SipResponse response) throws SipParseException {
        String branch = response.topVia().branch();
        ClientTransaction transaction = branch == null ? null : clients.get(new ClientKey(branch, response.cseq().method()));
        if (transaction != null && transaction.onResponse(response)) {
            statistics.replyReceived();
            return true;
        }
        statistics.strayResponse();
        return false;
    }

    /**
     * Starts a client transaction for {@code request} (§17.1) and sends it to {@code hop}. The
     * request must carry its top Via with a fresh RFC 3261 branch (§8.1.1.7); ACK is never sent
     * in a transaction (§17.1.1.3). Listener calls run on {@code callbackExecutor}. A transport
     * error while sending is reported to the listener, not thrown.
     *
     * @throws IllegalArgumentException for an ACK, a request without a usable top Via or CSeq, or a
     *     branch without the magic cookie
     * @throws IllegalStateException when the layer shuts down or the branch is in use
     */
    public ClientTransaction sendRequest(SipRequest request, Hop hop, ClientTransactionListener listener,
            Executor callbackExecutor) {
        if (!admits(request)) {
            throw new IllegalStateException("the transaction layer is shutting down; no new calls");
        }
        return start(request, hop, listener, callbackExecutor);
    }

    /**
     * Sends the ACK a UAC core generates for a 2xx to its INVITE (§13.2.2.4) to {@code hop}: it
     * belongs to no transaction (§17.1.1.3), so it goes straight to the transport, once.
     *
     * @throws IllegalArgumentException for a request that is no ACK
     * @throws IOException the transport's failure to send it
     */
    public void sendAck(SipRequest ack, Hop hop) throws IOException {
        if (!ack.isAck()) {
            throw new IllegalArgumentException("only an ACK is sent without a transaction, not " + ack.method());
        }
        sender.send(ack, Objects.requireNonNull(hop, "hop"));
    }

    /** Starts the CANCEL transaction of an INVITE client transaction, also while shutting down (§9.1). */
    void startCancel(SipRequest cancel, Hop hop, ClientTransactionListener listener, Executor callbackExecutor) {
        start(cancel, hop, listener, callbackExecutor);
    }

    private ClientTransaction start(SipRequest request, Hop hop, ClientTransactionListener listener,
            Executor callbackExecutor) {
        Objects.requireNonNull(hop, "hop");
        Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(callbackExecutor, "callbackExecutor");
        if (request.isAck()) {
            throw new IllegalArgumentException("an ACK is sent without a transaction (RFC 3261 §17.1.1.3, §13.2.2.4)");
        }
        Via top;
        CSeq cseq;
        try {
            top = request.topVia();
            cseq = request.cseq();
        } catch (SipParseException e) {
            throw new IllegalArgumentException("cannot send this request in a transaction: " + e.getMessage(), e);
        }
        if (!top.hasRfc3261Branch()) {
            throw new IllegalArgumentException("the top Via needs a branch starting with " + Via.MAGIC_COOKIE
                    + " (RFC 3261 §8.1.1.7): " + top);
        }
        if (!cseq.method().equals(request.method())) {
            throw new IllegalArgumentException("CSeq method " + cseq.method() + " differs from " + request.method());
        }
        ClientKey key = new ClientKey(top.branch(), request.method());
        ClientTransaction transaction = request.isInvite()
                ? new InviteClientTransaction(this, key, request, hop, listener, callbackExecutor)
                : new NonInviteClientTransaction(this, key, request, hop, listener, callbackExecutor);
        if (clients.putIfAbsent(key, transaction) != null) {
            throw new IllegalStateException("a " + request.method() + " client transaction with branch "
                    + top.branch() + " is already in progress");
        }
        statistics.clientCreated();
        transaction.start();
        return transaction;
    }

    /**
     * Reports a transport error that surfaced after {@link MessageSender#send} returned (an
     * asynchronous write or connect failure) for a message this layer sent: the transaction that
     * sent it fails as §17.1.4 and §17.2.4 say. Responses of RFC 2543 server transactions (no
     * magic cookie) cannot be traced back and are ignored, as are messages of ended transactions.
     */
    public void onTransportError(SipMessage sent, Exception cause) {
        Objects.requireNonNull(cause, "cause");
        try {
            Via top = sent.topVia();
            if (top.branch() == null) {
                return;
            }
            Transaction transaction;
            if (sent.isRequest()) {
                SipMethod method = sent.cseq().method();
                transaction = clients.get(new ClientKey(top.branch(), method.isAck() ? SipMethod.INVITE : method));
            } else {
                transaction = top.hasRfc3261Branch()
                        ? servers.get(ServerKey.byBranch(top, sent.cseq().method()))
                        : null;
            }
            if (transaction != null) {
                statistics.transportError();
                transaction.reportTransportError(cause);
            }
        } catch (SipParseException e) {
            // a message this layer could not have sent
        }
    }

    void removeServer(ServerTransaction transaction) {
        if (servers.remove(transaction.key, transaction)) {
            statistics.serverRemoved();
        }
    }

    void removeClient(ClientTransaction transaction) {
        if (clients.remove(transaction.key, transaction)) {
            statistics.clientRemoved();
        }
    }

    /** Transactions in the table. */
    public int inFlight() {
        return servers.size() + clients.size();
    }

    /**
     * Stops taking new calls: new requests outside a dialog are {@link ServerRequestResult.Kind#REJECTED},
     * {@link #sendRequest} throws for them. A node that drains keeps the calls it has: requests
     * within a dialog (with a To tag, RFC 3261 §12.2) and CANCELs still get their transactions, as
     * do the ones sent for them, and running transactions go on to their end. Returns true if any
     * are still in flight; {@link #whenIdle()} tells when the last one ends.
     */
    public boolean shutdown() {
        shuttingDown = true;
        checkIdle();
        return !idle.isDone();
    }

    /** Whether a new transaction may start for {@code request}: any before {@link #shutdown()}, then only a dialog's. */
    private boolean admits(SipRequest request) {
        if (!shuttingDown || request.isCancel()) {
            return true;
        }
        try {
            return request.to().tag() != null;
        } catch (SipParseException e) {
            return false;
        }
    }

    public boolean isShuttingDown() {
        return shuttingDown;
    }

    /** Completes once {@link #shutdown()} was called and no transaction is left. */
    public CompletionStage<Void> whenIdle() {
        return idle.minimalCompletionStage();
    }

    void checkIdle() {
        if (shuttingDown && servers.isEmpty() && clients.isEmpty()) {
            idle.complete(null);
        }
    }
}
