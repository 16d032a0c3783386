package io.switchboard.loadtests.sipp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Dialogs of whole calls (seed manual 001) through the engine with SIPp on both sides, watched
 * over the management endpoint as an operator would: {@code dlg.list}, {@code dlg.stats_active},
 * the {@code dialog:*} statistics, {@code dlg.terminate_dlg}; {@code $DLG_count} (10.1) as the
 * route reads it; and {@code dlg_bye}, {@code dlg_refer} from the route (7.8, 7.9), their extra
 * headers checked by the scenarios. The route is the built-in one with
 * the dialog functions and event routes counted around it ({@link DialogProbeRoute}).
 */
class DialogCallsTest extends SippCalls {

    private static final int HELD_CALLS = 200;
    /** Long enough for all calls to be up at once even on a loaded machine. */
    private static final int HOLD_SECONDS = 20;

    private ManagementRpc rpc;

    @BeforeEach
    void resetCounts() {
        DialogProbeRoute.reset();
    }

    /** An engine with the probing route and {@code dialog} settings; its SIP port. */
    private int startDialogEngine(String dialog) {
        int port = startEngine("route = %s, dialog { ask-timeout = 2s, %s }".formatted(DialogProbeRoute.class.getName(),
                dialog));
        rpc = new ManagementRpc(engine.management().url());
        return port;
    }

    private static boolean allInState(JsonNode list, int count, int state) {
        if (list.size() != count) {
            return false;
        }
        for (JsonNode dialog : list) {
            if (dialog.get("state").asInt() != state) {
                return false;
            }
        }
        return true;
    }

    @Test
    void heldCallsAreListedConfirmedAndGoneAfterTheirByes() throws Exception {
        int proxy = startDialogEngine("");
        int uasPort = Sipp.freePort();
        Sipp uas = peer(Sipp.uas("uas.xml", uasPort, HELD_CALLS), 90);
        Sipp uac = peer(Sipp.uac("uac.xml", Sipp.freePort(), proxy, "127.0.0.1:" + uasPort, HELD_CALLS, 100,
                HOLD_SECONDS * 1000), 90);

        JsonNode ongoing = rpc.await(HOLD_SECONDS, a -> a.get("ongoing").asInt() == HELD_CALLS, "dlg.stats_active");
        assertEquals(HELD_CALLS, ongoing.get("ongoing").asInt(), () -> ongoing + " " + DialogProbeRoute.COUNTS);
        JsonNode list = rpc.result("dlg.list");
        assertTrue(allInState(list, HELD_CALLS, 4), () -> list.size() + " dialogs: " + list.get(0));
        JsonNode dialog = list.get(0);
        for (String member : List.of("h_entry", "h_id", "call-id", "from_uri", "to_uri", "start_ts", "init_ts",
                "timeout", "lifetime", "caller", "callee")) {
            assertTrue(dialog.has(member), () -> member + " missing in " + dialog);
        }
        assertTrue(dialog.get("callee").get("tag").asText().contains("SIPpTag01"), dialog::toString);
        assertEquals(43200, dialog.get("lifetime").asLong(), "default-timeout");
        assertEquals(HELD_CALLS, ongoing.get("all").asInt(), ongoing::toString);
        assertEquals(HELD_CALLS, rpc.statistic("dialog:active_dialogs"));

        assertEquals(0, uac.await(60), uac::output);
        assertEquals(0, uas.await(30), uas::output);
        assertEquals(HELD_CALLS, DialogProbeRoute.mostDialogsSeenByBye(), "$DLG_count of the first BYE: every call held");
        JsonNode after = rpc.await(10, l -> l.size() == 0, "dlg.list");
        assertEquals(0, after.size(), after::toString);
        assertEquals(0, rpc.result("dlg.stats_active").get("all").asInt());
        assertEquals(HELD_CALLS, rpc.statistic("dialog:processed_dialogs"));
        assertEquals(0, rpc.statistic("dialog:active_dialogs"));
        assertEquals(0, rpc.statistic("dialog:early_dialogs"));
        assertEquals(0, rpc.statistic("dialog:expired_dialogs"));
        assertEquals(0, rpc.statistic("dialog:failed_dialogs"));

        assertEquals(HELD_CALLS, DialogProbeRoute.awaitCount("dialog:start", HELD_CALLS));
        assertEquals(HELD_CALLS, DialogProbeRoute.awaitCount("dialog:end", HELD_CALLS));
        assertEquals(0, DialogProbeRoute.count("ACK in state 0"), () -> "$DLG_status of ACKs: " + DialogProbeRoute.COUNTS);
        assertTrue(DialogProbeRoute.count("ACK in state 3") >= HELD_CALLS,
                () -> "$DLG_status of the first ACK of each call is 3 (a retransmission may see 4): " + DialogProbeRoute.COUNTS);
        assertEquals(HELD_CALLS, DialogProbeRoute.count("known BYE"), "is_known_dlg() of the BYE");
        long heldLong = DialogProbeRoute.COUNTS.keySet().stream()
                .filter(k -> k.matches("BYE after \\d+ s") && Integer.parseInt(k.replaceAll("\\D", "")) >= HOLD_SECONDS / 2)
                .mapToLong(DialogProbeRoute::count).sum();
        assertEquals(HELD_CALLS, heldLong, () -> "$DLG_lifetime of the BYE: " + DialogProbeRoute.COUNTS);
    }

    @Test
    void aCallWithoutAckEndsAfterNoackTimeoutAndACancelledCallFails() throws Exception {
        int proxy = startDialogEngine("noack-timeout = 1");
        int answering = Sipp.freePort();
        int ringing = Sipp.freePort();
        Sipp uas = peer(Sipp.uas("uas-noack.xml", answering, 1), 30);
        Sipp uac = peer(Sipp.uac("uac-noack.xml", Sipp.freePort(), proxy, "127.0.0.1:" + answering, 1, 1), 30);
        Sipp ringer = peer(Sipp.uas("uas-ring.xml", ringing, 1), 30);
        Sipp canceller = peer(Sipp.uac("uac-cancel.xml", Sipp.freePort(), proxy, "127.0.0.1:" + ringing, 1, 1), 30);
        assertEquals(0, uac.await(30), uac::output);
        assertEquals(0, uas.await(30), uas::output);
        assertEquals(0, canceller.await(30), canceller::output);
        assertEquals(0, ringer.await(30), ringer::output);
        JsonNode failed = rpc.await(10, f -> f.get("dialog.failed_dialogs").asLong() == 1, "stats.fetch", "dialog:");
        assertEquals(1, failed.get("dialog.failed_dialogs").asLong(), () -> "the INVITE answered 487: " + failed);

        JsonNode answering3 = rpc.result("dlg.stats_active");
        assertEquals(1, answering3.get("answering").asInt(), answering3::toString);
        JsonNode gone = rpc.await(20, l -> l.size() == 0, "dlg.list");
        assertEquals(0, gone.size(), "noack-timeout 1 s plus Kamailio's 10 s: " + gone);
        assertEquals(1, rpc.statistic("dialog:expired_dialogs"));
        assertEquals(2, rpc.statistic("dialog:processed_dialogs"));
        assertEquals(1, DialogProbeRoute.awaitCount("dialog:start", 1));
        assertEquals(1, DialogProbeRoute.awaitCount("dialog:end", 1));
        assertEquals(1, DialogProbeRoute.awaitCount("dialog:failed", 1));
    }

    @Test
    void terminateDlgSendsByeToBothSides() throws Exception {
        int proxy = startDialogEngine("");
        int uasPort = Sipp.freePort();
        Sipp uas = peer(Sipp.uas("uas.xml", uasPort, 1), 30);
        Sipp uac = peer(Sipp.uac("uac-wait-bye.xml", Sipp.freePort(), proxy, "127.0.0.1:" + uasPort, 1, 1), 30);
        JsonNode list = rpc.await(10, l -> allInState(l, 1, 4), "dlg.list");
        assertTrue(allInState(list, 1, 4), list::toString);
        String callId = list.get(0).get("call-id").asText();
        String fromTag = list.get(0).get("caller").get("tag").asText();
        String toTag = list.get(0).get("callee").get("tag").asText();
        assertEquals("Alive", rpc.result("dlg.is_alive", callId, toTag, fromTag).asText(), "tags in either order");

        assertTrue(rpc.result("dlg.terminate_dlg", callId, fromTag, toTag).isNull());
        assertEquals(0, uac.await(30), uac::output);
        assertEquals(0, uas.await(30), uas::output);
        assertEquals(0, rpc.await(10, l -> l.size() == 0, "dlg.list").size());
        assertEquals(404, rpc.call("dlg.is_alive", callId, fromTag, toTag).get("error").get("code").asInt());
        assertEquals(1, DialogProbeRoute.awaitCount("dialog:end", 1));
        assertEquals(0, rpc.statistic("dialog:expired_dialogs"));
    }

    /** One call from {@code uacScenario} to {@code service} at {@code uasScenario} through an engine with {@code dialog}; both phones' scenarios pass. */
    private void oneCall(String dialog, String uasScenario, String uacScenario, String service) throws Exception {
        int proxy = startDialogEngine(dialog);
        int uasPort = Sipp.freePort();
        Sipp uas = peer(Sipp.uas(uasScenario, uasPort, 1), 30);
        Sipp uac = peer(Sipp.uac(uacScenario, Sipp.freePort(), proxy, "127.0.0.1:" + uasPort, 1, 1, service, 0), 30);
        assertEquals(0, uac.await(30), uac::output);
        assertEquals(0, uas.await(30), uas::output);
        JsonNode gone = rpc.await(10, l -> l.size() == 0, "dlg.list");
        assertEquals(0, gone.size(), gone::toString);
        assertEquals(1, DialogProbeRoute.awaitCount("dialog:end MANAGEMENT", 1), DialogProbeRoute.COUNTS::toString);
    }

    /** The caller's INFO makes the route call dlg_bye("all"): both phones get a BYE, with the dlg-extra-hdrs (checked by the scenario). */
    @Test
    void dlgByeFromTheRouteHangsUpBothPhones() throws Exception {
        oneCall("dlg-extra-hdrs = \"Hint: credit expired\\r\\n\"", "uas.xml", "uac-info-wait-bye.xml", "dlgbye");
        assertEquals(1, DialogProbeRoute.count("dlg_bye true"), DialogProbeRoute.COUNTS::toString);
    }

    /**
     * The caller's INFO makes the route call dlg_refer("callee", ...): the callee gets a REFER to the
     * announcement from the bridge-controller with the lreq-callee-headers, accepts it with 202 and
     * then gets a BYE; the caller's INFO is answered 200 because the REFER was accepted.
     */
    @Test
    void dlgReferTransfersTheCalleeWhichAcceptsAndIsHungUp() throws Exception {
        oneCall("bridge-controller = \"sip:ctd@example.org\", lreq-callee-headers = \"TH: dlh\"", "uas-refer.xml",
                "uac-info.xml", "dlgrefer");
        assertEquals(1, DialogProbeRoute.count("dlg_refer true"), DialogProbeRoute.COUNTS::toString);
    }
}
