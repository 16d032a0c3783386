package io.switchboard.engine.proxy;

import io.switchboard.transport.header.ListValue;
import io.switchboard.transport.header.NameAddress;
import io.switchboard.transport.message.HeaderField;
import io.switchboard.transport.message.HeaderName;
import io.switchboard.transport.message.MessageBuilder;
import io.switchboard.transport.message.SipRequest;
import io.switchboard.transport.parse.SipParseException;
import io.switchboard.transport.uri.SipUri;
import io.switchboard.transport.uri.Uri;
import java.util.ArrayList;
import java.util.List;

/**
 * Route processing of a proxy (RFC 3261 §16.4, §16.6 steps 6–7; Kamailio's {@code loose_route()}):
 * undoes a strict router's rewrite when the Request-URI is a value we record-routed, removes our
 * own Route entries (two after a double Record-Route), and chooses where the request goes: the top
 * Route if it is a loose router, else — for a strict router — the top Route becomes the
 * Request-URI and the old Request-URI the last Route.
 */
public final class LooseRoute {

    private final LocalAddresses local;

    public LooseRoute(LocalAddresses local) {
        this.local = local;
    }

    /** The outcome of {@link #process}: whether the request had a Route set, and the request now. */
    public record Outcome(boolean routed, SipRequest request) {
    }

    /** A request on its way out and the hop it goes to. */
    public record Forward(SipRequest request, Uri target) {
    }

    /** {@code loose_route()}: true when the request carried Route headers (now processed). */
    public Outcome process(SipRequest request) throws SipParseException {
        List<String> routes = rawRoutes(request);
        if (routes.isEmpty()) {
            return new Outcome(false, request);
        }
        MessageBuilder builder = request.toBuilder();
        Uri requestUri = request.requestUri();
        if (requestUri instanceof SipUri sip && local.isOurs(sip)) {
            String last = routes.remove(routes.size() - 1);
            builder.requestUri(NameAddress.parse(last, "Route").uri().toString());
        }
        int removed = 0;
        while (!routes.isEmpty() && removed < 2 && isOurs(routes.get(0))) {
            routes.remove(0);
            removed++;
        }
        builder.remove(HeaderName.ROUTE);
        for (String route : routes) {
            builder.add(HeaderName.ROUTE, route);
        }
        return new Outcome(true, builder.buildRequest());
    }

    /** Where the request goes (§16.6 steps 6–7), rewriting it for a strict-routing next hop. */
    public Forward forward(SipRequest request) throws SipParseException {
        List<String> routes = rawRoutes(request);
        if (routes.isEmpty()) {
            return new Forward(request, request.requestUri());
        }
        NameAddress top = NameAddress.parse(routes.get(0), "Route");
        if (top.uri() instanceof SipUri sip && !sip.isLooseRouter()) {
            MessageBuilder builder = request.toBuilder().requestUri(sip.withoutHeaders().toString())
                    .removeFirstValue(HeaderName.ROUTE)
                    .add(HeaderName.ROUTE, "<" + request.requestUriText() + ">");
            SipRequest rewritten = builder.buildRequest();
            return new Forward(rewritten, rewritten.requestUri());
        }
        return new Forward(request, top.uri());
    }

    private boolean isOurs(String route) throws SipParseException {
        return NameAddress.parse(route, "Route").uri() instanceof SipUri sip && local.isOurs(sip);
    }

    private static List<String> rawRoutes(SipRequest request) throws SipParseException {
        List<String> routes = new ArrayList<>(2);
        for (HeaderField field : request.fields(HeaderName.ROUTE)) {
            routes.addAll(ListValue.elements(field.value(), "Route"));
        }
        return routes;
    }
}
