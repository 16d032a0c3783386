package io.switchboard.engine.proxy;

import io.switchboard.engine.route.RequestContext;
import io.switchboard.engine.route.Route;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A route that suspends each INVITE until {@link #release} completes — asking whether the dialog
 * is known, again and again, as a route waiting on a slow answer would — then relays it, with
 * {@code forward()} when its Request-URI's user is {@code stateless} and {@code t_relay} when not,
 * and keeps what that returned in {@link #RELAYED}. Other requests are relayed at once.
 */
public final class PausingRoute implements Route {

    static volatile CompletableFuture<Void> release = new CompletableFuture<>();
    static final BlockingQueue<Boolean> RELAYED = new LinkedBlockingQueue<>();

    @Override
    public void onRequest(RequestContext request) {
        if (request.isMethod("INVITE")) {
            relayWhenReleased(request);
        } else {
            request.tRelay();
        }
    }

    private static void relayWhenReleased(RequestContext request) {
        if (release.isDone()) {
            RELAYED.add(request.request().requestUriText().startsWith("sip:stateless@") ? request.forward()
                    : request.tRelay());
        } else {
            request.isKnownDlg(known -> relayWhenReleased(request));
        }
    }
}
