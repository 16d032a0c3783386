package io.switchboard.persistence;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.regex.Pattern;
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
 *   <li>{@code postgres}: the same plugin on the PostgreSQL database of
 *       {@code switchboard.persistence.postgres} ({@link Postgres}), the journal every node of a
 *       cluster shares (DESIGN "Cluster"); the tables are those of the plugin's
 *       {@code schema/postgres/postgres-create-schema.sql} without its fixed {@code public} schema
 *       ({@code postgres-journal.sql}), created in the configured schema.</li>
 *   <li>{@code memory}: {@link MemoryJournal}, events serialized in the heap, and no snapshot store.</li>
 * </ul>
 * A wrong value stops start-up with an {@link IllegalArgumentException} naming the key.
 */
public record JournalSettings(Kind journal, Path dataDir, Postgres postgres) {

    /** Path of the settings block within the root configuration. */
    public static final String PATH = "switchboard.persistence";

    /** The plugin of the memory journal, {@link MemoryJournal}, as persistence's reference.conf names it. */
    public static final String MEMORY_PLUGIN = "pekko.persistence.journal.switchboard-memory";

    /** The name of the shared database of the jdbc plugins. */
    private static final String DATABASE = "switchboard";
    private static final int H2_CONNECTIONS = 8;

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
        H2, POSTGRES, MEMORY;

        static Kind parse(String value) {
            try {
                return valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "setting " + PATH + ".journal must be h2, postgres or memory, not \"" + value + "\"");
            }
        }
    }

    /**
     * The PostgreSQL database of {@code switchboard.persistence.postgres}.
     *
     * @param url      a JDBC URL, {@code jdbc:postgresql://host:5432/database}
     * @param user     the database user
     * @param password its password, empty for trust or peer authentication
     * @param schema   the schema of the tables, created with them if missing
     * @param poolSize connections in the pool the journal, snapshot store and queries share
     */
    public record Postgres(String url, String user, String password, String schema, int poolSize) {

        private static final Pattern SCHEMA = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
        /** The DDL of the journal's tables, next to this class. */
        private static final String TABLES = "postgres-journal.sql";

        static Postgres fromConfig(Config persistence) {
            String url = string(persistence, "postgres.url");
            if (!url.startsWith("jdbc:postgresql:")) {
                throw new IllegalArgumentException("setting " + PATH + ".postgres.url must be a JDBC URL"
                        + " jdbc:postgresql://host:port/database, not \"" + url + "\"");
            }
            int poolSize;
            try {
                poolSize = persistence.getInt("postgres.pool-size");
            } catch (ConfigException e) {
                throw new IllegalArgumentException("setting " + PATH + ".postgres.pool-size: " + e.getMessage(), e);
            }
            if (poolSize < 1) {
                throw new IllegalArgumentException("setting " + PATH + ".postgres.pool-size must be 1 or more, not "
                        + poolSize);
            }
            String schema = string(persistence, "postgres.schema");
            if (!SCHEMA.matcher(schema).matches()) {
                throw new IllegalArgumentException("setting " + PATH + ".postgres.schema must be a lower-case SQL"
                        + " name (letters, digits, _), not \"" + schema + "\"");
            }
            return new Postgres(url, string(persistence, "postgres.user"), string(persistence, "postgres.password"),
                    schema, poolSize);
        }

        /** The URL with the schema as the connections' {@code currentSchema}. */
        String urlInSchema() {
            return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        }

        /**
         * Creates the schema and the tables of {@code postgres-journal.sql} unless they exist, in
         * one transaction under the {@link SchemaLock}, so nodes starting together do not race.
         */
        void createTables() {
            try (Connection connection = DriverManager.getConnection(url, user, password);
                    Statement statement = connection.createStatement()) {
                connection.setAutoCommit(false);
                SchemaLock.take(statement);
                statement.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
                statement.execute("SET LOCAL search_path TO " + schema);
                for (String ddl : tables().split(";")) {
                    if (!ddl.isBlank()) {
                        statement.execute(ddl);
                    }
                }
                connection.commit();
            } catch (SQLException | IOException e) {
                throw new IllegalStateException("cannot create the journal's tables in schema " + schema + " of "
                        + url + ": " + e.getMessage(), e);
            }
        }

        private static String tables() throws IOException {
            try (InputStream in = JournalSettings.class.getResourceAsStream(TABLES)) {
                if (in == null) {
                    throw new IOException(TABLES + " is missing from the class path");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?m)^--.*$", "");
            }
        }
    }

    /**
     * Reads {@code persistence.journal}, {@code persistence.data-dir} and
     * {@code persistence.postgres} from the {@code switchboard} block.
     */
    public static JournalSettings fromConfig(Config switchboard) {
        Config config = switchboard.getConfig("persistence");
        Kind journal = Kind.parse(string(config, "journal"));
        String dir = string(config, "data-dir");
        if (dir.isBlank()) {
            throw new IllegalArgumentException("setting " + PATH + ".data-dir must name a directory");
        }
        Path dataDir;
        try {
            dataDir = Path.of(dir).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("setting " + PATH + ".data-dir is not a path: " + e.getMessage(), e);
        }
        return new JournalSettings(journal, dataDir, Postgres.fromConfig(config));
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
        return journal != Kind.MEMORY;
    }

    /** Where the events are kept, for messages: the H2 file, the PostgreSQL database and schema, or memory. */
    public String location() {
        return switch (journal) {
            case H2 -> h2File().toString();
            case POSTGRES -> postgres.url() + " schema " + postgres.schema();
            case MEMORY -> "memory";
        };
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
        Config plugins = switch (journal) {
            case H2 -> jdbcOverlay("slick.jdbc.H2Profile$", "org.h2.Driver", h2Url(), "sa", "", H2_CONNECTIONS);
            case POSTGRES -> jdbcOverlay("slick.jdbc.PostgresProfile$", "org.postgresql.Driver", postgres.urlInSchema(),
                    postgres.user(), postgres.password(), postgres.poolSize());
            case MEMORY -> memoryOverlay();
        };
        return plugins.withFallback(ConfigFactory.parseMap(Map.of(
                PATH + ".journal", journal.name().toLowerCase(Locale.ROOT),
                PATH + ".data-dir", dataDir.toString(),
                PATH + ".postgres.url", postgres.url(),
                PATH + ".postgres.user", postgres.user(),
                PATH + ".postgres.password", postgres.password(),
                PATH + ".postgres.schema", postgres.schema(),
                PATH + ".postgres.pool-size", postgres.poolSize())));
    }

    /**
     * A connection of its own to the journal's database — the H2 file with the journal's URL, or
     * the PostgreSQL database in the configured schema — for tables beside the journal's (the call
     * history). Not for the memory journal.
     */
    public Connection connect() throws SQLException {
        return switch (journal) {
            case H2 -> DriverManager.getConnection(h2Url(), "sa", "");
            case POSTGRES -> DriverManager.getConnection(postgres.urlInSchema(), postgres.user(), postgres.password());
            case MEMORY -> throw new SQLException("the memory journal has no database");
        };
    }

    private static Config memoryOverlay() {
        return ConfigFactory.parseMap(Map.of(
                "pekko.persistence.journal.plugin", MEMORY_PLUGIN,
                "pekko.persistence.snapshot-store.plugin", "pekko.persistence.no-snapshot-store"));
    }

    private String h2Url() {
        return "jdbc:h2:file:" + h2File().toString().replace('\\', '/')
                + ";AUTO_SERVER=FALSE;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=" + WRITE_DELAY_MILLIS
                + ";MAX_LENGTH_INPLACE_LOB=" + INPLACE_PAYLOAD_BYTES;
    }

    /** pekko-persistence-jdbc's journal, snapshot store and read journal on one shared connection pool. */
    private static Config jdbcOverlay(String profile, String driver, String url, String user, String password,
            int connections) {
        Config database = ConfigFactory.parseMap(Map.of(
                "profile", profile,
                "db.url", url,
                "db.driver", driver,
                "db.user", user,
                "db.password", password,
                "db.connectionPool", "HikariCP",
                "db.numThreads", connections,
                "db.maxConnections", connections,
                "db.minConnections", Math.min(2, connections)));
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
     * ships for H2, {@code postgres-journal.sql} for PostgreSQL); completes at once for the memory journal. Call it after the actor system
     * started with {@link #overlay()} and before the first event is written.
     */
    public CompletionStage<Done> createSchema(ClassicActorSystemProvider system) {
        return switch (journal) {
            case MEMORY -> CompletableFuture.completedFuture(Done.getInstance());
            case H2 -> SchemaUtils.createIfNotExists(system);
            case POSTGRES -> CompletableFuture.runAsync(postgres::createTables).thenApply(created -> Done.getInstance());
        };
    }
}
