package io.switchboard.engine.proxy;

import io.switchboard.transport.header.Via;
import io.switchboard.transport.message.HeaderName;
import io.switchboard.transport.message.SipRequest;
import io.switchboard.transport.parse.SipParseException;
import java.net.InetSocketAddress;

/**
 * Marks where a request really came from on its top Via (RFC 3261 §18.2.1: {@code received}
 * when the sent-by host is not the source address; RFC 3581 §4: {@code rport} filled in with the
 * source port when the client asked for it), so responses find their way back through NAT.
 */
public final class ReceivedVia {

    private ReceivedVia() {
    }

    /** The request with its top Via marked, or the request itself when nothing needs adding. */
    public static SipRequest apply(SipRequest request, InetSocketAddress source) throws SipParseException {
        Via top = request.topVia();
        String address = source.getAddress().getHostAddress();
        boolean askedForRport = top.hasRport() && top.rport() < 0;
        boolean hostDiffers = !sameHost(top.host(), source.getAddress());
        if (!askedForRport && !hostDiffers) {
            return request;
        }
        Via marked = top.withReceived(address);
        if (askedForRport) {
            marked = marked.withRport(source.getPort());
        }
        return request.toBuilder()
                .removeFirstValue(HeaderName.VIA)
                .addFirst(HeaderName.VIA, marked.toString())
                .buildRequest();
    }

    /** RFC 3261 §18.2.1: an IPv6 literal is compared as an address, a name as text. */
    private static boolean sameHost(String viaHost, java.net.InetAddress source) {
        if (viaHost.startsWith("[") && viaHost.endsWith("]")) {
            try {
                return java.net.InetAddress.getByName(viaHost.substring(1, viaHost.length() - 1)).equals(source);
            } catch (java.net.UnknownHostException e) {
                return false;
            }
        }
        return viaHost.equalsIgnoreCase(source.getHostAddress());
    }
}
