package io.switchboard.engine.dialog;

import io.switchboard.actors.dialog.Dialogs;
import io.switchboard.actors.dialog.MatchMode;
import io.switchboard.engine.proxy.LocalAddresses;
import io.switchboard.transport.header.ListValue;
import io.switchboard.transport.header.NameAddress;
import io.switchboard.transport.message.HeaderField;
import io.switchboard.transport.message.HeaderName;
import io.switchboard.transport.message.SipRequest;
import io.switchboard.transport.parse.SipParseException;
import io.switchboard.transport.uri.SipUri;
import io.switchboard.transport.uri.Uri;

/**
 * The dialog cookie (DID) in this proxy's Record-Route (seed manual 6.3 {@code rr_param}, 6.11
 * {@code dlg_match_mode}): the parameter added to the Record-Route of a tracked INVITE, and found
 * again in the Route entry of this proxy that a sequential request carries — or in its
 * Request-URI, when a strict router before us put our entry there (RFC 3261 §16.4). Whether the
 * cookie has to match is the dialog's decision ({@link io.switchboard.actors.dialog.DialogMatch});
 * this only reads and writes it.
 *
 * @param rrParam the parameter's name, {@code rr-param}
 * @param mode    {@code dlg-match-mode}
 */
public record DidCookie(String rrParam, MatchMode mode) {

    /** At most this many of the top Route entries can be ours (a double Record-Route, RFC 5658). */
    private static final int OWN_ENTRIES = 2;

    /** The parameter for the Record-Route of the INVITE of {@code callId}, {@code did=<h_entry>.<h_id>}; null in mode 2, which adds none. */
    public String recordRouteParameter(String callId) {
        return mode == MatchMode.DID_NONE ? null : rrParam + "=" + Dialogs.did(callId);
    }

    /**
     * The cookie a sequential request carries in this proxy's entry, before {@code loose_route()}
     * removes it: the Request-URI when it is ours, else the top Route entries that are ours. Null
     * when there is none, or in mode 2, where cookies are not looked at.
     */
    public String find(SipRequest request, LocalAddresses local) {
        if (mode == MatchMode.DID_NONE) {
            return null;
        }
        try {
            String inRequestUri = ours(request.requestUri(), local);
            if (inRequestUri != null) {
                return inRequestUri;
            }
            int seen = 0;
            for (HeaderField field : request.fields(HeaderName.ROUTE)) {
                for (String entry : ListValue.elements(field.value(), HeaderName.ROUTE.name())) {
                    Uri uri = NameAddress.parse(entry, HeaderName.ROUTE.name()).uri();
                    if (seen++ == OWN_ENTRIES || !(uri instanceof SipUri sip) || !local.isOurs(sip)) {
                        return null;
                    }
                    String did = sip.parameter(rrParam);
                    if (did != null && !did.isEmpty()) {
                        return did;
                    }
                }
            }
        } catch (SipParseException e) {
            return null;
        }
        return null;
    }

    /**
     * False when a request with this cookie cannot match any dialog, so the dialog need not be
     * told: mode 0 (DID only) and no cookie.
     */
    public boolean canMatch(String did) {
        return did != null || mode != MatchMode.DID_ONLY;
    }

    private String ours(Uri uri, LocalAddresses local) {
        String did = uri instanceof SipUri sip && local.isOurs(sip) ? sip.parameter(rrParam) : null;
        return did == null || did.isEmpty() ? null : did;
    }
}
