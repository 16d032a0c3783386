package io.switchboard.loadtests.generator;

import io.switchboard.transport.message.HeaderName;
import io.switchboard.transport.message.SipMessage;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The text of the messages the load roles send: an INVITE with an SDP offer, its ACK and BYE
 * (RFC 3261 §8.1.1, §12.2.1.1, §13.2.2.4, §17.1.1.3), and a UAS's responses, which copy Via, From,
 * To, Call-ID, CSeq and, for a dialog-creating response, Record-Route from the request
 * (§8.2.6.2, §12.1.1). Plain strings into bytes: no parsing on the send path.
 */
public final class CallMessages {

    private static final String SDP = "v=0\r\no=load 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\n"
            + "t=0 0\r\nm=audio 40000 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n";

    private CallMessages() {
    }

    /** {@code host:port}, IPv6 in brackets (RFC 3261 §25.1 hostport). */
    public static String hostPort(InetSocketAddress address) {
        String host = address.getAddress().getHostAddress();
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + address.getPort();
    }

    /** A new call's INVITE from {@code local} (the Via and Contact) to {@code requestUri}. */
    public static byte[] invite(String requestUri, InetSocketAddress local, String branch, String fromTag, String callId) {
        String me = hostPort(local);
        return ("INVITE " + requestUri + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP " + me + ";branch=" + branch + ";rport\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:load@" + me + ">;tag=" + fromTag + "\r\n"
                + "To: <" + requestUri + ">\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: 1 INVITE\r\n"
                + "Contact: <sip:load@" + me + ">\r\n"
                + "Content-Type: application/sdp\r\n"
                + "Content-Length: " + SDP.length() + "\r\n\r\n" + SDP).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A request inside the dialog (ACK, BYE) or the ACK of a non-2xx final response (same branch,
     * no Route, RFC 3261 §17.1.1.3).
     *
     * @param to the To field value, with the remote tag
     * @param routes the route set, Route values in order
     */
    public static byte[] request(String method, String requestUri, InetSocketAddress local, String branch,
            String fromTag, String to, String callId, long cseq, List<String> routes) {
        String me = hostPort(local);
        StringBuilder text = new StringBuilder(400).append(method).append(' ').append(requestUri).append(" SIP/2.0\r\n")
                .append("Via: SIP/2.0/UDP ").append(me).append(";branch=").append(branch).append(";rport\r\n")
                .append("Max-Forwards: 70\r\n")
                .append("From: <sip:load@").append(me).append(">;tag=").append(fromTag).append("\r\n")
                .append("To: ").append(to).append("\r\n")
                .append("Call-ID: ").append(callId).append("\r\n")
                .append("CSeq: ").append(cseq).append(' ').append(method).append("\r\n");
        for (String route : routes) {
            text.append("Route: ").append(route).append("\r\n");
        }
        return text.append("Content-Length: 0\r\n\r\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A UAS's response to {@code request}: a To tag added when {@code toTag} is given, Record-Route
     * copied for a 1xx or 2xx to an INVITE, the SDP answer on a 2xx to an INVITE.
     */
    public static byte[] response(SipMessage request, int code, String reason, String toTag, InetSocketAddress local) {
        StringBuilder text = new StringBuilder(600).append("SIP/2.0 ").append(code).append(' ').append(reason)
                .append("\r\n");
        for (String via : request.headerValues(HeaderName.VIA)) {
            text.append("Via: ").append(via).append("\r\n");
        }
        String to = request.header(HeaderName.TO);
        text.append("From: ").append(request.header(HeaderName.FROM)).append("\r\n")
                .append("To: ").append(to).append(toTag == null || to.contains(";tag=") ? "" : ";tag=" + toTag)
                .append("\r\n")
                .append("Call-ID: ").append(request.header(HeaderName.CALL_ID)).append("\r\n")
                .append("CSeq: ").append(request.header(HeaderName.CSEQ)).append("\r\n");
        boolean invite = request.header(HeaderName.CSEQ).endsWith("INVITE");
        if (invite && code < 300) {
            for (String recordRoute : request.headerValues(HeaderName.RECORD_ROUTE)) {
                text.append("Record-Route: ").append(recordRoute).append("\r\n");
            }
            text.append("Contact: <sip:uas@").append(hostPort(local)).append(">\r\n");
        }
        if (invite && code >= 200 && code < 300) {
            text.append("Content-Type: application/sdp\r\nContent-Length: ").append(SDP.length()).append("\r\n\r\n")
                    .append(SDP);
        } else {
            text.append("Content-Length: 0\r\n\r\n");
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }
}
