package io.switchboard.engine.route;

import io.switchboard.actors.dialog.DialogSnapshot;
import io.switchboard.actors.dispatcher.DispatcherEvent;

/**
 * Routing logic, as an operator writes it in Kamailio's configuration: a request route for every
 * request that is not a retransmission, a reply route for every response a relayed request gets,
 * and a failure route for a branch that failed (a negative final response, or a timeout seen as
 * 408). The functions a route calls are on the contexts, named as Kamailio names them
 * ({@code maxfwd_process} is {@link RequestContext#maxfwdProcess}, {@code t_relay} is
 * {@link RequestContext#tRelay()}, ...). A route is named in the configuration
 * ({@code switchboard.route}) by its class name and needs a public no-argument constructor, or
 * one taking {@link RouteSettings}.
 *
 * <p>All calls for one Call-ID run in order on one thread; a route keeps no state of its own
 * between calls beyond what its contexts carry.
 */
public interface Route {

    /** {@code request_route}: decide what happens to a new request. */
    void onRequest(RequestContext request);

    /** {@code onreply_route}: look at (or drop) a response before it is relayed upstream. */
    default void onReply(ReplyContext reply) {
    }

    /**
     * {@code failure_route}: a branch ended in a negative final response or a timeout. Relaying
     * again tries another target (serial forking); doing nothing relays the response upstream.
     */
    default void onFailure(FailureContext failure) {
    }

    /**
     * {@code event_route[dispatcher:dst-down]} and {@code event_route[dispatcher:dst-up]} (seed
     * manual 002, section 8): a destination went down or came up. Runs on the node where the
     * dispatcher registry runs, once per event.
     */
    default void onDispatcherEvent(DispatcherEvent event) {
    }

    /**
     * {@code event_route[dialog:start]}, {@code [dialog:end]} and {@code [dialog:failed]} (seed
     * manual 001, section 11): {@code event} is one of those names, {@code dialog} the dialog as it
     * is now. Runs on the call's lane, on the node that holds the dialog.
     */
    default void onDialogEvent(String event, DialogSnapshot dialog) {
    }
}
