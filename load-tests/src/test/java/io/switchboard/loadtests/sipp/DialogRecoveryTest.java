package io.switchboard.loadtests.sipp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.engine.Main;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dialogs outlive the engine's process on the H2 journal (issue 5, "Recovery"; DESIGN "Dialogs"):
 * an engine in its own JVM holds 50 calls and one with a 5 s lifetime, is killed with SIGKILL and
 * started again on the same data directory and SIP port after that lifetime ran out. At start-up
 * the dialog whose lifetime passed ends — with {@code send-bye}, BYE to both SIPp sides — and the
 * BYEs of the 50 held calls, sent after the restart, end their dialogs.
 */
class DialogRecoveryTest extends SippCalls {

    private static final int HELD_CALLS = 50;
    /** Long enough for the kill, the wait and a slow restart before the BYEs. */
    private static final int HOLD_MILLIS = 45_000;
    private static final Pattern MANAGEMENT = Pattern.compile("management on (http://\\S+)");

    @TempDir
    Path dir;

    private final List<Process> engines = new ArrayList<>();

    @AfterEach
    void stopEngines() {
        engines.forEach(Process::destroyForcibly);
    }

    /** A running engine process and its management endpoint. */
    private record Running(Process process, ManagementRpc rpc, StringBuffer output) {
    }

    /** Starts {@code switchboard run} with the engine's own logging (the tests' logs only warnings), as MainTest does. */
    private Running launch(Path config) throws Exception {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dlogback.configurationFile=logback.xml", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "run", "--config", config.toString())
                .redirectErrorStream(true).start();
        engines.add(process);
        StringBuffer output = new StringBuffer();
        CompletableFuture<String> url = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    output.append(line).append('\n');
                    Matcher ready = MANAGEMENT.matcher(line);
                    if (ready.find()) {
                        url.complete(ready.group(1));
                    }
                }
            } catch (IOException e) {
                output.append("(output closed: ").append(e.getMessage()).append(")\n");
            }
            url.complete(null);
        }, "engine-output");
        reader.setDaemon(true);
        reader.start();
        String management = url.get(60, TimeUnit.SECONDS);
        assertTrue(management != null, () -> "the engine did not get ready:\n" + output);
        return new Running(process, new ManagementRpc(management), output);
    }

    private static boolean confirmed(JsonNode list, int count) {
        int confirmed = 0;
        for (JsonNode dialog : list) {
            confirmed += dialog.get("state").asInt() == 4 ? 1 : 0;
        }
        return list.size() == count && confirmed == count;
    }

    @Test
    void dialogsSurviveSigkillAndALifetimeThatRanOutEndsAtStartUp() throws Exception {
        int sip = Sipp.freePort();
        Path config = Files.writeString(dir.resolve("switchboard.conf"), """
                switchboard {
                  listen = ["udp:127.0.0.1:%d"]
                  rpc.listen = "127.0.0.1:0"
                  shutdown-timeout = 1s
                  route = %s
                  persistence { journal = h2, data-dir = "%s" }
                  dialog.send-bye = 1
                }
                """.formatted(sip, DialogProbeRoute.class.getName(), dir.resolve("data").toString().replace('\\', '/')));
        Running first = launch(config);

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
        new ProcessBuilder("kill", "-KILL", Long.toString(first.process().pid())).start().waitFor();
        assertTrue(first.process().waitFor(10, TimeUnit.SECONDS), "the engine did not die");
        Thread.sleep(DialogProbeRoute.SHORT_LIFETIME_SECONDS * 1000L + 1000);

        Running second = launch(config);
        assertEquals(0, callerOfShort.await(90), () -> callerOfShort.output() + "\nengine:\n" + second.output());
        assertEquals(0, calleeOfShort.await(60), () -> calleeOfShort.output() + "\nengine:\n" + second.output());
        JsonNode recovered = second.rpc().await(30, l -> confirmed(l, HELD_CALLS), "dlg.list");
        assertTrue(confirmed(recovered, HELD_CALLS), () -> recovered.size() + " dialogs\n" + second.output());
        String ended = shortCall;
        recovered.forEach(dialog -> assertTrue(!dialog.get("call-id").asText().equals(ended)));
        assertEquals(1, second.rpc().statistic("dialog:expired_dialogs"), () -> second.output().toString());
        assertEquals(HELD_CALLS, second.rpc().result("dlg.stats_active").get("ongoing").asInt());

        assertEquals(0, uac.await(150), uac::output);
        assertEquals(0, uas.await(60), uas::output);
        JsonNode after = second.rpc().await(30, l -> l.size() == 0, "dlg.list");
        assertEquals(0, after.size(), after::toString);
        assertEquals(0, second.rpc().statistic("dialog:active_dialogs"));
    }
}
