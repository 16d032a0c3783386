package io.switchboard.engine.htable;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import io.switchboard.actors.htable.HashTables;
import io.switchboard.actors.htable.TableDefinition;
import io.switchboard.engine.config.SettingsException;
import io.switchboard.engine.route.RequestContext;
import io.switchboard.transport.message.SipStatus;
import java.util.List;
import java.util.OptionalLong;

/**
 * The ban of abusive sources in the built-in route ({@code switchboard.proxy.ipban}), the use of
 * an {@code ipban} table the seed shows (seed manual 003 HTABLE, {@code kamcmd htable.dump ipban}):
 * a request from an address in {@code table} is answered 403 or dropped; otherwise the address's
 * count in {@code count-table} goes up, and past {@code requests} within that table's
 * {@code autoexpire} (the window) the address goes into {@code table} for its {@code autoexpire}
 * (the ban). As a Kamailio script would:
 *
 * <pre>
 * if ($sht(ipban=>$si) != $null) { sl_send_reply("403", "Forbidden"); exit; }
 * if ($shtinc(ipcount=>$si) > N) { $sht(ipban=>$si) = 1; sht_rm("ipcount", "$si"); sl_send_reply("403", "Forbidden"); exit; }
 * </pre>
 *
 * @param table the table of banned addresses
 * @param countTable the table counting requests per address
 * @param requests requests allowed within the window
 * @param drop true to drop a banned address's requests, false to answer them 403
 */
public record IpBan(String table, String countTable, long requests, boolean drop) {

    private static final String PREFIX = "switchboard.proxy.ipban";

    /**
     * The rule in {@code proxy.ipban} of the {@code switchboard} block; null when {@code table} is empty.
     *
     * @throws SettingsException when a table is not defined in {@code htable.tables} or lacks what
     *     the rule needs (an autoexpire on both; initval and {@code updateexpire=0} on the count table,
     *     no initval on the ban table). With {@code updateexpire=1}, Kamailio's default (htable README
     *     §3.1), every increment would restart the count's expiry: the window would never close for an
     *     address that keeps sending, and one request every few seconds would end in a ban
     */
    public static IpBan from(Config switchboard) {
        try {
            Config c = switchboard.getConfig("proxy.ipban");
            String table = c.getString("table");
            if (table.isEmpty()) {
                return null;
            }
            List<TableDefinition> tables = HtableConfig.definitions(switchboard);
            TableDefinition ban = defined(tables, table, "table");
            TableDefinition count = defined(tables, c.getString("count-table"), "count-table");
            if (!ban.hasAutoexpire() || ban.initval() != null) {
                throw new SettingsException("setting " + PREFIX + ".table: table " + table
                        + " needs an autoexpire (the ban time) and no initval");
            }
            if (!count.hasAutoexpire() || count.initval() == null) {
                throw new SettingsException("setting " + PREFIX + ".count-table: table " + count.name()
                        + " needs an autoexpire (the window) and initval=0");
            }
            if (count.updateexpire()) {
                throw new SettingsException("setting " + PREFIX + ".count-table: table " + count.name()
                        + " needs updateexpire=0: with updateexpire=1 each request restarts the window, so an"
                        + " address that keeps sending is banned however slowly it sends");
            }
            long requests = c.getLong("requests");
            if (requests < 1) {
                throw new SettingsException("setting " + PREFIX + ".requests must be at least 1, not " + requests);
            }
            String action = c.getString("action");
            if (!action.equals("reply") && !action.equals("drop")) {
                throw new SettingsException("setting " + PREFIX + ".action must be reply or drop, not " + action);
            }
            return new IpBan(table, count.name(), requests, action.equals("drop"));
        } catch (ConfigException e) {
            throw new SettingsException("setting " + PREFIX + ": " + e.getMessage(), e);
        }
    }

    private static TableDefinition defined(List<TableDefinition> tables, String name, String key) {
        return tables.stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow(() ->
                new SettingsException("setting " + PREFIX + "." + key + ": no table '" + name
                        + "' in switchboard.htable.tables"));
    }

    /** True when the request's source is (or now becomes) banned; the request has then been answered or dropped. */
    public boolean rejects(RequestContext request) {
        String address = request.source().getAddress().getHostAddress();
        HashTables htable = request.htable();
        if (htable.get(table, address).isEmpty()) {
            OptionalLong count = htable.inc(countTable, address);
            if (count.isEmpty() || count.getAsLong() <= requests) {
                return false;
            }
            htable.seti(table, address, 1);
            htable.rm(countTable, address);
        }
        if (drop) {
            request.drop();
        } else {
            request.slSendReply(SipStatus.FORBIDDEN, "Forbidden");
        }
        return true;
    }
}
