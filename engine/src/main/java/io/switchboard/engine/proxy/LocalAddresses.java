package io.switchboard.engine.proxy;

import io.switchboard.transport.net.ListenAddress;
import io.switchboard.transport.net.Transport;
import io.switchboard.transport.uri.SipUri;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The addresses that are this proxy: every bound listener and every configured alias (a host, or
 * host:port). A URI naming one of them is ours (RFC 3261 §16.4: "the Request-URI contains a value
 * this proxy previously placed into a Record-Route header field"; Kamailio's {@code myself}).
 */
public final class LocalAddresses {

    private record Alias(String host, int port) {
    }

    private final List<ListenAddress> listeners;
    private final List<Alias> aliases;

    public LocalAddresses(List<ListenAddress> listeners, List<String> aliases) {
        if (listeners.isEmpty()) {
            throw new IllegalArgumentException("a proxy needs at least one listener");
        }
        this.listeners = List.copyOf(listeners);
        List<Alias> parsed = new ArrayList<>();
        for (String alias : aliases) {
            parsed.add(parseAlias(alias));
        }
        this.aliases = List.copyOf(parsed);
    }

    private static Alias parseAlias(String alias) {
        String text = alias.trim();
        int colon = text.lastIndexOf(':');
        boolean bracketed = text.startsWith("[");
        if (!bracketed && text.indexOf(':') != colon) {
            throw new IllegalArgumentException("alias '" + alias + "': an IPv6 address must be in brackets, e.g. [2001:db8::7]");
        }
        if (colon > 0 && (!bracketed || colon > text.indexOf(']'))) {
            try {
                return new Alias(normalize(text.substring(0, colon)), Integer.parseInt(text.substring(colon + 1)));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("alias '" + alias + "' has a bad port");
            }
        }
        return new Alias(normalize(text), -1);
    }

    private static String normalize(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
    }

    /** True if {@code uri} names this proxy (host and port, default port 5060/5061). */
    public boolean isOurs(SipUri uri) {
        return isOurs(uri.host(), uri.portOrDefault());
    }

    /** True if {@code host} (a name, an IPv4 address or an IPv6 reference) and {@code port} are ours. */
    public boolean isOurs(String host, int port) {
        host = normalize(host);
        for (ListenAddress listener : listeners) {
            if (normalize(listener.host()).equals(host) && listener.port() == port) {
                return true;
            }
        }
        for (Alias alias : aliases) {
            if (alias.host().equals(host) && (alias.port() < 0 || alias.port() == port)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The address this proxy names in Record-Route for {@code listener}: with aliases configured,
     * the first one — the shared name or address in front of a cluster's nodes, so a call set up
     * through one node is routed to whichever answers for it (issue 9) — with the listener's port
     * when the alias names none; without aliases, the listener itself.
     */
    public ListenAddress advertised(ListenAddress listener) {
        if (aliases.isEmpty()) {
            return listener;
        }
        Alias alias = aliases.get(0);
        return new ListenAddress(listener.transport(), alias.host(), alias.port() < 0 ? listener.port() : alias.port());
    }

    /** The listener used to send over {@code transport} (the first one bound for it). */
    public ListenAddress listener(Transport transport) {
        for (ListenAddress listener : listeners) {
            if (listener.transport() == transport) {
                return listener;
            }
        }
        throw new IllegalStateException("no " + transport + " listener is configured");
    }

    public boolean has(Transport transport) {
        return listeners.stream().anyMatch(l -> l.transport() == transport);
    }

    public List<ListenAddress> listeners() {
        return listeners;
    }

    /** The host as written in a URI or Via: IPv6 in brackets. */
    public static String uriHost(ListenAddress listener) {
        return listener.host().indexOf(':') >= 0 ? "[" + listener.host() + "]" : listener.host();
    }
}
