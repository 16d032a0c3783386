package io.switchboard.actors.htable;

import io.switchboard.actors.cluster.ClusterOfOne;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.cluster.typed.ClusterSingleton;
import org.apache.pekko.cluster.typed.SingletonActor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hash tables on this node (Kamailio's htable module, seed manual 003 HTABLE): what routes
 * call, as Kamailio's KEMI {@code KSR.htable.*} and {@code $sht(...)} do, and what the management
 * commands use.
 *
 * <p>Reads come from this node's {@link HtableView} without asking anyone. Writes go to the
 * {@link HtableOwner}, a cluster singleton, as messages; a single-key write ({@link #sets},
 * {@link #seti}, {@link #setex}, {@link #rm}, ...) is also applied to this node's view at once, so
 * a route reads what it wrote (read-your-writes on one node; other nodes see it when the owner's
 * change reaches them, eventually). {@link #inc} and {@link #dec} are applied by the owner alone,
 * hence atomic across the cluster, and their new value comes back through a bounded ask: the only
 * calls that wait. Removals by pattern and {@link #reset} are seen once the owner applied them.
 *
 * <p>The owner is a Pekko Cluster singleton when the actor system is clustered; on a non-cluster
 * actor system it is a plain actor of this node, and tables are then this node's alone.
 */
public final class HashTables {

    private static final Logger log = LoggerFactory.getLogger(HashTables.class);

    private final HtableSettings settings;
    private final HtableView view;
    private final ActorSystem<?> system;
    private final ActorRef<HtableOwner.Command> owner;
    private final ActorRef<HtableReplica.Command> replica;
    private final CompletableFuture<Void> ready;

    private HashTables(HtableSettings settings, HtableView view, ActorSystem<?> system,
            ActorRef<HtableOwner.Command> owner, ActorRef<HtableReplica.Command> replica, CompletableFuture<Void> ready) {
        this.settings = settings;
        this.view = view;
        this.system = system;
        this.owner = owner;
        this.replica = replica;
        this.ready = ready;
    }

    /**
     * Loads the tables that have a {@code dbtable}, starts (or finds) the owner and this node's
     * replica. The tables are readable once {@link #ready()} completes.
     *
     * @throws IllegalStateException naming the table when one cannot be loaded from its database
     */
    public static HashTables start(ActorSystem<?> system, HtableSettings settings, Clock clock) {
        Map<String, Map<String, HtItem>> loaded = settings.loadAll(clock.millis());
        HtableView view = new HtableView(settings.tables(), clock, settings.askTimeout().toMillis() * 10);
        Behavior<HtableOwner.Command> behavior = HtableOwner.create(settings, loaded, clock, view);
        ActorRef<HtableOwner.Command> owner;
        if (ClusterOfOne.isClustered(system)) {
            ClusterOfOne.joinSelfWithoutSeeds(system);
            owner = ClusterSingleton.get(system).init(SingletonActor.of(behavior, "htable-owner")
                    .withStopMessage(HtableOwner.Stop.INSTANCE));
        } else {
            owner = system.systemActorOf(behavior, "htable-owner", Props.empty());
        }
        CompletableFuture<Void> ready = new CompletableFuture<>();
        ActorRef<HtableReplica.Command> replica = system.systemActorOf(HtableReplica.create(owner, view, ready),
                "htable-replica", Props.empty());
        return new HashTables(settings, view, system, owner, replica, ready);
    }

    /** Completes when this node's view holds the owner's first snapshot. */
    public CompletionStage<Void> ready() {
        return ready;
    }

    public List<TableDefinition> definitions() {
        return settings.tables();
    }

    /** The view of this node, for the management commands. */
    public HtableView view() {
        return view;
    }

    /**
     * {@code $sht(table=>key)}: the value, or the table's {@code initval} when the key is missing
     * or expired; empty when neither.
     *
     * @throws IllegalArgumentException when there is no table of that name (as for every call here)
     */
    public Optional<HtValue> get(String table, String key) {
        HtItem item = view.get(table, key);
        if (item != null) {
            return Optional.of(item.value());
        }
        Long initval = view.definition(table).initval();
        return initval == null ? Optional.empty() : Optional.of(HtValue.of(initval));
    }

    /**
     * The array {@code key}: the values of {@code key[0]} up to {@code key[n-1]}, where {@code n}
     * is the integer in {@code key::size} (the {@code array_size_suffix}); missing elements are
     * left out, as after {@code htable.delete key[0]} (htable README §1, "Storing array values").
     */
    public List<HtValue> array(String table, String key) {
        HtItem size = view.get(table, key + settings.arraySizeSuffix());
        List<HtValue> values = new ArrayList<>();
        if (size != null && size.value().integer()) {
            for (long i = 0; i < size.value().number(); i++) {
                HtItem element = view.get(table, key + "[" + i + "]");
                if (element != null) {
                    values.add(element.value());
                }
            }
        }
        return values;
    }

    /** {@code $sht(table=>key) = "value"}: set a string. */
    public void sets(String table, String key, String value) {
        write(table, new HtableOp.Set(key, HtValue.of(value), 0));
    }

    /** {@code $sht(table=>key) = value}: set an integer. */
    public void seti(String table, String key, long value) {
        write(table, new HtableOp.Set(key, HtValue.of(value), 0));
    }

    /** {@code sht_setxs(table, key, value, seconds)}: set a string expiring in {@code seconds} (tables with autoexpire). */
    public void setxs(String table, String key, String value, long seconds) {
        write(table, new HtableOp.Set(key, HtValue.of(value), seconds));
    }

    /** {@code sht_setxi(table, key, value, seconds)}: set an integer expiring in {@code seconds} (tables with autoexpire). */
    public void setxi(String table, String key, long value, long seconds) {
        write(table, new HtableOp.Set(key, HtValue.of(value), seconds));
    }

    /** {@code $shtex(table=>key) = seconds}: the item expires then; 0: never (tables with autoexpire). */
    public void setex(String table, String key, long seconds) {
        write(table, new HtableOp.Expire(key, seconds));
    }

    /** {@code sht_rm(table, key)}, {@code $sht(table=>key) = $null}. */
    public void rm(String table, String key) {
        write(table, new HtableOp.Delete(key));
    }

    private void write(String table, HtableOp op) {
        long write = view.applyLocally(table, op);
        owner.tell(new HtableOwner.Write(table, op, replica, write, null));
    }

    /**
     * {@code sht_rm_name_re("table=>regexp")}: delete the items whose name matches.
     *
     * @throws IllegalArgumentException when the expression does not compile
     */
    public void rmNameRe(String table, String regex) {
        removeMatching(table, regex, false);
    }

    /** {@code sht_rm_value_re("table=>regexp")}: delete the items whose string value matches. */
    public void rmValueRe(String table, String regex) {
        removeMatching(table, regex, true);
    }

    private void removeMatching(String table, String regex, boolean byValue) {
        view.definition(table);
        try {
            Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("bad regular expression '" + regex + "': " + e.getDescription(), e);
        }
        owner.tell(new HtableOwner.Write(table, new HtableOp.RemoveMatching(regex, byValue), replica, 0, null));
    }

    /** {@code sht_reset(table)}: delete every item. */
    public void reset(String table) {
        view.definition(table);
        owner.tell(new HtableOwner.Write(table, new HtableOp.Flush(), replica, 0, null));
    }

    /**
     * {@code $shtinc(table=>key)}: add 1 at the owner and return the new value; empty when it
     * cannot be done (a string, or a missing key in a table without {@code initval}) or the owner
     * did not answer within {@code ask-timeout}.
     */
    public OptionalLong inc(String table, String key) {
        return add(table, key, 1);
    }

    /** {@code $shtdec(table=>key)}: as {@link #inc}, subtracting 1. */
    public OptionalLong dec(String table, String key) {
        return add(table, key, -1);
    }

    private OptionalLong add(String table, String key, long delta) {
        view.definition(table);
        try {
            HtableOwner.Result result = ask(table, new HtableOp.Add(key, delta), settings.askTimeout())
                    .toCompletableFuture().get(settings.askTimeout().toMillis() * 2, TimeUnit.MILLISECONDS);
            return result.ok() ? OptionalLong.of(result.value().asLong()) : OptionalLong.empty();
        } catch (ExecutionException | TimeoutException e) {
            log.warn("htable: no answer from the owner to an increment of {} in {}: {}", key, table, e.toString());
            return OptionalLong.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalLong.empty();
        }
    }

    /**
     * Applies {@code op} at the owner and completes, with the owner's result, once this node's view
     * has the change (what the management commands use).
     */
    public CompletionStage<HtableOwner.Result> ask(String table, HtableOp op, Duration timeout) {
        return AskPattern.ask(owner, replyTo -> new HtableOwner.Write(table, op, replica, 0, replyTo), timeout,
                system.scheduler());
    }

    /** {@code htable.reload}: completes once this node's view has the table as read from the database. */
    public CompletionStage<HtableOwner.Result> reload(String table, Duration timeout) {
        return AskPattern.ask(owner, replyTo -> new HtableOwner.Reload(table, replica, replyTo), timeout,
                system.scheduler());
    }

    /** Writes the tables with {@code dbmode=1} back to their database tables (when the engine stops). */
    public CompletionStage<HtableOwner.Result> save(Duration timeout) {
        return AskPattern.ask(owner, HtableOwner.Save::new, timeout, system.scheduler());
    }
}
