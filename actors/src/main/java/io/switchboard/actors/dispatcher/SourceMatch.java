package io.switchboard.actors.dispatcher;

import io.switchboard.transport.net.Transport;
import java.net.InetAddress;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code ds_is_from_list([groupid [, mode [, uri]]])} (seed manual 002, 4.7): whether an address
 * (the request's source, or a URI's host, port and transport) is one of the destinations of a
 * set, or of any set when the group is -1. Only address, port and protocol are compared. Mode bit
 * 1 ignores the port, bit 2 the protocol; a destination whose URI names no port matches any port,
 * and one whose URI names no {@code transport} matches only when the protocol is ignored — which
 * is why the call without arguments uses mode 2.
 */
public final class SourceMatch {

    /** Mode bit: the port is not compared. */
    public static final int IGNORE_PORT = 1;
    /** Mode bit: the protocol is not compared. */
    public static final int IGNORE_PROTOCOL = 2;

    private SourceMatch() {
    }

    /**
     * The first destination that matches, in set order (sets by increasing id).
     *
     * @param group a set id, or -1 for every set
     * @param transport the protocol the address was reached over
     */
    public static Optional<Destination> find(DestinationSets sets, int group, int mode, InetAddress address, int port,
            Transport transport) {
        for (DestinationSet set : sets.all()) {
            if (group != -1 && set.id() != group) {
                continue;
            }
            for (Destination d : set.destinations()) {
                if (matches(d, mode, address, port, transport)) {
                    return Optional.of(d);
                }
            }
        }
        return Optional.empty();
    }

    private static boolean matches(Destination d, int mode, InetAddress address, int port, Transport transport) {
        if (d.address() == null || !d.address().equals(address)) {
            return false;
        }
        int destinationPort = d.sipUri().port();
        boolean portMatches = (mode & IGNORE_PORT) != 0 || destinationPort < 0 || destinationPort == port;
        String protocol = d.sipUri().transport();
        boolean protocolMatches = (mode & IGNORE_PROTOCOL) != 0
                || protocol != null && protocol.toUpperCase(Locale.ROOT).equals(transport.name());
        return portMatches && protocolMatches;
    }
}
