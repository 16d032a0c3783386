package io.switchboard.engine.management;

import java.net.InetSocketAddress;

/**
 * The {@code switchboard.rpc} block (issue 4): where the JSON-RPC and metrics listener binds
 * ({@code host:port}, an IPv6 address in brackets; 127.0.0.1:8060 unless configured) and the
 * bearer token every request must carry (none when empty).
 */
public record RpcSettings(InetSocketAddress listen, String token) {

    /**
     * Reads {@code listen} as {@code host:port}.
     *
     * @throws IllegalArgumentException saying what is wrong with it
     */
    public static RpcSettings of(String listen, String token) {
        int colon = listen.lastIndexOf(':');
        if (colon <= 0 || colon == listen.length() - 1) {
            throw new IllegalArgumentException("'" + listen + "' is not host:port");
        }
        String host = listen.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        } else if (host.contains(":")) {
            throw new IllegalArgumentException("'" + listen + "': an IPv6 address goes in brackets, [::1]:8060");
        }
        int port;
        try {
            port = Integer.parseInt(listen.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + listen + "': the port is not a number");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("'" + listen + "': the port must be between 0 and 65535");
        }
        InetSocketAddress address = new InetSocketAddress(host, port);
        if (address.isUnresolved()) {
            throw new IllegalArgumentException("'" + listen + "': cannot resolve " + host);
        }
        return new RpcSettings(address, token == null ? "" : token);
    }

    /** True when requests must carry {@code Authorization: Bearer <token>}. */
    public boolean hasToken() {
        return !token.isEmpty();
    }
}
