package io.switchboard.engine.htable;

import io.switchboard.actors.htable.HashTables;
import io.switchboard.actors.htable.HtItem;
import io.switchboard.actors.htable.HtValue;
import io.switchboard.actors.htable.HtableOp;
import io.switchboard.actors.htable.HtableOwner;
import io.switchboard.actors.htable.TableDefinition;
import io.switchboard.engine.management.RpcCommand;
import io.switchboard.engine.management.RpcCommands;
import io.switchboard.engine.management.RpcException;
import io.switchboard.engine.management.RpcParam;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The htable module's management commands with Kamailio's names and answer shapes (seed manual
 * 003 HTABLE, "RPC Commands"; htable README §6): {@code htable.get}, {@code htable.delete},
 * {@code htable.sets}, {@code htable.seti}, {@code htable.dump}, {@code htable.reload},
 * {@code htable.flush}, {@code htable.listTables}, {@code htable.stats}. Reads are of this node's
 * view; writes wait until the owner has applied them and this node's view has them. Failures are
 * Kamailio's faults: code 500, "No such htable", "Key name doesn't exist in htable.".
 */
public final class HtableCommands {

    private static final int FAULT = 500;
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Duration RELOAD_WAIT = Duration.ofSeconds(60);
    private static final DateTimeFormatter EXPIRE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private HtableCommands() {
    }

    public static void register(RpcCommands commands, HashTables tables) {
        RpcParam table = RpcParam.string("htable");
        RpcParam key = RpcParam.string("key");
        commands.add(new RpcCommand("htable.get", "Gets one key from a hash table.", List.of(table, key), args -> {
            String name = known(tables, args.string("htable"));
            HtItem item = tables.view().get(name, args.string("key"));
            if (item == null) {
                throw new RpcException(FAULT, "Key name doesn't exist in htable.");
            }
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("name", args.string("key"));
            fields.put("value", item.value().asObject());
            fields.put("flags", item.value().flags());
            fields.put("expire", item.expires() == 0 ? "NEVER"
                    : EXPIRE.format(Instant.ofEpochMilli(item.expires()).atZone(ZoneId.systemDefault())));
            return Map.of("item", fields);
        }));
        commands.add(new RpcCommand("htable.delete", "Deletes one key from a hash table.", List.of(table, key),
                args -> write(tables, args.string("htable"), new HtableOp.Delete(args.string("key")))));
        commands.add(new RpcCommand("htable.sets", "Sets one key in a hash table to a string value.",
                List.of(table, key, RpcParam.string("value")), args -> write(tables, args.string("htable"),
                        new HtableOp.Set(args.string("key"), HtValue.of(args.string("value")), 0))));
        commands.add(new RpcCommand("htable.seti", "Sets one key in a hash table to an integer value.",
                List.of(table, key, RpcParam.integer("value")), args -> write(tables, args.string("htable"),
                        new HtableOp.Set(args.string("key"), HtValue.of(args.integer("value")), 0))));
        commands.add(new RpcCommand("htable.dump", "Dumps the contents of a hash table.", List.of(table),
                args -> dump(tables, known(tables, args.string("htable")))));
        commands.add(new RpcCommand("htable.reload", "Reloads a hash table from its database table.", List.of(table),
                args -> await(tables.reload(known(tables, args.string("htable")), RELOAD_WAIT), RELOAD_WAIT)));
        commands.add(new RpcCommand("htable.flush", "Empties a hash table.", List.of(table),
                args -> write(tables, args.string("htable"), new HtableOp.Flush())));
        commands.add(new RpcCommand("htable.listTables", "Lists all hash tables.", args -> {
            List<Map<String, Object>> list = new ArrayList<>();
            for (TableDefinition d : defined(tables)) {
                Map<String, Object> fields = new LinkedHashMap<>();
                fields.put("name", d.name());
                fields.put("dbtable", d.dbtable());
                fields.put("dbmode", d.dbmode());
                fields.put("expire", d.autoexpire());
                fields.put("updateexpire", d.updateexpire() ? 1 : 0);
                fields.put("size", d.slots());
                fields.put("dmqreplicate", d.dmqreplicate());
                list.add(fields);
            }
            return list;
        }));
        commands.add(new RpcCommand("htable.stats", "Statistics about hash tables: slots, items, and the fewest "
                + "and most items in a slot.", args -> {
                    List<Map<String, Object>> list = new ArrayList<>();
                    for (TableDefinition d : defined(tables)) {
                        Map<Integer, Integer> slots = occupancy(d, tables.view().items(d.name()));
                        Map<String, Object> fields = new LinkedHashMap<>();
                        fields.put("name", d.name());
                        fields.put("slots", d.slots());
                        fields.put("all", slots.values().stream().mapToInt(Integer::intValue).sum());
                        fields.put("min", slots.size() < d.slots() ? 0
                                : slots.values().stream().mapToInt(Integer::intValue).min().orElse(0));
                        fields.put("max", slots.values().stream().mapToInt(Integer::intValue).max().orElse(0));
                        list.add(fields);
                    }
                    return list;
                }));
    }

    private static List<TableDefinition> defined(HashTables tables) throws RpcException {
        if (tables.definitions().isEmpty()) {
            throw new RpcException(FAULT, "No htables");
        }
        return tables.definitions();
    }

    private static String known(HashTables tables, String name) throws RpcException {
        if (tables.definitions().stream().noneMatch(d -> d.name().equals(name))) {
            throw new RpcException(FAULT, "No such htable");
        }
        return name;
    }

    private static Object write(HashTables tables, String table, HtableOp op) throws RpcException {
        return await(tables.ask(known(tables, table), op, WAIT), WAIT);
    }

    /** Waits for the owner; a failure is a fault with the owner's reason. Returns nothing, as Kamailio's commands. */
    private static Object await(CompletionStage<HtableOwner.Result> answer, Duration wait) throws RpcException {
        try {
            HtableOwner.Result result = answer.toCompletableFuture().get(wait.toMillis() + 1000, TimeUnit.MILLISECONDS);
            if (!result.ok()) {
                throw new RpcException(FAULT, result.error());
            }
            return null;
        } catch (ExecutionException | TimeoutException e) {
            throw new RpcException(FAULT, "the hash-table owner did not answer: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RpcException(FAULT, "interrupted");
        }
    }

    /** Items per slot, for the occupied slots only. */
    private static Map<Integer, Integer> occupancy(TableDefinition table, Map<String, HtItem> items) {
        Map<Integer, Integer> slots = new TreeMap<>();
        items.keySet().forEach(key -> slots.merge(table.slotOf(key), 1, Integer::sum));
        return slots;
    }

    /**
     * {@code htable.dump}: the occupied slots in order, each {@code {entry, size, slot: [{name, value, type}]}},
     * the items of a slot in key order. Only the keys are indexed by slot up front; each entry and
     * cell is made as the endpoint writes it, so a large table is streamed, not built whole.
     */
    private static Iterator<Map<String, Object>> dump(HashTables tables, String name) {
        TableDefinition table = tables.view().definition(name);
        Map<String, HtItem> items = tables.view().items(name);
        Map<Integer, List<String>> bySlot = new TreeMap<>();
        items.keySet().forEach(key -> bySlot.computeIfAbsent(table.slotOf(key), slot -> new ArrayList<>()).add(key));
        return bySlot.entrySet().stream().map(slot -> entry(slot.getKey(), slot.getValue(), items)).iterator();
    }

    private static Map<String, Object> entry(int slot, List<String> keys, Map<String, HtItem> items) {
        keys.sort(null);
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("entry", slot);
        entry.put("size", keys.size());
        entry.put("slot", keys.stream().map(key -> cell(key, items.get(key))).iterator());
        return entry;
    }

    private static Map<String, Object> cell(String key, HtItem item) {
        Map<String, Object> cell = new LinkedHashMap<>();
        cell.put("name", key);
        cell.put("value", item.value().asObject());
        cell.put("type", item.value().typeName());
        return cell;
    }
}
