package io.switchboard.actors.dlgs;

import io.switchboard.transport.message.SipRequest;

/**
 * The dlgs module's functions for one request (Kamailio dlgs README §4, KEMI {@code KSR.dlgs.*}):
 * a route starts tracking an INVITE with {@link #init}, updates its call with {@link #update} for
 * the ACK, BYE or CANCEL, and reads counts with {@link #count}. The replies sent back are tracked
 * by the engine itself, as Kamailio does.
 */
public final class DlgsFunctions {

    private final DlgsTable table;
    private final SipRequest request;

    public DlgsFunctions(DlgsTable table, SipRequest request) {
        this.table = table;
        this.request = request;
    }

    /**
     * {@code dlgs_init(src, dst, data)}: track this INVITE's call (Kamailio's example passes
     * {@code $fu}, {@code $tu} and a string of one's own). False when it has no Call-ID or From tag.
     */
    public boolean init(String src, String dst, String data) {
        return table.init(request, src, dst, data);
    }

    /** {@code dlgs_update()}: this request moves its call on (ACK confirms, BYE and CANCEL end). */
    public void update() {
        table.update(request);
    }

    /**
     * {@code dlgs_update(src)}, the signature of dlgs README §4.2, for a route written from it. The
     * manual says only "Update dialog state" and gives {@code src} no meaning (its example passes
     * none), so it is accepted and not read: this is {@link #update()}. It does not replace the
     * {@code src} given to {@link #init}, which {@link #count} filters on, nor choose the call, which
     * is this request's Call-ID.
     */
    public void update(String src) {
        update();
    }

    /**
     * {@code dlgs_count(field, op, data)}: the ongoing calls whose {@code field} ({@code src},
     * {@code dst}, {@code data}; {@code any} for all) matches {@code data} by {@code op}
     * ({@code eq}, {@code ne}, {@code re}, {@code sw}, {@code fm}). Kamailio's function returns a
     * negative number for none, for the script's truth value; this returns the count, 0 for none.
     *
     * @throws IllegalArgumentException for an unknown field or operator, or a bad expression
     */
    public int count(String field, String op, String data) {
        return table.count(DlgsFilter.of(field, op, data));
    }

    /** {@code dlgs_tags_add(tag)}: false when this request's call is not tracked. */
    public boolean tagsAdd(String tag) {
        return table.tagsAdd(request, tag);
    }

    /** {@code dlgs_tags_rm(tag)}: false when this request's call is not tracked. */
    public boolean tagsRm(String tag) {
        return table.tagsRm(request, tag);
    }

    /** {@code dlgs_tags_count(tag)}: how many times {@code tag} is on ongoing calls. */
    public int tagsCount(String tag) {
        return table.tagsCount(tag);
    }
}
