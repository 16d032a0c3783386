package io.switchboard.engine.proxy;

import io.switchboard.engine.route.RequestContext;
import io.switchboard.engine.route.Route;

/**
 * A stateless proxy's route (Kamailio's {@code forward()} for every request, RFC 3261 §16.11):
 * relays each request, a CANCEL that matches no transaction included, to its Request-URI.
 */
public final class StatelessRoute implements Route {

    @Override
    public void onRequest(RequestContext request) {
        request.forward();
    }
}
