package io.switchboard.actors.dialog;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The live dialogs (states 1–4) held by this node, by Call-ID, each as the snapshot its entity
 * last published: what {@code dlg.list}, {@code dlg.list_match}, {@code dlg.stats_active},
 * {@code dlg.briefing} and {@code $DLG_count} read (seed manual 9.1, 9.3, 9.14, 9.16, 10.1)
 * without asking every entity. Entities update it on every change and remove their dialog when it
 * ends or when they stop. On a cluster this is one node's share of the dialogs; the cluster-wide
 * view is a later concern (issue 9), except for the profile counts, which {@link ProfileSizes}
 * publishes. The counts move with the dialog in one atomic step per Call-ID.
 */
public final class DialogDirectory {

    /** The counts of {@code dlg.stats_active}. */
    public record ActiveCounts(long starting, long connecting, long answering, long ongoing) {

        /** All active dialogs, the sum of the others. */
        public long all() {
            return starting + connecting + answering + ongoing;
        }
    }

    private final ConcurrentHashMap<String, DialogSnapshot> live = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<ProfileMembership, Long> memberships = new ConcurrentHashMap<>();

    /** The dialog with this Call-ID, if it is live here. */
    public Optional<DialogSnapshot> get(String callId) {
        return Optional.ofNullable(live.get(callId));
    }

    /** The dialog with this {@code h_entry} and {@code h_id} ({@code dlg.end_dlg}), if it is live here. */
    public Optional<DialogSnapshot> find(int hEntry, long hId) {
        return live.values().stream().filter(d -> d.hEntry() == hEntry && d.hId() == hId).findFirst();
    }

    /** Every live dialog, a copy. */
    public List<DialogSnapshot> list() {
        return List.copyOf(live.values());
    }

    /** How many dialogs are live here. */
    public int size() {
        return live.size();
    }

    /** {@code dlg.stats_active}: starting (1), connecting (2), answering (3), ongoing (4). */
    public ActiveCounts activeCounts() {
        long[] counts = new long[DialogState.values().length + 1];
        live.values().forEach(d -> counts[d.state().code()]++);
        return new ActiveCounts(counts[1], counts[2], counts[3], counts[4]);
    }

    /** The live dialogs here in {@code profile}, with {@code value} unless it is null. */
    public List<DialogSnapshot> inProfile(String profile, String value) {
        return live.values().stream().filter(d -> d.profiles().stream().anyMatch(m -> m.matches(profile, value)))
                .toList();
    }

    /** How many live dialogs here are in each profile. */
    public ProfileCounts profileCounts() {
        return ProfileCounts.of(Map.copyOf(memberships));
    }

    void put(DialogSnapshot dialog) {
        if (dialog.state() == DialogState.DELETED) {
            remove(dialog.callId());
        } else {
            live.compute(dialog.callId(), (callId, old) -> {
                count(old, -1);
                count(dialog, 1);
                return dialog;
            });
        }
    }

    void remove(String callId) {
        live.computeIfPresent(callId, (id, old) -> {
            count(old, -1);
            return null;
        });
    }

    private void count(DialogSnapshot dialog, long delta) {
        if (dialog != null) {
            dialog.profiles().forEach(m -> memberships.merge(m, delta, (a, b) -> a + b == 0 ? null : a + b));
        }
    }
}
