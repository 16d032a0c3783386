package io.switchboard.transport.transaction;

import io.switchboard.transport.message.SipMessage;
import java.io.IOException;

/**
 * The transport below the transaction layer (RFC 3261 §18): the layer hands every request,
 * response, retransmission, ACK and CANCEL it sends to this, and the engine plugs its network
 * egress in. It is called while a transaction's lock is held, so it must not block and must not
 * call back into the transaction layer.
 */
@FunctionalInterface
public interface MessageSender {

    /**
     * Sends {@code message} to {@code hop}. A failure to send, thrown here, is the transport error
     * of RFC 3261 §17.1.4 and §17.2.4; one that surfaces later is reported with
     * {@link TransactionLayer#onTransportError(SipMessage, Exception)}.
     */
    void send(SipMessage message, Hop hop) throws IOException;
}
