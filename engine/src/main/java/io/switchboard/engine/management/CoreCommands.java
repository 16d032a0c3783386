package io.switchboard.engine.management;

import io.switchboard.engine.stats.JvmHeap;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Kamailio's core commands ({@code kamcmd core.version}, {@code core.uptime},
 * {@code core.shmmem}) with the same answer shapes, for the engine (issue 4).
 */
final class CoreCommands {

    /** The layout of C's {@code ctime()}, which Kamailio's core.uptime prints. */
    private static final DateTimeFormatter CTIME = DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ROOT);
    private static final String VERSION_RESOURCE = "/switchboard-version.properties";

    private CoreCommands() {
    }

    /** Adds the commands; {@code upSince} is when the engine started. */
    static void register(RpcCommands commands, Instant upSince) {
        String version = "switchboard " + projectVersion() + " (" + System.getProperty("os.arch") + "/"
                + System.getProperty("os.name").toLowerCase(Locale.ROOT) + ") java " + Runtime.version();
        commands.add(new RpcCommand("core.version", "Returns the version string of the server.", args -> version));
        commands.add(new RpcCommand("core.uptime", "Returns the time now, when the server started, and its "
                + "uptime in seconds.", args -> uptime(upSince, Instant.now())));
        commands.add(new RpcCommand("core.shmmem", "Returns the JVM heap as Kamailio's shared memory figures, "
                + "in bytes.", args -> shmmem(JvmHeap.now())));
    }

    private static Map<String, Object> uptime(Instant upSince, Instant now) {
        Map<String, Object> uptime = new LinkedHashMap<>();
        uptime.put("now", CTIME.format(now.atZone(ZoneId.systemDefault())));
        uptime.put("up_since", CTIME.format(upSince.atZone(ZoneId.systemDefault())));
        uptime.put("uptime", now.getEpochSecond() - upSince.getEpochSecond());
        return uptime;
    }

    /** Kamailio's {@code core.shmmem} members, from the JVM heap (see {@link JvmHeap}). */
    private static Map<String, Object> shmmem(JvmHeap heap) {
        Map<String, Object> shmmem = new LinkedHashMap<>();
        shmmem.put("total", heap.total());
        shmmem.put("free", heap.free());
        shmmem.put("used", heap.used());
        shmmem.put("real_used", heap.realUsed());
        shmmem.put("max_used", heap.maxUsed());
        shmmem.put("fragments", heap.fragments());
        return shmmem;
    }

    /** The Maven project version, written into a filtered resource at build time. */
    private static String projectVersion() {
        try (InputStream in = CoreCommands.class.getResourceAsStream(VERSION_RESOURCE)) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
