package io.switchboard.loadtests.sipp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * dlgs counts as a route reads them while SIPp calls are held and once they ended (seed manual
 * 000): {@link DlgsProbeRoute} tracks the calls itself and answers an OPTIONS asking for
 * {@code dlgs_count} or {@code dlgs_tags_count} with the number in its reason phrase.
 */
class DlgsCallsTest extends SippCalls {

    /** How long SIPp holds each call: the counts are read within it. */
    private static final int HOLD_MILLIS = 6000;

    private final AtomicInteger probes = new AtomicInteger();
    private int proxy;

    /** Sends the engine an OPTIONS outside any call carrying {@code header}; the status line of its answer. */
    private String ask(String header) throws IOException {
        int n = probes.incrementAndGet();
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            socket.setSoTimeout(5_000);
            byte[] request = ("OPTIONS sip:probe@127.0.0.1:" + proxy + " SIP/2.0\r\n"
                    + "Via: SIP/2.0/UDP 127.0.0.1:" + socket.getLocalPort() + ";branch=z9hG4bK-dlgs" + n + "\r\n"
                    + "Max-Forwards: 70\r\nFrom: <sip:probe@127.0.0.1>;tag=p" + n + "\r\nTo: <sip:probe@127.0.0.1>\r\n"
                    + "Call-ID: dlgs-probe-" + n + "\r\nCSeq: 1 OPTIONS\r\n" + header + "\r\nContent-Length: 0\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII);
            socket.send(new DatagramPacket(request, request.length, InetAddress.getLoopbackAddress(), proxy));
            DatagramPacket answer = new DatagramPacket(new byte[2048], 2048);
            socket.receive(answer);
            String text = new String(answer.getData(), 0, answer.getLength(), StandardCharsets.US_ASCII);
            return text.substring(0, text.indexOf("\r\n"));
        }
    }

    /** The route's answer to {@code dlgs_count(field, op, value)}. */
    private String count(String field, String op, String value) throws IOException {
        return ask("X-Dlgs-Count: " + field + " " + op + " " + value);
    }

    /** The route's answer to {@code dlgs_tags_count(tag)}. */
    private String tagsCount(String tag) throws IOException {
        return ask("X-Dlgs-Tags: " + tag);
    }

    private static String counted(int n) {
        return "SIP/2.0 200 Count " + n;
    }

    /** Asks for the count of all calls until it is {@code calls}, at most 15 s: SIPp starts them at 10 a second. */
    private void awaitCalls(int calls) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        String answer = count("any", "eq", "*");
        while (!answer.equals(counted(calls)) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            answer = count("any", "eq", "*");
        }
        assertEquals(counted(calls), answer, "dlgs_count(any) while every call is up");
    }

    @Test
    void theRouteCountsHeldCallsByFieldAndTagAndNoneOnceTheyEnded() throws Exception {
        int vipCalls = 4;
        int otherCalls = 6;
        int calls = vipCalls + otherCalls;
        proxy = startEngine("route = " + DlgsProbeRoute.class.getName());
        int uasPort = Sipp.freePort();
        int vipPort = Sipp.freePort();
        String callee = "127.0.0.1:" + uasPort;
        Sipp uas = peer(Sipp.uas("uas.xml", uasPort, calls), 60);
        Sipp vip = peer(Sipp.uac("uac.xml", vipPort, proxy, callee, vipCalls, 10, DlgsProbeRoute.VIP, HOLD_MILLIS), 60);
        Sipp other = peer(Sipp.uac("uac.xml", Sipp.freePort(), proxy, callee, otherCalls, 10, "bob", HOLD_MILLIS), 60);

        awaitCalls(calls);
        String vipCaller = "sip:sipp@127.0.0.1:" + vipPort;
        assertEquals(counted(vipCalls), count("src", "eq", vipCaller));
        assertEquals(counted(otherCalls), count("src", "ne", vipCaller));
        assertEquals(counted(otherCalls), count("dst", "sw", "sip:bob@"));
        assertEquals(counted(vipCalls), count("dst", "re", "^SIP:VIP@"), "re is case-insensitive");
        assertEquals(counted(calls), count("data", "fm", "127.0.0.*"));
        assertEquals(counted(0), count("data", "eq", "192.0.2.1"));
        assertEquals(counted(vipCalls), tagsCount(DlgsProbeRoute.VIP), "only the calls to vip were tagged");
        assertEquals("SIP/2.0 400 unknown operator 'gt' (eq, ne, re, sw or fm)", count("src", "gt", vipCaller));

        assertEquals(0, vip.await(60), vip::output);
        assertEquals(0, other.await(60), other::output);
        assertEquals(0, uas.await(30), uas::output);
        assertEquals(counted(0), count("any", "eq", "*"), "every BYE ended its call");
        assertEquals(counted(0), count("src", "eq", vipCaller));
        assertEquals(counted(0), tagsCount(DlgsProbeRoute.VIP), "ended calls' tags are not counted");
        assertEquals(calls, Rpc.result(engine, "dlgs.stats").get("active").get("terminated").asInt(),
                "the records stay, ended, for finish-lifetime");
    }
}
