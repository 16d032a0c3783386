package io.switchboard.actors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ClusterNodeTest {

    private static ClusterNode read(String hocon) {
        return ClusterNode.fromConfig(ConfigFactory.parseString(hocon).withFallback(ConfigFactory.defaultReference())
                .getConfig("switchboard"));
    }

    @Test
    void aLoneNodeOnLoopbackWithAnyPortByDefault() {
        ClusterNode node = read("");
        assertEquals(new ClusterNode("127.0.0.1", 0, List.of()), node);
        Config overlay = node.overlay();
        assertEquals("cluster", overlay.getString("pekko.actor.provider"));
        assertEquals("127.0.0.1", overlay.getString("pekko.remote.artery.canonical.hostname"));
        assertEquals(0, overlay.getInt("pekko.remote.artery.canonical.port"));
        assertFalse(overlay.hasPath("pekko.cluster.seed-nodes"), "no seed nodes here leaves pekko.cluster.seed-nodes as set elsewhere");
    }

    @Test
    void theOverlayWinsOverPekkosOwnDefaults() {
        Config config = read("switchboard.cluster { port = 7355, seed-nodes = [\"pekko://switchboard@10.0.0.1:7355\"] }")
                .overlay().withFallback(ConfigFactory.load());
        assertEquals("cluster", config.getString("pekko.actor.provider"));
        assertEquals(7355, config.getInt("pekko.remote.artery.canonical.port"));
        assertEquals(List.of("pekko://switchboard@10.0.0.1:7355"), config.getStringList("pekko.cluster.seed-nodes"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"port = 70000", "port = -1", "hostname = \" \"", "seed-nodes = [\"10.0.0.1:7355\"]",
        "seed-nodes = 5", "port = many"})
    void aWrongValueNamesTheBlock(String setting) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> read("switchboard.cluster { " + setting + " }"));
        assertTrue(e.getMessage().contains("switchboard.cluster"), e.getMessage());
    }
}
