package io.switchboard.loadtests.replay;

import io.switchboard.loadtests.generator.CallMessages;
import io.switchboard.transport.message.HeaderField;
import io.switchboard.transport.message.HeaderName;
import io.switchboard.transport.message.SipMessage;
import io.switchboard.transport.message.SipRequest;
import io.switchboard.transport.message.SipResponse;
import io.switchboard.transport.parse.SipParseException;
import io.switchboard.transport.uri.SipUri;
import io.switchboard.transport.uri.Uri;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites recorded messages for one replay instance, so many copies of a capture can run side by
 * side: Call-ID, From/To tags and Via branches get the instance's mark, the Via and Contact name
 * the replayer's own sockets, Content-Length is counted again. A request carries the route set
 * and remote target the instance learnt (RFC 3261 §12.2.1.1); a response copies Via, From, To,
 * Call-ID and CSeq from the request it answers, adding its To tag, and Record-Route where the
 * recorded one had it (§8.2.6.2, §12.1.1). Other header fields and the body stay as recorded.
 */
final class ReplayMessages {

    private static final Pattern TAG = Pattern.compile("(;\\s*tag\\s*=\\s*)([^;,>\\s]+)", Pattern.CASE_INSENSITIVE);
    private static final String MAGIC_COOKIE = "z9hG4bK";

    private final String mark;

    /** Rewrites for the instance marked {@code mark} (a token: letters, digits, '.', '-'). */
    ReplayMessages(String mark) {
        this.mark = mark;
    }

    String callId(String recorded) {
        return mark + "-" + recorded;
    }

    String tag(String recorded) {
        return recorded + "." + mark;
    }

    String branch(String recorded) {
        String rest = recorded.startsWith(MAGIC_COOKIE) ? recorded.substring(MAGIC_COOKIE.length()) : recorded;
        return MAGIC_COOKIE + mark + "." + rest;
    }

    /** {@code value} with its tag parameter, if any, given this instance's mark. */
    String withTag(String value) {
        Matcher m = TAG.matcher(value);
        return m.find() ? value.substring(0, m.start(2)) + tag(m.group(2)) + value.substring(m.end(2)) : value;
    }

    /** The tag parameter of a From or To value, or null. */
    static String tagOf(String value) {
        Matcher m = TAG.matcher(value);
        return m.find() ? m.group(2) : null;
    }

    /**
     * A recorded request sent again.
     *
     * @param requestUri the Request-URI to use
     * @param routes the Route values, in order (none for an initial request)
     */
    byte[] request(SipRequest recorded, String requestUri, List<String> routes, InetSocketAddress local)
            throws SipParseException {
        StringBuilder text = new StringBuilder(1024).append(recorded.method()).append(' ').append(requestUri)
                .append(" SIP/2.0\r\nVia: SIP/2.0/UDP ").append(CallMessages.hostPort(local)).append(";branch=")
                .append(branch(recorded.topVia().branch() == null ? "none" : recorded.topVia().branch()))
                .append(";rport\r\n");
        for (String route : routes) {
            text.append("Route: ").append(route).append("\r\n");
        }
        for (HeaderField field : recorded.headers()) {
            HeaderName name = field.name();
            if (!name.equals(HeaderName.VIA) && !name.equals(HeaderName.ROUTE) && !name.equals(HeaderName.RECORD_ROUTE)) {
                copy(text, field, local);
            }
        }
        return finish(text, recorded);
    }

    /** A recorded response sent again in answer to {@code received}. */
    byte[] response(SipResponse recorded, SipRequest received, InetSocketAddress local) {
        StringBuilder text = new StringBuilder(1024).append("SIP/2.0 ").append(recorded.statusCode()).append(' ')
                .append(recorded.reasonPhrase()).append("\r\n");
        String recordedTag = tagOf(recorded.header(HeaderName.TO));
        for (HeaderField field : received.headers()) {
            HeaderName name = field.name();
            if (name.equals(HeaderName.VIA) || name.equals(HeaderName.FROM) || name.equals(HeaderName.CALL_ID)
                    || name.equals(HeaderName.CSEQ)
                    || name.equals(HeaderName.RECORD_ROUTE) && recorded.hasHeader(HeaderName.RECORD_ROUTE)) {
                text.append(name.name()).append(": ").append(field.value()).append("\r\n");
            } else if (name.equals(HeaderName.TO)) {
                String to = field.value();
                text.append("To: ").append(to).append(recordedTag != null && tagOf(to) == null
                        ? ";tag=" + tag(recordedTag) : "").append("\r\n");
            }
        }
        for (HeaderField field : recorded.headers()) {
            HeaderName name = field.name();
            if (!name.equals(HeaderName.VIA) && !name.equals(HeaderName.FROM) && !name.equals(HeaderName.TO)
                    && !name.equals(HeaderName.CALL_ID) && !name.equals(HeaderName.CSEQ)
                    && !name.equals(HeaderName.RECORD_ROUTE)) {
                copy(text, field, local);
            }
        }
        return finish(text, recorded);
    }

    private void copy(StringBuilder text, HeaderField field, InetSocketAddress local) {
        HeaderName name = field.name();
        if (name.equals(HeaderName.CONTENT_LENGTH)) {
            return;
        }
        String value = field.value();
        if (name.equals(HeaderName.FROM) || name.equals(HeaderName.TO)) {
            value = withTag(value);
        } else if (name.equals(HeaderName.CALL_ID)) {
            value = callId(value);
        } else if (name.equals(HeaderName.CONTACT)) {
            value = contact(value, local);
        }
        text.append(name.name()).append(": ").append(value).append("\r\n");
    }

    /** A Contact naming {@code local}, keeping the user part and the header parameters. */
    static String contact(String value, InetSocketAddress local) {
        int open = value.indexOf('<');
        int close = value.indexOf('>', open + 1);
        String uri = open >= 0 && close > open ? value.substring(open + 1, close) : value.split(";", 2)[0].trim();
        String after = open >= 0 && close > open ? value.substring(close + 1) : "";
        return "<" + requestUri(uri, local) + ">" + after;
    }

    /** {@code uri} with its host and port replaced by {@code to}'s; a URI that is not SIP becomes {@code sip:replay@to}. */
    static String requestUri(String uri, InetSocketAddress to) {
        try {
            Uri parsed = Uri.parse(uri);
            if (parsed instanceof SipUri sip) {
                return sip.withHost(to.getAddress().getHostAddress()).withPort(to.getPort())
                        .withoutParameter("transport").toString();
            }
        } catch (SipParseException e) {
            // not a URI we can rewrite: fall through to a plain one
        }
        return "sip:replay@" + CallMessages.hostPort(to);
    }

    private static byte[] finish(StringBuilder text, SipMessage recorded) {
        byte[] body = recorded.body();
        text.append("Content-Length: ").append(body.length).append("\r\n\r\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() + body.length);
        out.writeBytes(text.toString().getBytes(StandardCharsets.UTF_8));
        out.writeBytes(body);
        return out.toByteArray();
    }
}
