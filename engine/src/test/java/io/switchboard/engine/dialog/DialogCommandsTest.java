package io.switchboard.engine.dialog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.actors.dialog.DialogProperties;
import io.switchboard.actors.dialog.DialogSnapshot;
import io.switchboard.actors.dialog.DialogState;
import io.switchboard.actors.dialog.Dialogs;
import io.switchboard.actors.dialog.InitialInvite;
import io.switchboard.engine.Engine;
import io.switchboard.engine.config.ConfigLoader;
import io.switchboard.engine.management.RpcCalls;
import io.switchboard.engine.management.RpcException;
import io.switchboard.engine.route.ProxyRoute;
import io.switchboard.engine.route.RequestContext;
import io.switchboard.engine.route.Route;
import io.switchboard.engine.route.RouteSettings;
import io.switchboard.transport.message.HeaderName;
import io.switchboard.transport.message.MessageBuilder;
import io.switchboard.transport.message.SipFramer;
import io.switchboard.transport.message.SipRequest;
import io.switchboard.transport.parse.SipParseException;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code dlg.*} commands (seed manual 001, section 9) over the engine's JSON-RPC endpoint:
 * their answers' members, Kamailio's errors, and what they do to the dialogs. The dialogs are made
 * through the dialog module as the proxy would; the parties' contacts are one UDP socket that
 * answers every request 200, as both UAs would answer a BYE.
 */
class DialogCommandsTest {

    /** The built-in route, recording the dialog event routes it is given. */
    public static final class EventRecordingRoute implements Route {
        static final Queue<String> EVENTS = new ConcurrentLinkedQueue<>();
        private final ProxyRoute proxy;

        public EventRecordingRoute(RouteSettings settings) {
            this.proxy = new ProxyRoute(settings);
        }

        @Override
        public void onRequest(RequestContext request) {
            proxy.onRequest(request);
        }

        @Override
        public void onDialogEvent(String event, DialogSnapshot dialog) {
            EVENTS.add(event + " " + dialog.callId());
        }
    }

    private static Engine engine;
    private static RpcCalls rpc;
    private static Dialogs dialogs;
    private static DatagramSocket ua;
    private static final Queue<SipRequest> RECEIVED = new ConcurrentLinkedQueue<>();

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        engine = Engine.start(ConfigLoader.parse("switchboard { listen = [\"udp:127.0.0.1:0\"], rpc.listen = \"127.0.0.1:0\","
                + " shutdown-timeout = 1s, route = \"" + EventRecordingRoute.class.getName() + "\""
                + " }"));
        rpc = new RpcCalls(engine.management(), null);
        dialogs = engine.dialogs().dialogs();
        ua = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        Thread answering = new Thread(DialogCommandsTest::answerEverything, "ua");
        answering.setDaemon(true);
        answering.start();
    }

    @AfterAll
    static void stop() {
        ua.close();
        engine.stop().toCompletableFuture().join();
    }

    private static void answerEverything() {
        while (!ua.isClosed()) {
            try {
                DatagramPacket packet = new DatagramPacket(new byte[65535], 65535);
                ua.receive(packet);
                SipRequest request = (SipRequest) SipFramer.DEFAULT.frame(Arrays.copyOf(packet.getData(),
                        packet.getLength()));
                RECEIVED.add(request);
                byte[] ok = MessageBuilder.responseTo(request, 200, "OK", null).build().encode();
                ua.send(new DatagramPacket(ok, ok.length, packet.getSocketAddress()));
            } catch (IOException | RuntimeException | SipParseException e) {
                return;
            }
        }
    }

    /** A call from {@code user}@example.com to bob, taken as far as {@code state}; its Call-ID. */
    private static String call(String user, DialogState state) {
        String callId = user + "-" + System.nanoTime() + "@commands.test";
        String socket = engine.listeners().get(0).toString();
        String contact = "sip:" + user + "@127.0.0.1:" + ua.getLocalPort();
        dialogs.track(new InitialInvite(callId, "sip:" + user + "@example.com", "from-" + user, "sip:bob@example.org",
                "sip:bob@gw.example.org", contact, 1, List.of(), 0, socket, socket), DialogProperties.NONE);
        dialogs.provisional(callId, 180);
        if (state.compareTo(DialogState.CONFIRMED_NA) >= 0) {
            dialogs.answered(callId, "to-" + user, "sip:bob@127.0.0.1:" + ua.getLocalPort(), List.of());
        }
        if (state == DialogState.CONFIRMED) {
            dialogs.inDialogRequest(callId, "ACK", 1, "from-" + user, "to-" + user, Dialogs.did(callId));
        }
        long until = System.nanoTime() + 10_000_000_000L;
        while (dialogs.directory().get(callId).map(DialogSnapshot::state).orElse(null) != state
                && System.nanoTime() < until) {
            Thread.onSpinWait();
        }
        assertEquals(state, dialogs.directory().get(callId).map(DialogSnapshot::state).orElse(null));
        return callId;
    }

    private static void awaitGone(String callId) throws InterruptedException {
        long until = System.nanoTime() + 10_000_000_000L;
        while (dialogs.directory().get(callId).isPresent() && System.nanoTime() < until) {
            Thread.sleep(10);
        }
        assertTrue(dialogs.directory().get(callId).isEmpty(), callId + " is still listed");
    }

    private static List<String> fields(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static JsonNode error(String method, Object... params) throws Exception {
        JsonNode error = rpc.call(method, params).get("error");
        assertTrue(error != null, method + " should fail");
        return error;
    }

    private static JsonNode find(JsonNode list, String callId) {
        for (Iterator<JsonNode> it = list.elements(); it.hasNext(); ) {
            JsonNode dialog = it.next();
            if (dialog.get("call-id").asText().equals(callId)) {
                return dialog;
            }
        }
        throw new AssertionError(callId + " not in " + list);
    }

    @Test
    void dlgListShowsKamailiosMembers() throws Exception {
        String callId = call("alice", DialogState.CONFIRMED);
        JsonNode dialog = find(rpc.result("dlg.list"), callId);
        assertEquals(List.of("h_entry", "h_id", "ref", "call-id", "from_uri", "to_uri", "state", "start_ts", "init_ts",
                "end_ts", "duration", "timeout", "lifetime", "dflags", "sflags", "iflags", "caller", "callee", "profiles",
                "variables"), fields(dialog));
        assertEquals(List.of("tag", "contact", "cseq", "route_set", "socket"), fields(dialog.get("caller")));
        assertEquals(4, dialog.get("state").asInt());
        assertEquals("sip:alice@example.com", dialog.get("from_uri").asText());
        assertEquals("from-alice", dialog.get("caller").get("tag").asText());
        assertEquals("to-alice", dialog.get("callee").get("tag").asText());
        assertEquals("1", dialog.get("caller").get("cseq").asText());
        assertEquals(43200, dialog.get("lifetime").asLong());
        assertTrue(dialog.get("timeout").asLong() > dialog.get("start_ts").asLong(), dialog::toString);
        assertEquals(engine.listeners().get(0).toString(), dialog.get("callee").get("socket").asText());
        assertEquals(dialogs.directory().get(callId).orElseThrow().hEntry(), dialog.get("h_entry").asInt());

        JsonNode one = rpc.result("dlg.dlg_list", callId);
        assertEquals(1, one.size());
        assertEquals(callId, one.get(0).get("call-id").asText());
        assertEquals(1, rpc.result("dlg.dlg_list", callId, "from-alice").size());
        assertEquals(0, rpc.result("dlg.dlg_list", callId, "from-someone-else").size());
        assertEquals(0, rpc.result("dlg.dlg_list", "nobody@commands.test").size());
    }

    @Test
    void listMatchFiltersByKeyAndOperatorUpToTheLimit() throws Exception {
        String first = call("matchme", DialogState.CONFIRMED);
        String second = call("matchme", DialogState.EARLY);
        assertEquals(2, rpc.result("dlg.list_match", "furi", "eq", "sip:matchme@example.com").size());
        assertEquals(1, rpc.result("dlg.list_match", "furi", "sw", "sip:matchme@", 1).size(), "limit");
        assertEquals(2, rpc.result("dlg.list_match", "furi", "sw", "sip:matchme@", 0).size(), "0: no limit");
        assertEquals(first, rpc.result("dlg.list_match", "callid", "eq", first).get(0).get("call-id").asText());
        assertEquals(2, rpc.result("dlg.list_match", "callid", "re", "^matchme-[0-9]+@commands\\.test$").size());
        assertTrue(rpc.result("dlg.list_match", "turi", "eq", "sip:bob@example.org").size() >= 2);
        assertTrue(rpc.result("dlg.list_match", "ruri", "sw", "sip:bob@gw.").size() >= 2);
        assertEquals(0, rpc.result("dlg.list_match", "furi", "eq", "sip:matchme").size());
        assertEquals(second, find(rpc.result("dlg.list_match", "furi", "eq", "sip:matchme@example.com"), second)
                .get("call-id").asText());

        JsonNode badKey = error("dlg.list_match", "xuri", "eq", "x");
        assertEquals(RpcException.INVALID_PARAMS, badKey.get("code").asInt());
        assertTrue(badKey.get("message").asText().contains("'mkey'"), badKey::toString);
        assertTrue(error("dlg.list_match", "furi", "ne", "x").get("message").asText().contains("'mop'"));
        assertTrue(error("dlg.list_match", "furi", "re", "(").get("message").asText().contains("'mval'"));
        assertTrue(error("dlg.list_match", "furi", "eq", "x", -1).get("message").asText().contains("'limit'"));
        JsonNode missing = error("dlg.list_match", "furi", "eq");
        assertEquals(RpcException.INVALID_PARAMS, missing.get("code").asInt());
        assertTrue(missing.get("message").asText().contains("'mval'"), missing::toString);
    }

    @Test
    void statsActiveAndTheStatisticsCountByState() throws Exception {
        JsonNode before = rpc.result("dlg.stats_active");
        long activeBefore = rpc.result("stats.fetch", "dialog:").get("dialog.active_dialogs").asLong();
        call("starting", DialogState.EARLY);
        call("answering", DialogState.CONFIRMED_NA);
        call("ongoing", DialogState.CONFIRMED);
        JsonNode after = rpc.result("dlg.stats_active");
        assertEquals(List.of("starting", "connecting", "answering", "ongoing", "all"), fields(after));
        assertEquals(before.get("connecting").asInt() + 1, after.get("connecting").asInt());
        assertEquals(before.get("answering").asInt() + 1, after.get("answering").asInt());
        assertEquals(before.get("ongoing").asInt() + 1, after.get("ongoing").asInt());
        assertEquals(before.get("all").asInt() + 3, after.get("all").asInt());
        assertEquals(after.get("all").asInt(), rpc.result("dlg.list").size());
        JsonNode statistics = rpc.result("stats.fetch", "dialog:");
        assertEquals(List.of("dialog.active_dialogs", "dialog.early_dialogs", "dialog.processed_dialogs",
                "dialog.expired_dialogs", "dialog.failed_dialogs", "dialog.history_written",
                "dialog.history_write_errors"), fields(statistics));
        assertEquals(activeBefore + 2, statistics.get("dialog.active_dialogs").asLong(), "states 3 and 4");
    }

    @Test
    void briefingShowsTheAttributesAsked() throws Exception {
        String callId = call("brief", DialogState.CONFIRMED);
        JsonNode standard = find(rpc.result("dlg.briefing"), callId);
        assertEquals(List.of("h_entry", "h_id", "from_uri", "to_uri", "call-id", "from_tag", "to_tag"), fields(standard));
        assertEquals("to-brief", standard.get("to_tag").asText());
        JsonNode all = find(rpc.result("dlg.briefing", "ftcFTISEs"), callId);
        assertEquals(List.of("h_entry", "h_id", "from_uri", "to_uri", "call-id", "from_tag", "to_tag", "init_ts",
                "start_ts", "end_ts", "state"), fields(all));
        assertEquals(4, all.get("state").asInt());
        assertEquals(0, all.get("end_ts").asLong());
        JsonNode bad = error("dlg.briefing", "fx");
        assertEquals(RpcException.INVALID_PARAMS, bad.get("code").asInt());
        assertTrue(bad.get("message").asText().contains("'attrs'"), bad::toString);
    }

    @Test
    void isAliveAnswersForAConfirmedDialogOnly() throws Exception {
        String confirmed = call("alive", DialogState.CONFIRMED);
        assertEquals("Alive", rpc.result("dlg.is_alive", confirmed, "from-alive", "to-alive").asText());
        assertEquals("Alive", rpc.result("dlg.is_alive", confirmed, "to-alive", "from-alive").asText());
        String unacknowledged = call("noack", DialogState.CONFIRMED_NA);
        JsonNode notConfirmed = error("dlg.is_alive", unacknowledged, "from-noack", "to-noack");
        assertEquals(500, notConfirmed.get("code").asInt());
        assertEquals("Dialog not in confirmed state", notConfirmed.get("message").asText());
        JsonNode unknown = error("dlg.is_alive", confirmed, "from-alive", "to-someone-else");
        assertEquals(404, unknown.get("code").asInt());
        assertEquals("Dialog not found", unknown.get("message").asText());
        assertEquals(RpcException.INVALID_PARAMS, error("dlg.is_alive", confirmed).get("code").asInt());
    }

    @Test
    void bridgeDlgRefusesParametersThatAreNoSipUrisAndSendsNothing() throws Exception {
        RECEIVED.clear();
        String alice = "sip:alice@127.0.0.1:" + ua.getLocalPort();
        JsonNode missingTo = error("dlg.bridge_dlg", alice);
        assertEquals(RpcException.INVALID_PARAMS, missingTo.get("code").asInt());
        assertTrue(missingTo.get("message").asText().contains("'to'"), missingTo::toString);
        JsonNode telFrom = error("dlg.bridge_dlg", "tel:+15551234", "sip:bob@example.org");
        assertEquals(RpcException.INVALID_PARAMS, telFrom.get("code").asInt());
        assertTrue(telFrom.get("message").asText().contains("'from' must be a SIP URI"), telFrom::toString);
        JsonNode badTo = error("dlg.bridge_dlg", alice, "bob", ".");
        assertTrue(badTo.get("message").asText().contains("'to' must be a SIP URI"), badTo::toString);
        JsonNode badOp = error("dlg.bridge_dlg", alice, "sip:bob@example.org", "proxy:5060");
        assertTrue(badOp.get("message").asText().contains("'op' must be a SIP URI"), badOp::toString);
        JsonNode empty = error("dlg.bridge_dlg", "", "sip:bob@example.org");
        assertEquals(RpcException.INVALID_PARAMS, empty.get("code").asInt());
        Thread.sleep(200);
        assertTrue(RECEIVED.isEmpty(), () -> "nothing is sent: " + RECEIVED);
    }

    @Test
    void terminateAndEndDlgSendByeBothWaysAndEndTheDialog() throws Exception {
        String terminated = call("terminated", DialogState.CONFIRMED);
        RECEIVED.clear();
        assertTrue(rpc.result("dlg.terminate_dlg", terminated, "from-terminated", "to-terminated").isNull());
        awaitGone(terminated);
        assertEquals(2, RECEIVED.stream().filter(r -> r.isBye() && r.header(
                HeaderName.CALL_ID).equals(terminated)).count(), "a BYE to each party");
        long until = System.nanoTime() + 10_000_000_000L;
        while (!EventRecordingRoute.EVENTS.contains("dialog:end " + terminated) && System.nanoTime() < until) {
            Thread.sleep(10);
        }
        assertTrue(EventRecordingRoute.EVENTS.contains("dialog:end " + terminated), "dialog:end runs on the lane");
        assertEquals(404, error("dlg.terminate_dlg", terminated, "from-terminated", "to-terminated").get("code").asInt());

        String ended = call("ended", DialogState.CONFIRMED);
        DialogSnapshot snapshot = dialogs.directory().get(ended).orElseThrow();
        JsonNode badHeaders = error("dlg.end_dlg", snapshot.hEntry(), snapshot.hId(), "Reason Q.850\r\n");
        assertEquals(RpcException.INVALID_PARAMS, badHeaders.get("code").asInt());
        assertTrue(badHeaders.get("message").asText().contains("extra_hdrs"), badHeaders.toString());
        RECEIVED.clear();
        assertTrue(rpc.result("dlg.end_dlg", snapshot.hEntry(), snapshot.hId(), "Reason: Q.850;cause=16\r\n").isNull());
        awaitGone(ended);
        List<SipRequest> byes = RECEIVED.stream().filter(r -> r.isBye() && r.header(HeaderName.CALL_ID).equals(ended))
                .toList();
        assertEquals(2, byes.size(), "a BYE to each party");
        byes.forEach(bye -> assertEquals("Q.850;cause=16", bye.header(HeaderName.REASON), "extra_hdrs in each BYE"));
        assertEquals(404, error("dlg.end_dlg", snapshot.hEntry(), snapshot.hId()).get("code").asInt());
        assertEquals(RpcException.INVALID_PARAMS, error("dlg.end_dlg", "x", 1).get("code").asInt());
    }

    @Test
    void setStateFiveWipesTheDialogSilently() throws Exception {
        String callId = call("wiped", DialogState.CONFIRMED);
        JsonNode four = error("dlg.set_state", callId, "from-wiped", "to-wiped", 4);
        assertEquals(RpcException.INVALID_PARAMS, four.get("code").asInt());
        assertTrue(four.get("message").asText().contains("'state'"), four::toString);
        RECEIVED.clear();
        assertTrue(rpc.result("dlg.set_state", callId, "from-wiped", "to-wiped", 5).isNull());
        awaitGone(callId);
        Thread.sleep(200);
        assertTrue(RECEIVED.isEmpty(), "no BYE");
        assertTrue(EventRecordingRoute.EVENTS.contains("dialog:start " + callId));
        assertTrue(!EventRecordingRoute.EVENTS.contains("dialog:end " + callId), "no dialog:end");
        assertEquals(404, error("dlg.set_state", callId, "from-wiped", "to-wiped", 5).get("code").asInt());
    }

    @Test
    void dumpFileWritesTheListAsJson() throws Exception {
        String callId = call("dumped", DialogState.CONFIRMED);
        Path file = dir.resolve("dlg.json");
        assertTrue(rpc.result("dlg.dump_file", file.toString()).isNull());
        JsonNode dumped = RpcCalls.JSON.readTree(Files.readString(file));
        assertEquals(rpc.result("dlg.list").size(), dumped.size());
        assertEquals("from-dumped", find(dumped, callId).get("caller").get("tag").asText());
        JsonNode unwritable = error("dlg.dump_file", dir.resolve("no/such/dir/dlg.json").toString());
        assertEquals(500, unwritable.get("code").asInt());
    }
}
