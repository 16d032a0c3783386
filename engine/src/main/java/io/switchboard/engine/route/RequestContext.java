package io.switchboard.engine.route;

import io.switchboard.actors.dlgs.DlgsFunctions;
import io.switchboard.actors.htable.HashTables;
import io.switchboard.transport.message.SipRequest;
import io.switchboard.transport.net.Transport;
import java.net.InetSocketAddress;

/**
 * What a request route can do with a request (Kamailio's core, maxfwd, sl, rr and tm functions).
 * Functions that change the request ({@link #maxfwdProcess}, {@link #looseRoute}) change what
 * {@link #request()} returns and what is relayed.
 */
public interface RequestContext {

    /** The request as it stands now. */
    SipRequest request();

    /** The transport it arrived on. */
    Transport transport();

    /** The address it came from. */
    InetSocketAddress source();

    /** {@code is_method("INVITE|SUBSCRIBE")}: true if the method is one of the names. */
    boolean isMethod(String methods);

    /** {@code has_totag()}: true for a request inside a dialog. */
    boolean hasToTag();

    /**
     * {@code maxfwd_process(max_value)}: 2 when Max-Forwards was added, 1 when decremented, -1 when
     * it is 0, -2 on error (seed manual 003, MAXFWD).
     */
    int maxfwdProcess(int maxValue);

    /** {@code loose_route()}: true when the request carried a Route set, now processed (RFC 3261 §16.4). */
    boolean looseRoute();

    /** {@code record_route()}: insert Record-Route when the request is relayed (RFC 3261 §16.6 step 4). */
    void recordRoute();

    /** {@code t_relay()}: relay statefully to the Route set or the Request-URI. False if that failed. */
    boolean tRelay();

    /** {@code $du = uri; t_relay()}: relay statefully to {@code destination}, keeping the Request-URI. */
    boolean tRelay(String destination);

    /** {@code forward()}: relay statelessly (RFC 3261 §16.11) to the Route set or the Request-URI. */
    boolean forward();

    /** {@code sl_send_reply(code, reason)}: answer statelessly (seed manual 003, SL). */
    void slSendReply(int code, String reason);

    /** {@code t_reply(code, reason)}: answer through the server transaction (or statelessly if none). */
    void tReply(int code, String reason);

    /** {@code drop()}: do nothing more with the request. */
    void drop();

    /**
     * Kamailio's htable module ({@code $sht(...)}, {@code KSR.htable.*}; seed manual 003 HTABLE):
     * the named hash tables, read from this node's view and written through their owner.
     */
    default HashTables htable() {
        throw new UnsupportedOperationException("this context has no hash tables");
    }

    /**
     * Kamailio's dlgs module ({@code dlgs_init}, {@code dlgs_update}, {@code dlgs_count}, ...; seed
     * manual 000) for this request.
     */
    default DlgsFunctions dlgs() {
        throw new UnsupportedOperationException("this context has no dlgs tracking");
    }
}
