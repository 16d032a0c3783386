package io.switchboard.actors.dialog;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.CRC32;
import org.apache.pekko.persistence.typed.PersistenceId;

/**
 * Kamailio's internal dialog identifier, {@code h_entry} and {@code h_id} (seed manual 6.2
 * {@code hash_size}, 6.32–6.33, 9.9 {@code dlg.end_dlg}), and the DID cookie made of them that
 * this proxy puts in its Record-Route under {@code rr-param} (6.3). Here both are derived from the
 * Call-ID alone, so every node, and a node after a restart, finds the same ones without a lookup;
 * so is the dialog's id in the journal.
 *
 * @param hEntry the bucket of the Call-ID in a table of {@link #HASH_SIZE} entries
 * @param hId    a 32-bit hash of the Call-ID, the id within the bucket
 */
public record DialogKey(int hEntry, long hId) {

    /** Kamailio's default {@code hash_size}. */
    public static final int HASH_SIZE = 4096;

    /** The journal's column for persistence ids holds this many characters. */
    private static final int MAX_PERSISTENCE_ID = 255;

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

    /**
     * {@code <type>|<Call-ID>}; a Call-ID too long for the journal's persistence id column
     * (RFC 3261 sets no limit) is replaced by {@code sha256:} and its hash in hexadecimal.
     */
    static PersistenceId persistenceId(String entityType, String callId) {
        if (entityType.length() + 1 + callId.length() <= MAX_PERSISTENCE_ID) {
            return PersistenceId.of(entityType, callId);
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(callId.getBytes(StandardCharsets.UTF_8));
            return PersistenceId.of(entityType, "sha256:" + HexFormat.of().formatHex(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
