package io.switchboard.persistence;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** Events written to the H2 file journal survive the actor system that wrote them. */
class H2JournalTest extends JournalRoundTrip {

    @TempDir
    Path dir;

    @Override
    Config switchboard() {
        return ConfigFactory.parseString("switchboard.persistence.data-dir = \""
                + dir.toString().replace("\\", "/") + "\"").withFallback(ConfigFactory.defaultReference())
                .getConfig("switchboard");
    }

    @Override
    void assertWritten() {
        assertTrue(Files.exists(dir.resolve("journal.mv.db")));
    }
}
