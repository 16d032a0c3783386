package io.switchboard.engine.proxy;

import io.switchboard.transport.net.ListenAddress;
import io.switchboard.transport.net.Transport;

/**
 * The Record-Route values this proxy inserts (RFC 3261 §16.6 step 4; Kamailio's
 * {@code record_route()}): a loose-routing URI ({@code ;lr}) of the interface the request leaves
 * by. When it arrived on another transport or interface, two values are inserted (RFC 5658
 * double Record-Route, Kamailio's {@code r2=on}): the outbound interface on top, then the inbound
 * one, so each side of the call routes back to the interface it sees.
 */
public final class RecordRoute {

    private RecordRoute() {
    }

    /**
     * The values, top first: one, or two when {@code inbound} and {@code outbound} differ; each
     * with the URI parameter {@code parameter} ({@code name=value}, null for none), as the dialog
     * module adds its cookie (seed manual 001, 6.3 {@code rr_param}).
     */
    public static String[] values(ListenAddress inbound, ListenAddress outbound, String parameter) {
        if (inbound.equals(outbound)) {
            return new String[] {value(outbound, false, parameter)};
        }
        return new String[] {value(outbound, true, parameter), value(inbound, true, parameter)};
    }

    private static String value(ListenAddress listener, boolean doubled, String parameter) {
        StringBuilder uri = new StringBuilder(64).append("<sip:").append(LocalAddresses.uriHost(listener))
                .append(':').append(listener.port());
        if (listener.transport() == Transport.TCP) {
            uri.append(";transport=tcp");
        }
        uri.append(";lr");
        if (doubled) {
            uri.append(";r2=on");
        }
        if (parameter != null) {
            uri.append(';').append(parameter);
        }
        return uri.append('>').toString();
    }
}
