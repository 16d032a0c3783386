package io.switchboard.engine.dispatcher;

import io.switchboard.actors.dispatcher.RequestKeys;
import io.switchboard.transport.header.Credentials;
import io.switchboard.transport.message.SipRequest;
import io.switchboard.transport.parse.SipParseException;
import java.net.InetSocketAddress;

/**
 * The parts of a request the selection algorithms hash (seed manual 002, 4.1), read from the
 * request only when an algorithm asks. A header that is missing or does not parse gives null, and
 * the selection then fails, as Kamailio's does.
 */
final class SipRequestKeys implements RequestKeys {

    private final SipRequest request;
    private final InetSocketAddress source;
    private final HashPvar hashPvar;

    SipRequestKeys(SipRequest request, InetSocketAddress source, HashPvar hashPvar) {
        this.request = request;
        this.source = source;
        this.hashPvar = hashPvar;
    }

    @Override
    public String callId() {
        try {
            return request.callId();
        } catch (SipParseException e) {
            return null;
        }
    }

    @Override
    public String fromUri() {
        try {
            return request.from().uri().toString();
        } catch (SipParseException e) {
            return null;
        }
    }

    @Override
    public String toUri() {
        try {
            return request.to().uri().toString();
        } catch (SipParseException e) {
            return null;
        }
    }

    @Override
    public String requestUri() {
        return request.requestUriText();
    }

    @Override
    public String authUsername() {
        try {
            return authUsername(request);
        } catch (SipParseException e) {
            return null;
        }
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
        return hashPvar.isEmpty() ? null : hashPvar.fill(request, source);
    }

    @Override
    public boolean isInvite() {
        return request.isInvite();
    }
}
