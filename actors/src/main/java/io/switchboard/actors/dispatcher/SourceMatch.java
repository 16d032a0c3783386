package io.switchboard.actors.dispatcher;

import java.net.InetAddress;
import java.util.Optional;

/**
 * {@code ds_is_from_list([groupid [, mode [, uri]]])} (seed manual 002, 4.7): whether an address
 * (the request's source, or a URI's host, port and transport) is one of the destinations of a
 * set, or of any set when the group is -1. Only address, port and protocol are compared. Mode bit
 * 1 ignores the port, bit 2 the protocol; a destination whose URI names no port matches any port,
 * and one whose URI names no {@code transport} matches only an address without protocol (a URI
 * without {@code transport}) unless the protocol is ignored — which is why the call without
 * arguments, matching the request's source, uses mode 2.
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
     * @param port the port, 0 for a URI that names none
     * @param protocol the protocol ({@code UDP}, {@code TCP}), or null for a URI without {@code transport}
     */
    public static Optional<Destination> find(DestinationSets sets, int group, int mode, InetAddress address, int port,
            String protocol) {
        for (DestinationSet set : sets.all()) {
            if (group != -1 && set.id() != group) {
                continue;
            }
            for (Destination d : set.destinations()) {
                if (matches(d, mode, address, port, protocol)) {
                    return Optional.of(d);
                }
            }
        }
        return Optional.empty();
    }

    private static boolean matches(Destination d, int mode, InetAddress address, int port, String protocol) {
        if (d.address() == null || !d.address().equals(address)) {
            return false;
        }
        int destinationPort = d.sipUri().port();
        boolean portMatches = (mode & IGNORE_PORT) != 0 || destinationPort < 0 || destinationPort == port;
        String own = d.sipUri().transport();
        boolean protocolMatches = (mode & IGNORE_PROTOCOL) != 0
                || (own == null ? protocol == null : own.equalsIgnoreCase(protocol));
        return portMatches && protocolMatches;
    }
}
