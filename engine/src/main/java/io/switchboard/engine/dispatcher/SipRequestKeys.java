package io.switchboard.engine.dispatcher;

import static io.switchboard.engine.dispatcher.HashPvar.read;

import io.switchboard.actors.dispatcher.RequestKeys;
import io.switchboard.transport.header.Credentials;
import io.switchboard.transport.message.SipRequest;
import io.switchboard.transport.parse.SipParseException;
import java.net.InetSocketAddress;

/**
 * The parts of a request the selection algorithms hash (seed manual 002, 4.1), read from the
 * request only when an algorithm asks. A header that is missing or does not parse gives null, and
 * the selection then fails, as Kamailio's does.
 *
 * @param request the request being routed
 * @param source where it came from ({@code $si}, {@code $sp})
 * @param template {@code hash_pvar}
 */
record SipRequestKeys(SipRequest request, InetSocketAddress source, HashPvar template) implements RequestKeys {

    @Override
    public String callId() {
        return read(request::callId);
    }

    @Override
    public String fromUri() {
        return read(() -> request.from().uri().toString());
    }

    @Override
    public String toUri() {
        return read(() -> request.to().uri().toString());
    }

    @Override
    public String requestUri() {
        return request.requestUriText();
    }

    @Override
    public String authUsername() {
        return read(() -> authUsername(request));
    }

    /** The username of Proxy-Authorization, else of Authorization; null when neither gives one. */
    static String authUsername(SipRequest request) throws SipParseException {
        Credentials proxy = request.proxyAuthorization();
        if (proxy != null && proxy.username() != null && !proxy.username().isEmpty()) {
            return proxy.username();
        }
        Credentials www = request.authorization();
        return www == null ? null : www.username();
    }

    @Override
    public String hashPvar() {
        return template.isEmpty() ? null : template.fill(request, source);
    }

    @Override
    public boolean isInvite() {
        return request.isInvite();
    }
}
