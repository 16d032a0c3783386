package io.switchboard.engine.proxy;

import io.switchboard.transport.header.NameAddress;
import io.switchboard.transport.header.Via;
import io.switchboard.transport.message.HeaderName;
import io.switchboard.transport.message.MessageBuilder;
import io.switchboard.transport.message.SipRequest;
import io.switchboard.transport.message.SipResponse;
import io.switchboard.transport.message.SipStatus;
import io.switchboard.transport.parse.SipParseException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.zip.CRC32;

/**
 * Kamailio's sl module (seed manual 003, "SL"): replies built without a transaction
 * ({@code sl_send_reply}). Their To tag carries a signature — a prefix fixed for this process and
 * a CRC of the Call-ID and top Via branch — so the ACK a UAC sends for a negative reply to an
 * INVITE (RFC 3261 §17.1.1.3, same branch as the INVITE) is recognised and absorbed rather than
 * forwarded.
 */
public final class StatelessReplies {

    private final String signature;
    private final String server;

    public StatelessReplies(String server) {
        byte[] random = new byte[6];
        new SecureRandom().nextBytes(random);
        this.signature = "sb" + HexFormat.of().formatHex(random);
        this.server = server;
    }

    /** The response {@code sl_send_reply(code, reason)} sends for {@code request}. */
    public SipResponse reply(SipRequest request, int code, String reason) {
        String toTag = code > SipStatus.TRYING ? toTag(request) : null;
        MessageBuilder builder = MessageBuilder.responseTo(request, code, reason, toTag);
        if (server != null) {
            builder.add(HeaderName.SERVER, server);
        }
        return builder.buildResponse();
    }

    /** As {@link #reply} with a Warning (RFC 3261 §20.43, code 399) telling what was wrong. */
    public SipResponse reply(SipRequest request, int code, String reason, String warning) {
        return reply(request, code, reason).toBuilder()
                .add(HeaderName.WARNING, "399 switchboard \"" + warning.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
                .buildResponse();
    }

    /** True for an ACK whose To tag carries this process's signature for its call and branch. */
    public boolean isAckForLocalReply(SipRequest ack) {
        if (!ack.isAck()) {
            return false;
        }
        try {
            NameAddress to = ack.to();
            String tag = to.tag();
            return tag != null && tag.equals(toTag(ack));
        } catch (SipParseException e) {
            return false;
        }
    }

    private String toTag(SipRequest request) {
        CRC32 crc = new CRC32();
        crc.update(header(request, HeaderName.CALL_ID).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        crc.update(branch(request).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return signature + "." + Long.toHexString(crc.getValue());
    }

    private static String header(SipRequest request, HeaderName name) {
        String value = request.header(name);
        return value == null ? "" : value;
    }

    private static String branch(SipRequest request) {
        try {
            Via top = request.topVia();
            return top.branch() == null ? top.toString() : top.branch();
        } catch (SipParseException e) {
            return "";
        }
    }
}
