package io.switchboard.transport.transaction;

/**
 * What {@link TransactionLayer#onRequest} made of a request (RFC 3261 §17.2.3):
 * <ul>
 *   <li>{@link Kind#NEW_TRANSACTION}: a new request; {@link #transaction()} is the new server
 *       transaction, the TU handles the request and answers through it;</li>
 *   <li>{@link Kind#ABSORBED}: a retransmission, or the ACK of a 300–699 response, taken by its
 *       transaction (an ACK that matches an INVITE transaction before its final response is
 *       dropped the same way); the TU does nothing;</li>
 *   <li>{@link Kind#UNMATCHED_ACK}: an ACK no transaction absorbs, the ACK of a 2xx (§13.2.2.4,
 *       RFC 6026 §7.1); the TU routes it like any request, without a transaction;</li>
 *   <li>{@link Kind#REJECTED}: a new request while the layer shuts down; the TU may answer it
 *       statelessly (503).</li>
 * </ul>
 *
 * @param kind what the request is
 * @param transaction the new server transaction for {@link Kind#NEW_TRANSACTION}, else null
 */
public record ServerRequestResult(Kind kind, ServerTransaction transaction) {

    public enum Kind {
        NEW_TRANSACTION,
        ABSORBED,
        UNMATCHED_ACK,
        REJECTED
    }

    public static final ServerRequestResult ABSORBED = new ServerRequestResult(Kind.ABSORBED, null);
    public static final ServerRequestResult UNMATCHED_ACK = new ServerRequestResult(Kind.UNMATCHED_ACK, null);
    public static final ServerRequestResult REJECTED = new ServerRequestResult(Kind.REJECTED, null);

    public ServerRequestResult {
        if (kind == null || (kind == Kind.NEW_TRANSACTION) != (transaction != null)) {
            throw new IllegalArgumentException("a " + kind + " result with transaction " + transaction);
        }
    }

    static ServerRequestResult created(ServerTransaction transaction) {
        return new ServerRequestResult(Kind.NEW_TRANSACTION, transaction);
    }

    public boolean isNewTransaction() {
        return kind == Kind.NEW_TRANSACTION;
    }

    public boolean isAbsorbed() {
        return kind == Kind.ABSORBED;
    }

    public boolean isUnmatchedAck() {
        return kind == Kind.UNMATCHED_ACK;
    }

    public boolean isRejected() {
        return kind == Kind.REJECTED;
    }
}
