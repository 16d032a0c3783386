package io.switchboard.actors.dlgs;

import io.switchboard.transport.message.SipMessage;
import io.switchboard.transport.message.SipMethod;
import io.switchboard.transport.message.SipRequest;
import io.switchboard.transport.message.SipResponse;
import io.switchboard.transport.parse.SipParseException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The calls tracked without transactions or dialogs on this node (Kamailio's dlgs module, seed
 * manual 000): a record per Call-ID made by {@link #init} for an INVITE, moved through its
 * {@link DlgsState}s by the requests ({@link #update}) and the replies sent back, and removed by
 * {@link #sweep} once past its lifetime. Kamailio keeps these per instance, and so does this: an
 * edge proxy counts the calls it routes. Thread-safe; a record changes atomically, and the counts by
 * state move with it.
 */
public final class DlgsTable {

    private static final int STATES = DlgsState.values().length;

    private final ConcurrentHashMap<String, DlgsRecord> records = new ConcurrentHashMap<>();
    private final AtomicLongArray active = new AtomicLongArray(STATES);
    private final AtomicLongArray removed = new AtomicLongArray(STATES);
    private final AtomicLong sequence = new AtomicLong();
    private final String ruidPrefix = "dlgs-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    private final DlgsSettings settings;
    private final Clock clock;

    public DlgsTable(DlgsSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    public DlgsSettings settings() {
        return settings;
    }

    /**
     * {@code dlgs_init(src, dst, data)} (README §4.1): starts tracking the call of an INVITE; for
     * a reply to an INVITE it also takes the reply's state change, and for any other message it is
     * {@link #update}. A Call-ID already tracked is left as it is.
     *
     * @return false when the message lacks what a record needs (Call-ID, From tag)
     */
    public boolean init(SipMessage message, String src, String dst, String data) {
        try {
            boolean invite = message instanceof SipRequest request ? request.isInvite()
                    : message.cseq().method().equals(SipMethod.INVITE);
            if (!invite) {
                update(message);
                return true;
            }
            String callId = message.callId().trim();
            String ftag = message.from().tag();
            if (ftag == null || ftag.isEmpty()) {
                return false;
            }
            String ttag = message.to().tag();
            records.computeIfAbsent(callId, id -> {
                active.incrementAndGet(DlgsState.INIT.code());
                return new DlgsRecord(id, ftag, ttag == null ? "" : ttag,
                        ruidPrefix + Long.toHexString(sequence.incrementAndGet()) + "-" + Integer.toHexString(id.hashCode()),
                        src, dst, data, DlgsState.INIT, clock.millis(), 0, 0, List.of());
            });
            if (message instanceof SipResponse) {
                update(message);
            }
            return true;
        } catch (SipParseException e) {
            return false;
        }
    }

    /**
     * {@code dlgs_update()} (README §4.2) for a request, and what the engine does with every reply
     * sent back: moves the call's record to its next state (Kamailio's {@code dlgs_update_item}).
     * Messages of calls not tracked are ignored.
     */
    public void update(SipMessage message) {
        try {
            String callId = message.callId().trim();
            if (!records.containsKey(callId)) {
                return;
            }
            if (message instanceof SipRequest request) {
                records.computeIfPresent(callId, (id, record) -> moved(record, next(record.state(), request)));
            } else if (message.cseq().method().equals(SipMethod.INVITE)) {
                SipResponse response = (SipResponse) message;
                String toTag = response.to().tag();
                records.computeIfPresent(callId, (id, record) -> {
                    DlgsRecord next = moved(record, next(record.state(), response.statusCode()));
                    if (next.state() == DlgsState.ANSWERED && record.state() != DlgsState.ANSWERED
                            && next.ttag().isEmpty() && toTag != null) {
                        next = next.withToTag(toTag);
                    }
                    return next;
                });
            }
        } catch (SipParseException e) {
            // a message that does not parse changes nothing
        }
    }

    private DlgsRecord moved(DlgsRecord record, DlgsState next) {
        if (next == record.state()) {
            return record;
        }
        active.decrementAndGet(record.state().code());
        active.incrementAndGet(next.code());
        return record.withState(next, clock.millis());
    }

    /** The state a request moves a call to: ACK confirms an answered call, CANCEL and BYE end it. */
    static DlgsState next(DlgsState state, SipRequest request) {
        if (request.isAck() && state == DlgsState.ANSWERED) {
            return DlgsState.CONFIRMED;
        }
        if (request.isCancel() && state.compareTo(DlgsState.ANSWERED) < 0) {
            return DlgsState.NOTANSWERED;
        }
        if (request.isBye() && (state == DlgsState.ANSWERED || state == DlgsState.CONFIRMED)) {
            return DlgsState.TERMINATED;
        }
        return state;
    }

    /** The state a reply to the INVITE moves a call to: 1xx progress, 2xx answered, 3xx-6xx not answered. */
    static DlgsState next(DlgsState state, int status) {
        boolean early = state == DlgsState.INIT || state == DlgsState.PROGRESS;
        if (status < 200) {
            return state == DlgsState.INIT ? DlgsState.PROGRESS : state;
        }
        if (!early) {
            return state;
        }
        return status < 300 ? DlgsState.ANSWERED : DlgsState.NOTANSWERED;
    }

    /**
     * {@code dlgs_count(field, op, data)} (README §4.3): the ongoing calls (not terminated, not
     * unanswered) the filter takes.
     */
    public int count(DlgsFilter filter) {
        if (filter.isAny()) {
            long n = 0;
            for (DlgsState state : DlgsState.values()) {
                n += state.isOngoing() ? active.get(state.code()) : 0;
            }
            return (int) n;
        }
        return (int) records.values().stream().filter(r -> r.state().isOngoing() && filter.matches(r)).count();
    }

    /** {@code dlgs_tags_add(tag)}: tags the message's call; false when it is not tracked. */
    public boolean tagsAdd(SipMessage message, String tag) {
        return retag(message, tag, true);
    }

    /** {@code dlgs_tags_rm(tag)}: removes one such tag from the message's call; false when it is not tracked. */
    public boolean tagsRm(SipMessage message, String tag) {
        return retag(message, tag, false);
    }

    private boolean retag(SipMessage message, String tag, boolean add) {
        try {
            return records.computeIfPresent(message.callId().trim(), (id, record) -> record.withTag(tag, add)) != null;
        } catch (SipParseException e) {
            return false;
        }
    }

    /** {@code dlgs_tags_count(tag)}: how many times {@code tag} is on ongoing calls. */
    public int tagsCount(String tag) {
        return (int) records.values().stream().filter(r -> r.state().isOngoing())
                .mapToLong(r -> r.tags().stream().filter(tag::equals).count()).sum();
    }

    /**
     * Removes the records past their lifetime (Kamailio's {@code dlgs_ht_timer}): not yet confirmed
     * after {@code init_lifetime}, confirmed after {@code active_lifetime} from the answer, ended
     * after {@code finish_lifetime}. Each removed record is counted under its state in
     * {@link #removed}.
     */
    public void sweep() {
        long now = clock.millis();
        for (String callId : records.keySet()) {
            records.computeIfPresent(callId, (id, record) -> {
                if (!expired(record, now)) {
                    return record;
                }
                active.decrementAndGet(record.state().code());
                removed.incrementAndGet(record.state().code());
                return null;
            });
        }
    }

    private boolean expired(DlgsRecord record, long now) {
        return switch (record.state()) {
            case INIT, PROGRESS, ANSWERED -> record.tsInit() + settings.initLifetime().toMillis() < now;
            case CONFIRMED -> record.tsAnswer() + settings.activeLifetime().toMillis() < now;
            case TERMINATED, NOTANSWERED -> record.tsFinish() + settings.finishLifetime().toMillis() < now;
        };
    }

    /** The records {@code filter} takes, finished ones included, at most {@code limit} (0: all). */
    public List<DlgsRecord> find(DlgsFilter filter, int limit) {
        List<DlgsRecord> found = new ArrayList<>();
        for (DlgsRecord record : records.values()) {
            if (filter.matches(record)) {
                found.add(record);
                if (found.size() == limit) {
                    break;
                }
            }
        }
        return found;
    }

    /** Every record, as {@code dlgs.list} shows them. */
    public List<DlgsRecord> records() {
        return List.copyOf(records.values());
    }

    /** Records in {@code state} now. */
    public long active(DlgsState state) {
        return active.get(state.code());
    }

    /** Records removed by the timer while in {@code state}, since start. */
    public long removed(DlgsState state) {
        return removed.get(state.code());
    }
}
