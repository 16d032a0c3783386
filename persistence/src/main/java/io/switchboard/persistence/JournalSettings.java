package io.switchboard.persistence;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;
import org.apache.pekko.actor.ClassicActorSystemProvider;
import org.apache.pekko.persistence.jdbc.testkit.javadsl.SchemaUtils;

/**
 * The journal and snapshot store chosen by {@code switchboard.persistence}: the Pekko
 * configuration to lay over the defaults before the actor system starts
 * ({@code ActorSystem.create(guardian, name, settings.overlay().withFallback(config))}), and the
 * schema to create once it runs.
 *
 * <ul>
 *   <li>{@code h2}: pekko-persistence-jdbc with Slick's H2 profile on the file
 *       {@code <data-dir>/journal}; journal, snapshot store and read journal share one connection
 *       pool. The tables are those of the plugin's {@code schema/h2/h2-create-schema.sql}.</li>
 *   <li>{@code memory}: Pekko's in-memory journal and no snapshot store.</li>
 * </ul>
 * A wrong value stops start-up with an {@link IllegalArgumentException} naming the key.
 */
public record JournalSettings(Kind journal, Path dataDir) {

    /** Path of the settings block within the root configuration. */
    public static final String PATH = "switchboard.persistence";

    /** The name of the shared database of the jdbc plugins. */
    private static final String DATABASE = "switchboard";
    private static final int CONNECTIONS = 8;

    /**
     * Payloads up to this many bytes are kept in their row rather than in H2's LOB store (the
     * plugin's columns are BLOBs): reading LOBs while others are written fails now and then with
     * a NullPointerException in {@code LobStorageMap.copyLob} (h2database issues 1808, 3445), which
     * here broke the recovery of dialogs under load. Events are a few hundred bytes to a few KB.
     */
    private static final int INPLACE_PAYLOAD_BYTES = 32_768;

    /**
     * H2's {@code WRITE_DELAY}: 0 writes each commit to the file before the journal confirms it.
     * H2's default (its "Durability Problems" section) keeps committed changes in memory for up to a
     * second, so an engine killed with SIGKILL right after a call was answered lost the dialogs
     * and the shards' remembered entities the journal had already confirmed.
     */
    private static final int WRITE_DELAY_MILLIS = 0;

    /** The journals Switchboard can run on. */
    public enum Kind {
        H2, MEMORY;

        static Kind parse(String value) {
            try {
                return valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "setting " + PATH + ".journal must be h2 or memory, not \"" + value + "\"");
            }
        }
    }

    /** Reads {@code persistence.journal} and {@code persistence.data-dir} from the {@code switchboard} block. */
    public static JournalSettings fromConfig(Config switchboard) {
        Config config = switchboard.getConfig("persistence");
        Kind journal = Kind.parse(string(config, "journal"));
        String dir = string(config, "data-dir");
        if (dir.isBlank()) {
            throw new IllegalArgumentException("setting " + PATH + ".data-dir must name a directory");
        }
        try {
            return new JournalSettings(journal, Path.of(dir).toAbsolutePath().normalize());
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("setting " + PATH + ".data-dir is not a path: " + e.getMessage(), e);
        }
    }

    private static String string(Config config, String key) {
        try {
            return config.getString(key);
        } catch (ConfigException e) {
            throw new IllegalArgumentException("setting " + PATH + "." + key + ": " + e.getMessage(), e);
        }
    }

    /** True when what is journaled outlives the process. */
    public boolean durable() {
        return journal == Kind.H2;
    }

    /** The H2 database file, without H2's {@code .mv.db} suffix. */
    public Path h2File() {
        return dataDir.resolve("journal");
    }

    /**
     * The Pekko settings that select this journal, to lay over the rest of the configuration; they
     * carry this {@code switchboard.persistence} block too, so the actor system's configuration
     * says which journal it runs on.
     */
    public Config overlay() {
        return (journal == Kind.H2 ? h2Overlay() : memoryOverlay()).withFallback(ConfigFactory.parseMap(Map.of(
                PATH + ".journal", journal.name().toLowerCase(Locale.ROOT),
                PATH + ".data-dir", dataDir.toString())));
    }

    private static Config memoryOverlay() {
        return ConfigFactory.parseMap(Map.of(
                "pekko.persistence.journal.plugin", "pekko.persistence.journal.inmem",
                "pekko.persistence.snapshot-store.plugin", "pekko.persistence.no-snapshot-store"));
    }

    private Config h2Overlay() {
        String url = "jdbc:h2:file:" + h2File().toString().replace('\\', '/')
                + ";AUTO_SERVER=FALSE;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=" + WRITE_DELAY_MILLIS
                + ";MAX_LENGTH_INPLACE_LOB=" + INPLACE_PAYLOAD_BYTES;
        Config database = ConfigFactory.parseMap(Map.of(
                "profile", "slick.jdbc.H2Profile$",
                "db.url", url,
                "db.driver", "org.h2.Driver",
                "db.user", "sa",
                "db.password", "",
                "db.connectionPool", "HikariCP",
                "db.numThreads", CONNECTIONS,
                "db.maxConnections", CONNECTIONS,
                "db.minConnections", 2));
        return ConfigFactory.parseMap(Map.of(
                        "pekko.persistence.journal.plugin", "jdbc-journal",
                        "pekko.persistence.snapshot-store.plugin", "jdbc-snapshot-store",
                        "jdbc-journal.use-shared-db", DATABASE,
                        "jdbc-snapshot-store.use-shared-db", DATABASE,
                        "jdbc-read-journal.use-shared-db", DATABASE,
                        "jdbc-durable-state-store.use-shared-db", DATABASE))
                .withValue("pekko-persistence-jdbc.shared-databases." + DATABASE, database.root());
    }

    /**
     * Creates the journal's tables unless they exist (the schema SQL that pekko-persistence-jdbc
     * ships for H2); completes at once for the memory journal. Call it after the actor system
     * started with {@link #overlay()} and before the first event is written.
     */
    public CompletionStage<Done> createSchema(ClassicActorSystemProvider system) {
        if (journal == Kind.MEMORY) {
            return CompletableFuture.completedFuture(Done.getInstance());
        }
        return SchemaUtils.createIfNotExists(system);
    }
}
