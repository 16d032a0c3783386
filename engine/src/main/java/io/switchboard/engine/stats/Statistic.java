package io.switchboard.engine.stats;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * One named statistic of the {@link Statistics} registry, as Kamailio's counters framework has
 * them ({@code core:rcv_requests}, {@code tm:UAS_transactions}, {@code dialog:active_dialogs}):
 * read live from its source on every call, never copied.
 *
 * <p>A {@link Kind#COUNTER} is reset by {@code stats.reset_statistics}: since the source may be a
 * counter the registry does not own (a {@code LongAdder} of the proxy core), a reset records the
 * source's current total as a baseline and {@link #value()} reports what came after it. The other
 * kinds are never reset, as Kamailio never resets its function statistics ({@code STAT_IS_FUNC})
 * nor those flagged {@code STAT_NO_RESET}.
 */
public final class Statistic {

    /** How a statistic behaves on reset and in Prometheus. */
    public enum Kind {
        /** A total since start, reset by {@code stats.reset_statistics}; a Prometheus counter. */
        COUNTER,
        /** A total since start that is never reset (Kamailio's {@code STAT_IS_FUNC}); a Prometheus counter. */
        FUNCTION,
        /** A level now, such as transactions in use (Kamailio's {@code STAT_NO_RESET}); a Prometheus gauge. */
        GAUGE
    }

    private final String group;
    private final String name;
    private final Kind kind;
    private final LongSupplier source;
    private final AtomicLong baseline = new AtomicLong();

    Statistic(String group, String name, Kind kind, LongSupplier source) {
        this.group = group;
        this.name = name;
        this.kind = kind;
        this.source = source;
    }

    public String group() {
        return group;
    }

    public String name() {
        return name;
    }

    public Kind kind() {
        return kind;
    }

    /** {@code group:name}, as Kamailio prints it. */
    public String qualifiedName() {
        return group + ":" + name;
    }

    /** The value as {@code stats.get_statistics} reports it: since the last reset for a counter. */
    public long value() {
        return source.getAsLong() - baseline.get();
    }

    /** The source's value, never reset: what Prometheus scrapes, so its counters stay monotonic. */
    public long total() {
        return source.getAsLong();
    }

    /** True for the statistics {@code stats.reset_statistics} resets. */
    public boolean isResettable() {
        return kind == Kind.COUNTER;
    }

    /** Starts a counter again from zero; does nothing to the other kinds. */
    public void reset() {
        if (isResettable()) {
            baseline.set(source.getAsLong());
        }
    }

    /** {@code group:name = value}, the line kamcmd and jsonrpcs print. */
    @Override
    public String toString() {
        return qualifiedName() + " = " + value();
    }
}
