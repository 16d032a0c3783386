package io.switchboard.transport.transaction;

import io.switchboard.transport.message.SipResponse;

/**
 * What a client transaction tells its TU (RFC 3261 §17.1): responses, and the failures of
 * §17.1.1.2/§17.1.2.2 (timer B or F) and §17.1.4 (transport). Calls run on the executor given to
 * {@link TransactionLayer#sendRequest}, in order; exactly one of {@link #onFinal},
 * {@link #onTimeout} and {@link #onTransportError} is called, once, and nothing after it.
 * Retransmitted responses the transaction absorbs are not reported.
 */
public interface ClientTransactionListener {

    /** A 1xx response (each one received while the transaction is Calling, Trying or Proceeding). */
    default void onProvisional(SipResponse response) {
    }

    /**
     * The final response. After a 2xx to an INVITE the transaction is over and the TU sends the
     * ACK end to end (§13.2.2.4); after a 300–699 the transaction has sent the ACK itself.
     */
    void onFinal(SipResponse response);

    /** No final response in time: timer B (INVITE), timer F (non-INVITE), or §9.1's 64*T1 after a CANCEL. */
    void onTimeout();

    /** The transport failed to send the request or a retransmission (§17.1.4). */
    void onTransportError(Exception cause);
}
