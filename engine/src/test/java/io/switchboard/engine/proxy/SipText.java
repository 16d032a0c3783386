package io.switchboard.engine.proxy;

import io.switchboard.transport.message.SipFramer;
import io.switchboard.transport.message.SipMessage;
import io.switchboard.transport.message.SipRequest;
import io.switchboard.transport.message.SipResponse;
import io.switchboard.transport.parse.SipParseException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Messages for the engine tests, framed from text as the transport frames what it receives: one
 * argument per line, CRLF line ends, {@code Content-Length: 0} and the blank line added.
 */
public final class SipText {

    /** An INVITE from alice to bob, outside a dialog, as a UAC on 192.0.2.10 sends it. */
    public static final String[] INVITE = {
        "INVITE sip:bob@192.0.2.20:5080 SIP/2.0",
        "Via: SIP/2.0/UDP 192.0.2.10:5070;branch=z9hG4bK-inv-1",
        "Max-Forwards: 70",
        "From: <sip:alice@example.com>;tag=a1",
        "To: <sip:bob@example.com>",
        "Call-ID: call-1@192.0.2.10",
        "CSeq: 1 INVITE",
        "Contact: <sip:alice@192.0.2.10:5070>",
    };

    /** A BYE from alice within her call with bob, as the UAC on 192.0.2.10 sends it (no Route yet). */
    public static final String[] BYE = {
        "BYE sip:bob@192.0.2.20:5080 SIP/2.0",
        "Via: SIP/2.0/UDP 192.0.2.10:5070;branch=z9hG4bK-bye-1",
        "Max-Forwards: 70",
        "From: <sip:alice@example.com>;tag=a1",
        "To: <sip:bob@example.com>;tag=b1",
        "Call-ID: call-1@192.0.2.10",
        "CSeq: 2 BYE",
    };

    private SipText() {
    }

    public static SipRequest request(String... lines) {
        return (SipRequest) message(lines);
    }

    public static SipResponse response(String... lines) {
        return (SipResponse) message(lines);
    }

    /** {@code lines} with the line starting with {@code prefix} (case-sensitive) replaced. */
    public static String[] with(String[] lines, String prefix, String replacement) {
        String[] out = lines.clone();
        for (int i = 0; i < out.length; i++) {
            if (out[i].startsWith(prefix)) {
                out[i] = replacement;
                return out;
            }
        }
        throw new IllegalArgumentException("no line starts with " + prefix);
    }

    /** {@code lines} without the lines starting with {@code prefix}. */
    public static String[] without(String[] lines, String prefix) {
        return Arrays.stream(lines).filter(l -> !l.startsWith(prefix)).toArray(String[]::new);
    }

    /** {@code lines} with {@code extra} appended. */
    public static String[] plus(String[] lines, String... extra) {
        String[] out = Arrays.copyOf(lines, lines.length + extra.length);
        System.arraycopy(extra, 0, out, lines.length, extra.length);
        return out;
    }

    private static SipMessage message(String... lines) {
        try {
            return SipFramer.DEFAULT.frame(text(lines).getBytes(StandardCharsets.UTF_8));
        } catch (SipParseException e) {
            throw new AssertionError("test message does not frame: " + e.getMessage(), e);
        }
    }

    /** The message as sent on the wire: {@code lines} with CRLFs, Content-Length 0 unless given, the blank line. */
    public static String text(String... lines) {
        StringBuilder text = new StringBuilder(512);
        boolean hasLength = false;
        for (String line : lines) {
            text.append(line).append("\r\n");
            hasLength |= line.regionMatches(true, 0, "Content-Length:", 0, 15);
        }
        if (!hasLength) {
            text.append("Content-Length: 0\r\n");
        }
        text.append("\r\n");
        return text.toString();
    }
}
