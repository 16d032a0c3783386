package io.switchboard.actors.dispatcher;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The calls counted for call load dispatching (seed manual 002, 4.1 algorithm 10, 4.8
 * {@code ds_load_update}, 4.9 {@code ds_load_unset}; Kamailio's {@code ds_ht}): by Call-ID, the
 * set and {@code duid} of the destination the call went to, and whether its INVITE was answered.
 * An unanswered call is forgotten after {@code ds_hash_initexpire}, any call after
 * {@code ds_hash_expire} (3.28, 3.29), both counted from when it was added. Owned by the registry
 * actor; not thread-safe.
 */
final class CallLoad {

    /** One counted call. */
    record Call(int setId, String duid, boolean confirmed, long expiresAt, long initExpiresAt) {
    }

    private final Map<String, Call> calls = new HashMap<>();
    private final long expireMillis;
    private final long initExpireMillis;

    CallLoad(Duration expire, Duration initExpire) {
        this.expireMillis = expire.toMillis();
        this.initExpireMillis = initExpire.toMillis();
    }

    /** Counts {@code callId} on a destination; false when the call is counted already (nothing changes). */
    boolean add(String callId, int setId, String duid, long now) {
        return calls.putIfAbsent(callId, new Call(setId, duid, false, now + expireMillis, now + initExpireMillis))
                == null;
    }

    /** A 2xx answered the INVITE: the call now lasts until {@code ds_hash_expire}. */
    void confirm(String callId) {
        calls.computeIfPresent(callId, (id, c) -> new Call(c.setId(), c.duid(), true, c.expiresAt(), c.initExpiresAt()));
    }

    /** Forgets {@code callId}; returns what was counted, or null. */
    Call remove(String callId) {
        return calls.remove(callId);
    }

    /** Forgets every call past its deadline at {@code now} and returns them. */
    List<Call> expire(long now) {
        List<Call> expired = new ArrayList<>();
        for (Iterator<Call> it = calls.values().iterator(); it.hasNext(); ) {
            Call c = it.next();
            if (c.expiresAt() < now || !c.confirmed() && c.initExpiresAt() < now) {
                expired.add(c);
                it.remove();
            }
        }
        return expired;
    }

    /** Forgets every call counted on a destination that is no longer in its set. */
    void retainAll(DestinationSets sets) {
        calls.values().removeIf(c -> sets.set(c.setId()) == null || sets.set(c.setId()).indexOfDuid(c.duid()) < 0);
    }

    int size() {
        return calls.size();
    }
}
