package io.switchboard.loadtests.sipp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code dlg_bye} and {@code dlg_refer} (seed manual 001, 7.8, 7.9) from a route, with SIPp on both
 * sides: the caller sends an INFO within the call, {@link DialogProbeRoute} ends or transfers the
 * call, and each phone sees what the proxy sends it — BYE with the {@code dlg-extra-hdrs}, REFER
 * and BYE with the {@code lreq-callee-headers} (the scenarios check the headers).
 */
class DialogByeReferCallsTest extends SippCalls {

    private ManagementRpc rpc;

    @BeforeEach
    void resetCounts() {
        DialogProbeRoute.reset();
    }

    private int startDialogEngine(String dialog) {
        int port = startEngine("route = %s, dialog { ask-timeout = 2s, %s }".formatted(DialogProbeRoute.class.getName(),
                dialog));
        rpc = new ManagementRpc(engine.management().url());
        return port;
    }

    @Test
    void dlgByeFromTheRouteHangsUpBothPhones() throws Exception {
        int proxy = startDialogEngine("dlg-extra-hdrs = \"Hint: credit expired\\r\\n\"");
        int uasPort = Sipp.freePort();
        Sipp uas = peer(Sipp.uas("uas.xml", uasPort, 1), 30);
        Sipp uac = peer(Sipp.uac("uac-info-wait-bye.xml", Sipp.freePort(), proxy, "127.0.0.1:" + uasPort, 1, 1,
                "dlgbye", 0), 30);
        assertEquals(0, uac.await(30), uac::output);
        assertEquals(0, uas.await(30), uas::output);
        assertEquals(1, DialogProbeRoute.count("dlg_bye true"), () -> DialogProbeRoute.COUNTS.toString());
        JsonNode gone = rpc.await(10, l -> l.size() == 0, "dlg.list");
        assertEquals(0, gone.size(), gone::toString);
        assertEquals(1, DialogProbeRoute.awaitCount("dialog:end MANAGEMENT", 1), () -> DialogProbeRoute.COUNTS.toString());
    }

    @Test
    void dlgReferTransfersTheCalleeWhichAcceptsAndIsHungUp() throws Exception {
        int proxy = startDialogEngine("bridge-controller = \"sip:ctd@example.org\", lreq-callee-headers = \"TH: dlh\"");
        int uasPort = Sipp.freePort();
        Sipp uas = peer(Sipp.uas("uas-refer.xml", uasPort, 1), 30);
        Sipp uac = peer(Sipp.uac("uac-info.xml", Sipp.freePort(), proxy, "127.0.0.1:" + uasPort, 1, 1,
                "dlgrefer", 0), 30);
        assertEquals(0, uac.await(30), () -> "the INFO is answered 200 once the REFER is accepted: " + uac.output());
        assertEquals(0, uas.await(30), uas::output);
        assertEquals(1, DialogProbeRoute.count("dlg_refer true"), () -> DialogProbeRoute.COUNTS.toString());
        JsonNode gone = rpc.await(10, l -> l.size() == 0, "dlg.list");
        assertEquals(0, gone.size(), () -> "the BYE after the REFER ended the dialog: " + gone);
        assertEquals(1, DialogProbeRoute.awaitCount("dialog:end MANAGEMENT", 1), () -> DialogProbeRoute.COUNTS.toString());
    }
}
