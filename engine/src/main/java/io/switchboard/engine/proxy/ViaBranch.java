package io.switchboard.engine.proxy;

import io.switchboard.transport.header.Via;
import io.switchboard.transport.message.SipMethod;
import io.switchboard.transport.message.SipRequest;
import io.switchboard.transport.parse.SipParseException;

/**
 * The branch of the Via this proxy adds (RFC 3261 §16.6 step 8, §16.11). It is computed from the
 * received request, not drawn at random, so it is stateless-safe: a retransmission, and the
 * CANCEL for an INVITE, get the same branch as the original. The branch index tells apart the
 * targets of serial forking.
 */
public final class ViaBranch {

    private ViaBranch() {
    }

    /** {@code z9hG4bK<hash>.<index>} for the {@code index}-th target of {@code request}. */
    public static String of(SipRequest request, int index) throws SipParseException {
        Via top = request.topVia();
        long hash = 0xcbf29ce484222325L;
        SipMethod method = request.method();
        if (top.hasRfc3261Branch()) {
            hash = mix(hash, top.branch());
            hash = mix(hash, top.host());
            hash = mix(hash, Integer.toString(top.port()));
        } else {
            hash = mix(hash, request.callId());
            hash = mix(hash, request.from().tag());
            hash = mix(hash, request.requestUriText());
            hash = mix(hash, Long.toString(request.cseq().number()));
            hash = mix(hash, top.toString());
        }
        hash = mix(hash, method.isAck() || method.isCancel() ? SipMethod.INVITE.name() : method.name());
        return Via.MAGIC_COOKIE + Long.toHexString(hash) + "." + index;
    }

    private static long mix(long hash, String value) {
        long h = hash;
        if (value != null) {
            for (int i = 0; i < value.length(); i++) {
                h ^= value.charAt(i);
                h *= 0x100000001b3L;
            }
        }
        h ^= 0xff;
        return h * 0x100000001b3L;
    }
}
