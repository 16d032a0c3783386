package io.switchboard.loadtests.sipp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.engine.route.RequestContext;
import io.switchboard.engine.route.Route;
import io.switchboard.engine.route.RouteSettings;
import io.switchboard.transport.message.HeaderName;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * {@code dlg.bridge_dlg} (seed manual 9.13) as an operator runs it over the management endpoint,
 * with SIPp as the {@code from} party: the engine calls it from the bridge-controller with an
 * on-hold offer, acknowledges its 200, refers it to {@code to} and hangs up once it accepted — or,
 * when it is busy, reports the 486 and sends nothing more; and {@code dlg_bridge} from a route
 * ({@link BridgingRoute}). The scenarios check every message and its order.
 */
class DialogBridgeCallsTest extends SippCalls {

    private static final String TO = "sip:announcement@example.org";
    private static final String BRIDGE_SETTINGS =
            "dialog { bridge-controller = \"sip:ctd@example.org\", bridge-contact = \"sip:ctd@127.0.0.1:5099\" }";

    /**
     * Answers a MESSAGE with {@code X-Bridge-From: <uri>} once {@code dlg_bridge(uri, TO, "")} is
     * done: 200 when that party was referred, 480 when not.
     */
    public static final class BridgingRoute implements Route {

        public BridgingRoute(RouteSettings settings) {
        }

        @Override
        public void onRequest(RequestContext request) {
            String from = request.request().header(HeaderName.of("X-Bridge-From"));
            if (from == null) {
                request.slSendReply(404, "Not Found");
                return;
            }
            request.dlgBridge(from, TO, "", bridged -> request.slSendReply(bridged ? 200 : 480,
                    bridged ? "Bridged" : "Not Bridged"));
        }
    }

    private ManagementRpc rpc;

    private void startBridgingEngine() {
        startEngine(BRIDGE_SETTINGS);
        rpc = new ManagementRpc(engine.management().url());
    }

    @Test
    void bridgeDlgCallsFromOnHoldRefersItToToAndHangsUp() throws Exception {
        startBridgingEngine();
        int port = Sipp.freePort();
        Sipp from = peer(Sipp.uas("uas-bridged.xml", port, 1), 30);

        JsonNode response = rpc.call("dlg.bridge_dlg", "sip:alice@127.0.0.1:" + port, TO, ".", ".");
        assertNull(response.get("error"), response::toString);
        assertTrue(response.get("result").isNull(), response::toString);
        assertEquals(0, from.await(30), from::output);
        assertEquals(0, rpc.result("dlg.list").size(), "the engine's own dialog is not tracked");
    }

    @Test
    void aBusyFromIsReportedAndGetsNoReferNorBye() throws Exception {
        startBridgingEngine();
        int port = Sipp.freePort();
        Sipp busy = peer(Sipp.uas("uas-bridge-busy.xml", port, 1).tracingMessages(), 30);

        JsonNode error = rpc.call("dlg.bridge_dlg", "sip:busy@example.invalid", TO, "sip:127.0.0.1:" + port, "_")
                .get("error");
        assertNotNull(error, "a bridge whose INVITE is refused fails");
        assertEquals(500, error.get("code").asInt(), error::toString);
        assertTrue(error.get("message").asText().contains("answered 486"), error::toString);
        assertEquals(0, busy.await(30), busy::output);
        assertEquals(1, busy.received("INVITE"), busy::output);
        assertEquals(0, busy.received("REFER"), busy::output);
        assertEquals(0, busy.received("BYE"), busy::output);
    }

    @Test
    void aRouteBridgesWithDlgBridgeAndGoesOnWithTheOutcome() throws Exception {
        startEngine("route = \"" + BridgingRoute.class.getName() + "\", " + BRIDGE_SETTINGS);
        int port = Sipp.freePort();
        Sipp from = peer(Sipp.uas("uas-bridged.xml", port, 1), 30);
        try (DatagramSocket operator = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            operator.setSoTimeout(20_000);
            byte[] message = """
                    MESSAGE sip:bridge@127.0.0.1:%1$d SIP/2.0\r
                    Via: SIP/2.0/UDP 127.0.0.1:%2$d;branch=z9hG4bKbridge1;rport\r
                    From: <sip:operator@example.org>;tag=op1\r
                    To: <sip:bridge@127.0.0.1:%1$d>\r
                    Call-ID: route-bridge-1@127.0.0.1\r
                    CSeq: 1 MESSAGE\r
                    Max-Forwards: 70\r
                    X-Bridge-From: sip:alice@127.0.0.1:%3$d\r
                    Content-Length: 0\r
                    \r
                    """.formatted(udpPort(), operator.getLocalPort(), port).getBytes(StandardCharsets.US_ASCII);
            operator.send(new DatagramPacket(message, message.length, new InetSocketAddress("127.0.0.1", udpPort())));
            DatagramPacket reply = new DatagramPacket(new byte[65535], 65535);
            operator.receive(reply);
            String status = new String(reply.getData(), 0, reply.getLength(), StandardCharsets.US_ASCII).lines()
                    .findFirst().orElse("");
            assertEquals("SIP/2.0 200 Bridged", status, "dlg_bridge passed true on");
        }
        assertEquals(0, from.await(30), from::output);
    }
}
