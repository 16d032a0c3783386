package io.switchboard.loadtests.sipp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.engine.management.RpcClient;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whole calls dispatched by the built-in proxy route over a set of SIPp gateways (seed manual 002,
 * 7.2: {@code ds_select_dst("1", "4")} with {@code ds_next_dst()} in the failure route): round
 * robin, probing that takes a stopped gateway out and brings it back, failover within a call, and
 * the {@code dispatcher.*} commands over HTTP.
 */
class DispatcherCallsTest extends SippCalls {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** An engine dispatching over set 1 of {@code uris} by round robin, with failover; returns its SIP port. */
    private int startEngine(String dispatcher, String... uris) throws Exception {
        Path list = dir.resolve("dispatcher.list");
        Files.writeString(list, String.join("\n", List.of(uris).stream().map(u -> "1 " + u).toList()) + "\n");
        return startEngine("""
                tm.t1 = 100ms
                proxy { dispatch-set = 1, dispatch-alg = 4 }
                dispatcher { list-file = "%s", flags = 2, %s }
                """.formatted(list, dispatcher));
    }

    private static String uri(int port) {
        return "sip:127.0.0.1:" + port;
    }

    /** {@code switchboard ctl COMMAND...} against the engine: the result, or the error. */
    private JsonNode ctl(String... command) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<String> args = new ArrayList<>(List.of("--url", engine.management().url() + "/RPC"));
        args.addAll(List.of(command));
        int status = RpcClient.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(out, true, StandardCharsets.UTF_8));
        assertEquals(RpcClient.OK, status, out::toString);
        return JSON.readTree(out.toByteArray());
    }

    /** The state letters {@code dispatcher.list} shows for {@code uri} in set 1. */
    private String flags(String uri) throws Exception {
        for (JsonNode target : ctl("dispatcher.list").get("RECORDS").get(0).get("SET").get("TARGETS")) {
            if (target.get("DEST").get("URI").asText().equals(uri)) {
                return target.get("DEST").get("FLAGS").asText();
            }
        }
        throw new AssertionError(uri + " is not in set 1");
    }

    private void awaitFlags(String uri, String flags, int seconds) throws Exception {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (!flags(uri).equals(flags) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertEquals(flags, flags(uri), "dispatcher.list state of " + uri);
    }

    @Test
    void roundRobinSharesTheCallsEquallyBetweenTwoUas() throws Exception {
        int a = Sipp.freePort();
        int b = Sipp.freePort();
        int proxy = startEngine("ds-ping-interval = 0", uri(a), uri(b));
        Sipp uasA = peer(Sipp.uas("uas.xml", a, 50), 90);
        Sipp uasB = peer(Sipp.uas("uas.xml", b, 50), 90);
        Sipp uac = peer(Sipp.uac("uac.xml", Sipp.freePort(), proxy, "gw.example.com", 100, 20), 90);
        assertEquals(0, uac.await(120), uac::output);
        assertEquals(0, uasA.await(60), "exactly 50 calls each: " + uasA.output());
        assertEquals(0, uasB.await(60), "exactly 50 calls each: " + uasB.output());
        assertEquals("AX", flags(uri(a)));
    }

    @Test
    void aStoppedUasIsProbedInactiveTakesNoCallsAndComesBackActive() throws Exception {
        int a = Sipp.freePort();
        int b = Sipp.freePort();
        int proxy = startEngine("ds-ping-interval = 1, ds-probing-mode = 1", uri(a), uri(b));
        Sipp uasA = peer(Sipp.uas("uas-probed.xml", a, 1_000_000).tracingMessages(), 300);
        Sipp uasB = peer(Sipp.uas("uas-probed.xml", b, 1_000_000).tracingMessages(), 300);
        awaitFlags(uri(a), "AP", 10);
        awaitFlags(uri(b), "AP", 10);

        uasA.stop();
        try (SilentPort stoppedA = new SilentPort(a)) {
            awaitFlags(uri(a), "IP", 30);
            Sipp calls = peer(Sipp.uac("uac.xml", Sipp.freePort(), proxy, "gw.example.com", 20, 10), 60);
            assertEquals(0, calls.await(90), "no call failed: " + calls.output());
            assertEquals(0, stoppedA.received("INVITE"), "the inactive A was never selected, not even to fail over");
            assertTrue(stoppedA.received("OPTIONS") > 0, "A's port hears the engine: the probes reach it");
        }
        long toB = uasB.received("INVITE");
        assertTrue(toB >= 20, "every call went to the UAS still up: " + toB);

        Sipp againA = peer(Sipp.uas("uas-probed.xml", a, 1_000_000).tracingMessages(), 300);
        awaitFlags(uri(a), "AP", 20);

        assertEquals("Ok. Dispatcher state updated.", ctl("dispatcher.set_state", "d", "1", uri(b)).asText());
        assertEquals("DX", flags(uri(b)));
        Sipp more = peer(Sipp.uac("uac.xml", Sipp.freePort(), proxy, "gw.example.com", 10, 10), 60);
        assertEquals(0, more.await(90), more::output);
        assertTrue(againA.received("INVITE") >= 10, "with B disabled every call went to A");
        assertEquals(toB, uasB.received("INVITE"), "none went to B");
        assertTrue(ctl("stats.get_statistics", "dispatcher:probes_sent").toString().matches(".*probes_sent = [1-9].*"));
    }

    @Test
    void a500MakesTheCallFailOverToTheNextUas() throws Exception {
        int failing = Sipp.freePort();
        int working = Sipp.freePort();
        int proxy = startEngine("ds-ping-interval = 0", uri(failing), uri(working));
        Sipp gateway500 = peer(Sipp.uas("uas-500.xml", failing, 1), 60);
        Sipp gateway = peer(Sipp.uas("uas.xml", working, 2), 60);
        Sipp uac = peer(Sipp.uac("uac.xml", Sipp.freePort(), proxy, "gw.example.com", 2, 1), 60);
        assertEquals(0, uac.await(60), "both calls answered: " + uac.output());
        assertEquals(0, gateway500.await(30), "one of the two calls tried the failing UAS first: "
                + gateway500.output());
        assertEquals(0, gateway.await(30), gateway::output);
    }
}
