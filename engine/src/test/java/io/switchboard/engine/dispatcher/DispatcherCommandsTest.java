package io.switchboard.engine.dispatcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.engine.Engine;
import io.switchboard.engine.config.ConfigLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code dispatcher.*} commands of seed manual 002, section 6, over HTTP through {@code ctl}. */
class DispatcherCommandsTest {

    private static final String A = "sip:127.0.0.1:7070";
    private static final String B = "sip:127.0.0.1:7072";

    @TempDir
    Path dir;
    private Engine engine;

    @AfterEach
    void stop() {
        if (engine != null) {
            engine.stop().toCompletableFuture().join();
        }
    }

    private Path list(String text) throws Exception {
        Path file = dir.resolve("dispatcher.list");
        Files.writeString(file, text);
        return file;
    }

    private void start(String dispatcher) {
        engine = Engine.start(ConfigLoader.parse("switchboard { listen = [\"udp:127.0.0.1:0\"], "
                + "rpc.listen = \"127.0.0.1:0\", shutdown-timeout = 1s, dispatcher { " + dispatcher + " } }"));
    }

    private JsonNode ctl(String... command) {
        return Ctl.call(engine, command);
    }

    private static JsonNode dest(JsonNode list, int set, int index) {
        return list.get("RECORDS").get(set).get("SET").get("TARGETS").get(index).get("DEST");
    }

    @Test
    void listShowsTheSetsAsKamailioDoes() throws Exception {
        start("list-file = \"" + list("1 " + A + " 0 5\n1 " + B + " 8 0 duid=gw2;maxload=20;weight=50\n2 " + A + "\n")
                + "\"");
        JsonNode list = ctl("dispatcher.list");
        assertEquals(2, list.get("NRSETS").asInt());
        assertEquals(1, list.get("RECORDS").get(0).get("SET").get("ID").asInt());
        JsonNode a = dest(list, 0, 0);
        assertEquals(A, a.get("URI").asText());
        assertEquals("AX", a.get("FLAGS").asText());
        assertEquals(5, a.get("PRIORITY").asInt());
        assertFalse(a.has("ATTRS"), "no attributes, no ATTRS");
        assertFalse(a.has("RUNTIME"), "call load is not counted");
        JsonNode b = dest(list, 0, 1);
        assertEquals("AP", b.get("FLAGS").asText());
        assertEquals("duid=gw2;maxload=20;weight=50", b.get("ATTRS").get("BODY").asText());
        assertEquals("gw2", b.get("ATTRS").get("DUID").asText());
        assertEquals(20, b.get("ATTRS").get("MAXLOAD").asInt());
        assertEquals(50, b.get("ATTRS").get("WEIGHT").asInt());
        assertEquals(0, b.get("ATTRS").get("PROBING_COUNT").asInt());
    }

    @Test
    void setStateChangesWhatListShows() throws Exception {
        start("list-file = \"" + list("1 " + A + "\n1 " + B + "\n") + "\"");
        assertEquals("Ok. Dispatcher state updated.", ctl("dispatcher.set_state", "ip", "1", A).asText());
        assertEquals("IP", dest(ctl("dispatcher.list"), 0, 1).get("FLAGS").asText());
        assertEquals("Ok. Dispatcher state updated.", ctl("dispatcher.set_state", "d", "1", "all").asText());
        assertEquals("DX", dest(ctl("dispatcher.list"), 0, 0).get("FLAGS").asText());
        JsonNode unknown = ctl("dispatcher.set_state", "a", "1", "sip:127.0.0.1:9999");
        assertEquals(500, unknown.get("code").asInt());
        assertEquals("State Update Failed", unknown.get("message").asText());
        assertEquals("Unknown State Value", ctl("dispatcher.set_state", "x", "1", A).get("message").asText());
    }

    @Test
    void reloadKeepsTheStateOfDestinationsThatStayAndRefusesABadList() throws Exception {
        Path file = list("1 " + A + "\n1 " + B + "\n");
        start("list-file = \"" + file + "\"");
        ctl("dispatcher.set_state", "ip", "1", A);
        Files.writeString(file, "1 " + A + "\n1 " + B + "\n1 sip:127.0.0.1:7074\n");
        assertEquals("Ok. Dispatcher successfully reloaded.", ctl("dispatcher.reload").asText());
        JsonNode list = ctl("dispatcher.list");
        assertEquals(3, list.get("RECORDS").get(0).get("SET").get("TARGETS").size());
        assertEquals(A, dest(list, 0, 2).get("URI").asText());
        assertEquals("IP", dest(list, 0, 2).get("FLAGS").asText(), "A kept its state");
        Files.writeString(file, "1 " + A + "\nnot a line\n");
        JsonNode failed = ctl("dispatcher.reload");
        assertEquals(500, failed.get("code").asInt());
        assertEquals("Reload Failed: " + file + " line 2: set id 'not' is not a number",
                failed.get("message").asText());
        assertEquals(3, ctl("dispatcher.list").get("RECORDS").get(0).get("SET").get("TARGETS").size());
    }

    @Test
    void pingActiveTellsAndSetsTheKeepaliveSwitch() throws Exception {
        start("list-file = \"" + list("1 " + A + "\n") + "\"");
        assertEquals(1, ctl("dispatcher.ping_active").get("OldPingState").asInt());
        JsonNode off = ctl("dispatcher.ping_active", "0");
        assertEquals(0, off.get("NewPingState").asInt());
        assertEquals(1, off.get("OldPingState").asInt());
        assertEquals(0, ctl("dispatcher.ping_active").get("OldPingState").asInt());
    }

    @Test
    void callLoadShowsInRuntime() throws Exception {
        start("list-file = \"" + list("1 " + A + " 0 0 duid=a\n") + "\", ds-hash-size = 4");
        assertEquals(0, dest(ctl("dispatcher.list"), 0, 0).get("RUNTIME").get("DLGLOAD").asInt());
    }

    @Test
    void withoutSetsListFailsAsKamailiosDoes() {
        start("");
        JsonNode error = ctl("dispatcher.list");
        assertEquals("No Destination Sets", error.get("message").asText());
        assertTrue(ctl("dispatcher.reload").get("message").asText().startsWith("Dispatcher is off"));
    }

    @Test
    void statisticsCountTheDestinations() throws Exception {
        start("list-file = \"" + list("1 " + A + "\n1 " + B + "\n") + "\"");
        ctl("dispatcher.set_state", "i", "1", B);
        JsonNode stats = ctl("stats.get_statistics", "dispatcher:");
        String text = stats.toString();
        assertTrue(text.contains("dispatcher:destinations = 2"), text);
        assertTrue(text.contains("dispatcher:active_destinations = 1"), text);
        assertTrue(text.contains("dispatcher:inactive_destinations = 1"), text);
    }
}
