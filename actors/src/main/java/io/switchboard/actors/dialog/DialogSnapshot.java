package io.switchboard.actors.dialog;

import io.switchboard.persistence.CborSerializable;
import java.util.List;

/**
 * An immutable picture of one dialog with the fields of Kamailio's {@code dlg.list} (seed manual
 * 9.1, 9.6, 9.16 {@code dlg.briefing}): ids, state, both parties, CSeqs, route sets, sockets and
 * times. Times are epoch milliseconds, 0 when not reached.
 *
 * @param hEntry          {@code h_entry} (see {@link DialogKey})
 * @param hId             {@code h_id}
 * @param callerRouteSet  the Route set of requests to the caller, nearest hop first
 * @param calleeRouteSet  the Route set of requests to the callee, nearest hop first
 * @param initMillis      {@code init_ts}: when the INVITE was tracked
 * @param startMillis     {@code start_ts}: when the 2xx came
 * @param endMillis       {@code end_ts}: when the dialog ended
 * @param timeoutMillis   {@code timeout}: the deadline the state waits for
 * @param lifetimeSeconds {@code lifetime}
 * @param endCause        why it ended, null while going or when it failed
 * @param failureCode     the final reply code of a failed dialog, else 0
 * @param profiles        the profiles it is in
 * @param attributes      its variables, flags and timeout route
 */
public record DialogSnapshot(int hEntry, long hId, String callId, DialogState state, String fromUri, String fromTag,
        String toUri, String toTag, String requestUri, String callerContact, String calleeContact, long callerCseq,
        long calleeCseq, List<String> callerRouteSet, List<String> calleeRouteSet, String callerSocket,
        String calleeSocket, long initMillis, long startMillis, long endMillis, long timeoutMillis,
        long lifetimeSeconds, DialogProperties properties, EndCause endCause, int failureCode,
        List<ProfileMembership> profiles, DialogAttributes attributes) implements CborSerializable {

    public DialogSnapshot {
        profiles = profiles == null ? List.of() : List.copyOf(profiles);
        attributes = attributes == null ? DialogAttributes.NONE : attributes;
    }

    /** The DID cookie of this dialog. */
    public String did() {
        return new DialogKey(hEntry, hId).did();
    }
}
