package io.switchboard.actors.dialog;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * Kamailio's internal dialog identifier, {@code h_entry} and {@code h_id} (seed manual 6.2
 * {@code hash_size}, 6.32–6.33, 9.9 {@code dlg.end_dlg}), and the DID cookie made of them that
 * this proxy puts in its Record-Route under {@code rr-param} (6.3). Here both are derived from the
 * Call-ID alone, so every node, and a node after a restart, finds the same ones without a lookup.
 *
 * @param hEntry the bucket of the Call-ID in a table of {@link #HASH_SIZE} entries
 * @param hId    a 32-bit hash of the Call-ID, the id within the bucket
 */
public record DialogKey(int hEntry, long hId) {

    /** Kamailio's default {@code hash_size}. */
    public static final int HASH_SIZE = 4096;

    /** The key of the dialog with Call-ID {@code callId}. */
    public static DialogKey of(String callId) {
        int h = callId.hashCode();
        h ^= h >>> 16;
        CRC32 crc = new CRC32();
        crc.update(callId.getBytes(StandardCharsets.UTF_8));
        return new DialogKey(h & (HASH_SIZE - 1), crc.getValue());
    }

    /** The DID cookie: {@code h_entry.h_id} in hexadecimal, as Kamailio writes it. */
    public String did() {
        return Integer.toHexString(hEntry) + "." + Long.toHexString(hId);
    }
}
