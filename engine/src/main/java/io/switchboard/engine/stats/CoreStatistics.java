package io.switchboard.engine.stats;

import io.switchboard.engine.proxy.ProxyCounters;
import io.switchboard.engine.stats.Statistic.Kind;
import io.switchboard.transport.net.SipTransport;
import io.switchboard.transport.net.TransportCounters;
import io.switchboard.transport.transaction.TransactionStatistics;
import java.util.Arrays;
import java.util.function.IntPredicate;
import java.util.function.LongSupplier;
import java.util.function.ToLongFunction;

/**
 * The engine's own statistics under Kamailio's names (issue 4): {@code core:} (the core's
 * counters; {@code shed_load} is Switchboard's, the messages shed when the ingress is full),
 * {@code tm:} (the tmx module's, from the transaction layer: {@code UAS_transactions} and
 * {@code UAC_transactions} created — requests forwarded statelessly or dropped, for which
 * Kamailio creates none, left out — {@code 2xx_transactions} to {@code 6xx_transactions} server
 * transactions completed with a final reply of that class, {@code inuse_transactions} in the table,
 * {@code active_transactions} still without a final reply, {@code rpl_received} replies matched
 * to a client transaction, {@code rpl_generated} and {@code rpl_relayed} the replies server
 * transactions sent, generated here or relayed, {@code rpl_sent} both, {@code rpl_absorbed}
 * received minus relayed), {@code sl:} (the sl module's replies generated here and sent, by code,
 * counted as Kamailio's {@code update_sl_stats} does: {@code 483_replies} counts 483s,
 * {@code 4xx_replies} the other 4xx; {@code failures} those that could not be sent),
 * {@code shmem:} (the JVM heap, see {@link JvmHeap}) and {@code tcp:current_opened_connections}.
 *
 * <p>Kamailio resets its core counters but not the tm and sl ones, which are functions over
 * per-process figures; the same split is kept here ({@link Kind#COUNTER} against
 * {@link Kind#FUNCTION}).
 */
public final class CoreStatistics {

    /** The codes Kamailio's sl module counts apart from their class. */
    private static final int[] SL_CODES = {200, 202, 300, 301, 302, 400, 401, 403, 404, 407, 408, 483, 500};

    private CoreStatistics() {
    }

    /** Adds the {@code core}, {@code tm}, {@code sl}, {@code shmem} and {@code tcp} groups. */
    public static void register(Statistics statistics, ProxyCounters proxy, TransactionStatistics tm,
            SipTransport transport, LongSupplier shedLoad) {
        TransportCounters net = transport.counters();
        statistics.add("core", "rcv_requests", Kind.COUNTER, proxy::receivedRequests);
        statistics.add("core", "rcv_replies", Kind.COUNTER, proxy::receivedReplies);
        statistics.add("core", "fwd_requests", Kind.COUNTER, proxy::forwardedRequests);
        statistics.add("core", "fwd_replies", Kind.COUNTER, proxy::forwardedReplies);
        statistics.add("core", "drop_requests", Kind.COUNTER, proxy::droppedRequests);
        statistics.add("core", "drop_replies", Kind.COUNTER, proxy::droppedReplies);
        statistics.add("core", "err_requests", Kind.COUNTER, proxy::badRequests);
        statistics.add("core", "err_replies", Kind.COUNTER, proxy::badReplies);
        statistics.add("core", "bad_msg_hdr", Kind.COUNTER, net::parseErrors);
        statistics.add("core", "shed_load", Kind.COUNTER, shedLoad);

        tmx(statistics, "UAS_transactions", () -> tm.createdServerTransactions() - tm.releasedServerTransactions());
        tmx(statistics, "UAC_transactions", tm::createdClientTransactions);
        for (int type = 2; type <= 6; type++) {
            int statusClass = type;
            tmx(statistics, type + "xx_transactions", () -> tm.completedServerTransactions(statusClass));
        }
        statistics.add("tm", "inuse_transactions", Kind.GAUGE,
                () -> tm.currentServerTransactions() + tm.currentClientTransactions());
        statistics.add("tm", "active_transactions", Kind.GAUGE, tm::activeTransactions);
        tmx(statistics, "rpl_received", tm::repliesReceived);
        tmx(statistics, "rpl_absorbed", tm::repliesAbsorbed);
        tmx(statistics, "rpl_generated", tm::repliesGenerated);
        tmx(statistics, "rpl_relayed", tm::repliesRelayed);
        tmx(statistics, "rpl_sent", tm::repliesSent);

        for (int type = 1; type <= 6; type++) {
            int from = type * 100;
            Arrays.stream(SL_CODES).filter(code -> code / 100 == from / 100).forEach(code ->
                    statistics.add("sl", code + "_replies", Kind.FUNCTION, () -> proxy.localReplies(code)));
            statistics.add("sl", type + "xx_replies", Kind.FUNCTION,
                    () -> sum(proxy, from, from + 100, c -> Arrays.binarySearch(SL_CODES, c) < 0));
        }
        statistics.add("sl", "xxx_replies", Kind.FUNCTION,
                () -> proxy.localReplies() - sum(proxy, 100, 700, c -> true));
        statistics.add("sl", "sent_replies", Kind.FUNCTION, proxy::localReplies);
        statistics.add("sl", "sent_err_replies", Kind.FUNCTION, proxy::errorReplies);
        statistics.add("sl", "failures", Kind.FUNCTION, proxy::failures);
        statistics.add("sl", "received_ACKs", Kind.FUNCTION, proxy::absorbedAcks);

        heap(statistics, "total_size", JvmHeap::total);
        heap(statistics, "used_size", JvmHeap::used);
        heap(statistics, "real_used_size", JvmHeap::realUsed);
        heap(statistics, "max_used_size", JvmHeap::maxUsed);
        heap(statistics, "free_size", JvmHeap::free);
        heap(statistics, "fragments", JvmHeap::fragments);

        statistics.add("tcp", "current_opened_connections", Kind.GAUGE, transport::connectionCount);
    }

    private static long sum(ProxyCounters proxy, int from, int to, IntPredicate counted) {
        long sum = 0;
        for (int code = from; code < to; code++) {
            if (counted.test(code)) {
                sum += proxy.localReplies(code);
            }
        }
        return sum;
    }

    /** A tm total, a function in Kamailio's tmx ({@code STAT_IS_FUNC}), so never reset. */
    private static void tmx(Statistics statistics, String name, LongSupplier figure) {
        statistics.add("tm", name, Kind.FUNCTION, figure);
    }

    private static void heap(Statistics statistics, String name, ToLongFunction<JvmHeap> figure) {
        statistics.add("shmem", name, Kind.GAUGE, () -> figure.applyAsLong(JvmHeap.now()));
    }
}
