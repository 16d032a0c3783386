package io.switchboard.engine.htable;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.switchboard.engine.Engine;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The ban rule of the built-in route: the first {@code requests} from an address pass (here to the
 * Max-Forwards check, which answers 483), the next one bans the address for the ban table's
 * autoexpire, and a banned address is answered 403 or not at all.
 */
class IpBanTest {

    private Engine engine;

    @AfterEach
    void stop() {
        engine.stop().toCompletableFuture().join();
    }

    private int start(String action) {
        engine = TestEngine.start("""
                htable.tables = ["ipban=>size=8;autoexpire=300", "ipcount=>size=8;autoexpire=60;updateexpire=0;initval=0"]
                proxy.ipban { table = ipban, count-table = ipcount, requests = 3, action = %s }
                """.formatted(action));
        return TestEngine.udpPort(engine);
    }

    /** Sends OPTIONS with Max-Forwards 0 from a new port each time; the status line of the answer, or "none". */
    private static List<String> send(int port, int count) throws Exception {
        List<String> answers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
                socket.setSoTimeout(1_500);
                byte[] request = ("OPTIONS sip:nobody@127.0.0.1:" + port + " SIP/2.0\r\n"
                        + "Via: SIP/2.0/UDP 127.0.0.1:" + socket.getLocalPort() + ";branch=z9hG4bK-ban" + i + "\r\n"
                        + "Max-Forwards: 0\r\nFrom: <sip:flood@127.0.0.1>;tag=f" + i + "\r\nTo: <sip:nobody@127.0.0.1>\r\n"
                        + "Call-ID: ban-" + i + "\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII);
                socket.send(new DatagramPacket(request, request.length, InetAddress.getLoopbackAddress(), port));
                DatagramPacket answer = new DatagramPacket(new byte[2048], 2048);
                try {
                    socket.receive(answer);
                    String text = new String(answer.getData(), 0, answer.getLength(), StandardCharsets.US_ASCII);
                    answers.add(text.substring(0, text.indexOf("\r\n")));
                } catch (SocketTimeoutException e) {
                    answers.add("none");
                }
            }
        }
        return answers;
    }

    @Test
    void pastTheThresholdTheAddressIsAnswered403() throws Exception {
        int port = start("reply");
        assertEquals(List.of("SIP/2.0 483 Too Many Hops", "SIP/2.0 483 Too Many Hops", "SIP/2.0 483 Too Many Hops",
                "SIP/2.0 403 Forbidden", "SIP/2.0 403 Forbidden"), send(port, 5));
        assertEquals(1, Ctl.call(engine, "htable.get", "ipban", "127.0.0.1").result().get("item").get("value").asInt());
        Ctl.call(engine, "htable.delete", "ipban", "127.0.0.1");
        assertEquals(List.of("SIP/2.0 483 Too Many Hops"), send(port, 1), "unbanned, counting starts again");
    }

    @Test
    void withActionDropABannedAddressHearsNothing() throws Exception {
        int port = start("drop");
        long dropped = TestEngine.statistic(engine, "core:drop_requests");
        assertEquals(List.of("SIP/2.0 483 Too Many Hops", "SIP/2.0 483 Too Many Hops", "SIP/2.0 483 Too Many Hops",
                "none", "none"), send(port, 5));
        TestEngine.awaitStatistic(engine, "core:drop_requests", dropped + 2, "the two banned requests");
    }
}
