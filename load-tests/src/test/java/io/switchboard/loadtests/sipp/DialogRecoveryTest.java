package io.switchboard.loadtests.sipp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dialogs outlive the engine's process on the H2 journal and on PostgreSQL (issue 5, "Recovery";
 * DESIGN "Dialogs"):
 * an engine in its own JVM holds 50 calls and one with a 5 s lifetime, is killed with SIGKILL and
 * started again on the same data directory and SIP port after that lifetime ran out. At start-up
 * the dialog whose lifetime passed ends — with {@code send-bye}, BYE to both SIPp sides — and the
 * BYEs of the 50 held calls, sent after the restart, end their dialogs.
 */
class DialogRecoveryTest extends SippCalls {

    private static final int HELD_CALLS = 50;
    /** Long enough for the kill, the wait and a slow restart before the BYEs. */
    private static final int HOLD_MILLIS = 45_000;

    @TempDir
    Path dir;

    private final List<EngineProcess> engines = new ArrayList<>();

    @AfterEach
    void stopEngines() {
        engines.forEach(EngineProcess::destroy);
    }

    private EngineProcess launch(Path config) throws Exception {
        EngineProcess engine = EngineProcess.onClassPath(config);
        engines.add(engine);
        return engine;
    }

    private static boolean confirmed(JsonNode list, int count) {
        int confirmed = 0;
        for (JsonNode dialog : list) {
            confirmed += dialog.get("state").asInt() == 4 ? 1 : 0;
        }
        return list.size() == count && confirmed == count;
    }

    @Test
    void dialogsSurviveSigkillOnTheH2Journal() throws Exception {
        survivesSigkill("journal = h2, data-dir = \"" + dir.resolve("data").toString().replace('\\', '/') + "\"");
    }

    /** The same on the PostgreSQL of the test machine, in a schema of its own (Maven profile postgres). */
    @Test
    @Tag("postgres")
    void dialogsSurviveSigkillOnThePostgresJournal() throws Exception {
        try (PostgresSchema schema = PostgresSchema.create()) {
            survivesSigkill("journal = postgres, " + schema.settings());
        }
    }

    private void survivesSigkill(String persistence) throws Exception {
        int sip = Sipp.freePort();
        Path config = Files.writeString(dir.resolve("switchboard.conf"), """
                switchboard {
                  listen = ["udp:127.0.0.1:%d"]
                  rpc.listen = "127.0.0.1:0"
                  shutdown-timeout = 1s
                  route = %s
                  persistence { %s }
                  dialog.send-bye = 1
                }
                """.formatted(sip, DialogProbeRoute.class.getName(), persistence));
        EngineProcess first = launch(config);

        int heldUas = Sipp.freePort();
        int shortUas = Sipp.freePort();
        Sipp uas = peer(Sipp.uas("uas.xml", heldUas, HELD_CALLS), 180);
        Sipp calleeOfShort = peer(Sipp.uas("uas.xml", shortUas, 1), 180);
        Sipp uac = peer(Sipp.uac("uac.xml", Sipp.freePort(), sip, "127.0.0.1:" + heldUas, HELD_CALLS, 50,
                HOLD_MILLIS), 180);
        Sipp callerOfShort = peer(Sipp.uac("uac-wait-bye.xml", Sipp.freePort(), sip, "127.0.0.1:" + shortUas, 1, 1,
                "short", 0), 180);

        JsonNode held = first.rpc().await(40, l -> confirmed(l, HELD_CALLS + 1), "dlg.list");
        assertTrue(confirmed(held, HELD_CALLS + 1), () -> held.size() + " dialogs\n" + first.output() + uac.output()
                + uas.output() + callerOfShort.output());
        String shortCall = null;
        for (JsonNode dialog : held) {
            if (dialog.get("lifetime").asInt() == DialogProbeRoute.SHORT_LIFETIME_SECONDS) {
                shortCall = dialog.get("call-id").asText();
            }
        }
        assertTrue(shortCall != null, () -> "no dialog with the short lifetime: " + held);
        first.kill();
        Thread.sleep(DialogProbeRoute.SHORT_LIFETIME_SECONDS * 1000L + 1000);

        EngineProcess second = launch(config);
        assertEquals(0, callerOfShort.await(90), () -> callerOfShort.output() + "\nengine:\n" + second.output());
        assertEquals(0, calleeOfShort.await(60), () -> calleeOfShort.output() + "\nengine:\n" + second.output());
        JsonNode recovered = second.rpc().await(30, l -> confirmed(l, HELD_CALLS), "dlg.list");
        assertTrue(confirmed(recovered, HELD_CALLS), () -> recovered.size() + " dialogs\n" + second.output());
        String ended = shortCall;
        recovered.forEach(dialog -> assertTrue(!dialog.get("call-id").asText().equals(ended)));
        assertEquals(1, second.rpc().statistic("dialog:expired_dialogs"), second::output);
        assertEquals(HELD_CALLS, second.rpc().result("dlg.stats_active").get("ongoing").asInt());

        assertEquals(0, uac.await(150), uac::output);
        assertEquals(0, uas.await(60), uas::output);
        JsonNode after = second.rpc().await(30, l -> l.size() == 0, "dlg.list");
        assertEquals(0, after.size(), after::toString);
        assertEquals(0, second.rpc().statistic("dialog:active_dialogs"));
    }
}
