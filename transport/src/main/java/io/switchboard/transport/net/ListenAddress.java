package io.switchboard.transport.net;

import java.net.InetSocketAddress;
import java.util.Locale;

/**
 * One address a {@link SipTransport} listens on (RFC 3261 §18.2.1), written in configuration as
 * Kamailio's {@code listen} parameter is: {@code udp:127.0.0.1:5060}, {@code tcp:[::1]:5060}.
 * The port defaults to 5060 (RFC 3261 §19.1.2); port 0 asks the system for an ephemeral port.
 *
 * @param transport the protocol
 * @param host an IP address or host name; IPv6 without brackets
 * @param port 0 to 65535
 */
public record ListenAddress(Transport transport, String host, int port) {

    /** The default SIP port over UDP and TCP (RFC 3261 §19.1.2). */
    public static final int DEFAULT_PORT = 5060;

    public ListenAddress {
        if (transport == null || host == null || host.isEmpty()) {
            throw new IllegalArgumentException("listen address needs a transport and a host: " + transport + ":" + host);
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("listen address port out of range 0-65535: " + port);
        }
    }

    /** A listen address for the address a socket is bound to. */
    public static ListenAddress of(Transport transport, InetSocketAddress address) {
        return new ListenAddress(transport, address.getHostString(), address.getPort());
    }

    /**
     * Parses the configuration form {@code proto:host[:port]}, host an IPv4 address, a name, or an
     * IPv6 address in brackets.
     *
     * @throws IllegalArgumentException naming the value when it is not of that form
     */
    public static ListenAddress parse(String value) {
        if (value == null) {
            throw new IllegalArgumentException("listen address is missing");
        }
        String text = value.trim();
        int colon = text.indexOf(':');
        if (colon <= 0) {
            throw invalid(value, "expected proto:host:port, e.g. udp:127.0.0.1:5060");
        }
        Transport transport = switch (text.substring(0, colon).toLowerCase(Locale.ROOT)) {
            case "udp" -> Transport.UDP;
            case "tcp" -> Transport.TCP;
            default -> throw invalid(value, "transport must be udp or tcp");
        };
        String rest = text.substring(colon + 1);
        String host;
        String port;
        if (rest.startsWith("[")) {
            int close = rest.indexOf(']');
            if (close < 0) {
                throw invalid(value, "IPv6 address without closing ']'");
            }
            host = rest.substring(1, close);
            String after = rest.substring(close + 1);
            if (!after.isEmpty() && !after.startsWith(":")) {
                throw invalid(value, "expected ':port' after ']'");
            }
            port = after.isEmpty() ? null : after.substring(1);
            if (host.indexOf(':') < 0) {
                throw invalid(value, "brackets are only for IPv6 addresses");
            }
        } else {
            int portColon = rest.indexOf(':');
            if (portColon >= 0 && rest.indexOf(':', portColon + 1) >= 0) {
                throw invalid(value, "an IPv6 address must be in brackets, e.g. tcp:[::1]:5060");
            }
            host = portColon < 0 ? rest : rest.substring(0, portColon);
            port = portColon < 0 ? null : rest.substring(portColon + 1);
        }
        if (host.isEmpty() || host.chars().anyMatch(c -> c <= ' ' || c == '/' || c == '[' || c == ']')) {
            throw invalid(value, "host is empty or malformed");
        }
        return new ListenAddress(transport, host, port == null ? DEFAULT_PORT : port(value, port));
    }

    private static int port(String value, String port) {
        if (port.isEmpty() || port.length() > 5 || !port.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw invalid(value, "port '" + port + "' is not a number");
        }
        int p = Integer.parseInt(port);
        if (p > 65535) {
            throw invalid(value, "port " + p + " is out of range 0-65535");
        }
        return p;
    }

    private static IllegalArgumentException invalid(String value, String why) {
        return new IllegalArgumentException("invalid listen address '" + value + "': " + why);
    }

    /** The socket address to bind, resolving the host. */
    public InetSocketAddress socketAddress() {
        return new InetSocketAddress(host, port);
    }

    /** The configuration form, {@code proto:host:port} with IPv6 in brackets. */
    @Override
    public String toString() {
        String h = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        return transport.configName() + ":" + h + ":" + port;
    }
}
