package io.switchboard.transport.transaction;

import io.switchboard.transport.message.SipMethod;

/**
 * What identifies a client transaction (RFC 3261 §17.1.3): the branch of the top Via of the
 * request, and its method, which a response carries in CSeq. A CANCEL shares the INVITE's branch
 * and is told apart by the method.
 */
record ClientKey(String branch, SipMethod method) {
}
