package io.switchboard.engine.proxy;

import io.switchboard.transport.header.Via;
import io.switchboard.transport.net.OutboundMessage;
import io.switchboard.transport.net.Transport;
import io.switchboard.transport.uri.SipUri;
import io.switchboard.transport.uri.Uri;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Where a message goes next: a transport and a resolved address. For requests it comes from a
 * SIP URI (RFC 3263 §4 without NAPTR/SRV: the {@code transport} parameter, {@code maddr} or the
 * host, the port or 5060/5061); for responses from the Via (RFC 3261 §18.2.2 with RFC 3581
 * {@code rport}, and {@code maddr} over UDP).
 */
public record NextHop(Transport transport, InetSocketAddress address) {

    /** The next hop for a request sent to {@code uri}. */
    public static NextHop of(Uri uri) throws UnroutableException {
        if (!(uri instanceof SipUri sip)) {
            throw new UnroutableException(416, "cannot route to a " + uri.scheme() + " URI: " + uri);
        }
        String transportParam = sip.transport();
        Transport transport;
        if (transportParam == null || transportParam.equalsIgnoreCase("udp")) {
            transport = sip.secure() ? Transport.TCP : Transport.UDP;
        } else if (transportParam.equalsIgnoreCase("tcp")) {
            transport = Transport.TCP;
        } else {
            throw new UnroutableException(478, "transport " + transportParam + " is not supported: " + uri);
        }
        String host = sip.maddr() != null ? sip.maddr() : sip.host();
        return new NextHop(transport, resolve(host, sip.portOrDefault()));
    }

    /**
     * Where a response goes by its (new) top Via, the one we marked when its request came
     * (§18.2.2): to the sender where {@code received} and {@code rport} recorded it, the sent-by
     * host and port standing in for what is absent; over UDP, to {@code maddr} instead when the
     * Via has one ({@link OutboundMessage#viaAddress}).
     */
    public static NextHop of(Via via) throws UnroutableException {
        Transport transport = switch (via.transport().toUpperCase(Locale.ROOT)) {
            case "UDP" -> Transport.UDP;
            case "TCP" -> Transport.TCP;
            default -> throw new UnroutableException(478, "Via transport " + via.transport() + " is not supported");
        };
        String host = via.received() != null ? via.received() : via.host();
        int port = via.rport() > 0 ? via.rport() : via.port() > 0 ? via.port() : 5060;
        InetSocketAddress sender = resolve(host, port);
        return new NextHop(transport, transport == Transport.UDP ? OutboundMessage.viaAddress(via, sender) : sender);
    }

    private static InetSocketAddress resolve(String host, int port) throws UnroutableException {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        try {
            return new InetSocketAddress(InetAddress.getByName(bare), port);
        } catch (UnknownHostException e) {
            throw new UnroutableException(478, "cannot resolve " + host);
        }
    }

    /**
     * A destination that cannot be reached, with the status a proxy answers it with: 416 for a
     * scheme it cannot route (RFC 3261 §21.4.14), 478 for a host it cannot resolve (Kamailio's
     * "Unresolvable destination").
     */
    public static final class UnroutableException extends Exception {
        private final int statusCode;

        public UnroutableException(int statusCode, String message) {
            super(message);
            this.statusCode = statusCode;
        }

        public int statusCode() {
            return statusCode;
        }
    }
}
