package io.switchboard.engine.dialog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.actors.dialog.Dialog;
import io.switchboard.actors.dialog.DialogEvent;
import io.switchboard.actors.dialog.DialogProperties;
import io.switchboard.actors.dialog.DialogRequests;
import io.switchboard.actors.dialog.InitialInvite;
import io.switchboard.actors.dialog.Side;
import io.switchboard.engine.proxy.Lanes;
import io.switchboard.engine.proxy.LocalAddresses;
import io.switchboard.transport.header.Via;
import io.switchboard.transport.message.HeaderName;
import io.switchboard.transport.message.MessageBuilder;
import io.switchboard.transport.message.SipFramer;
import io.switchboard.transport.message.SipMessage;
import io.switchboard.transport.message.SipRequest;
import io.switchboard.transport.message.SipResponse;
import io.switchboard.transport.net.ListenAddress;
import io.switchboard.transport.parse.SipParseException;
import io.switchboard.transport.transaction.TimerSettings;
import io.switchboard.transport.transaction.TransactionLayer;
import io.switchboard.transport.transaction.WheelTimerScheduler;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * BYEs of a dialog (seed manual 6.49, 9.8) built by the dialog module and sent through client
 * transactions of a real transaction layer over UDP on 127.0.0.1: the proxy's socket, and one
 * socket for each party of the call, which answers as its UA would.
 */
class ClientTransactionSenderTest {

    private static final String CALL_ID = "sender-1@127.0.0.1";
    private static final TimerSettings FAST = TimerSettings.of(Duration.ofMillis(10), Duration.ofMillis(40),
            Duration.ofMillis(50));

    private DatagramSocket proxy;
    private DatagramSocket caller;
    private DatagramSocket callee;
    private WheelTimerScheduler timers;
    private TransactionLayer transactions;
    private Lanes lanes;
    private ClientTransactionSender sender;
    private String socket;

    @BeforeEach
    void start() throws SocketException {
        proxy = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        caller = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        callee = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        caller.setSoTimeout(5000);
        callee.setSoTimeout(5000);
        socket = "udp:127.0.0.1:" + proxy.getLocalPort();
        timers = new WheelTimerScheduler();
        transactions = new TransactionLayer(FAST, timers, (message, hop) -> {
            byte[] bytes = message.encode();
            proxy.send(new DatagramPacket(bytes, bytes.length, hop.address()));
        });
        lanes = new Lanes(1);
        sender = new ClientTransactionSender(transactions, new LocalAddresses(List.of(ListenAddress.parse(socket)),
                List.of()), lanes);
        Thread receiver = new Thread(this::receiveResponses, "proxy-socket");
        receiver.setDaemon(true);
        receiver.start();
    }

    @AfterEach
    void stop() {
        proxy.close();
        caller.close();
        callee.close();
        lanes.close();
        timers.close();
    }

    /** The proxy's transport: what comes back to its socket goes to the transaction layer. */
    private void receiveResponses() {
        byte[] buffer = new byte[65535];
        while (!proxy.isClosed()) {
            try {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                proxy.receive(packet);
                SipMessage message = SipFramer.DEFAULT.frame(Arrays.copyOf(buffer, packet.getLength()));
                if (message instanceof SipResponse response) {
                    transactions.onResponse(response);
                }
            } catch (IOException | SipParseException e) {
                return;
            }
        }
    }

    /** A confirmed call between the caller's and the callee's socket, this proxy record-routing once. */
    private Dialog call(List<String> answerRecordRoutes, String calleeContact) {
        String ownRoute = "<sip:127.0.0.1:" + proxy.getLocalPort() + ";lr;did=a.1>";
        InitialInvite invite = new InitialInvite(CALL_ID, "sip:alice@example.com", "a1", "sip:bob@example.com",
                "sip:bob@example.com", "sip:alice@127.0.0.1:" + caller.getLocalPort(), 101, List.of(ownRoute), 1,
                socket, socket);
        return Dialog.EMPTY
                .apply(new DialogEvent.Created(invite, DialogProperties.NONE, 1000, 3600, 301_000))
                .apply(new DialogEvent.Answered("b1", calleeContact, answerRecordRoutes, 2000, 3_602_000, 62_000));
    }

    private Dialog call() {
        String ownRoute = "<sip:127.0.0.1:" + proxy.getLocalPort() + ";lr;did=a.1>";
        return call(List.of(ownRoute), "sip:bob@127.0.0.1:" + callee.getLocalPort());
    }

    /** Receives one request on {@code ua} and answers it with {@code status}; returns the request. */
    private static SipRequest answer(DatagramSocket ua, int status) throws Exception {
        DatagramPacket packet = new DatagramPacket(new byte[65535], 65535);
        ua.receive(packet);
        SipRequest request = (SipRequest) SipFramer.DEFAULT.frame(Arrays.copyOf(packet.getData(),
                packet.getLength()));
        byte[] reply = MessageBuilder.responseTo(request, status, "Answer", null).build().encode();
        ua.send(new DatagramPacket(reply, reply.length, packet.getSocketAddress()));
        return request;
    }

    private static <T> T await(CompletionStage<T> stage) throws Exception {
        return stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void byesGoToBothPartiesWithOurViaAndCompleteWithTheirAnswers() throws Exception {
        CompletionStage<List<Integer>> answers = sender.sendByes(call(), Set.of(Side.CALLEE, Side.CALLER));
        SipRequest toCaller = answer(caller, 200);
        SipRequest toCallee = answer(callee, 481);
        assertEquals(List.of(200, 481), await(answers), "caller first");

        assertEquals("sip:alice@127.0.0.1:" + caller.getLocalPort(), toCaller.requestUriText());
        assertEquals("sip:bob@127.0.0.1:" + callee.getLocalPort(), toCallee.requestUriText());
        for (SipRequest bye : List.of(toCaller, toCallee)) {
            assertTrue(bye.isBye());
            assertEquals(CALL_ID, bye.header(HeaderName.CALL_ID));
            Via via = bye.topVia();
            assertEquals(proxy.getLocalPort(), via.port());
            assertEquals("127.0.0.1", via.host());
            assertTrue(via.hasRfc3261Branch(), via::toString);
            assertTrue(!bye.hasHeader(HeaderName.ROUTE), "our own Record-Route is left out of the route set");
        }
        assertEquals("102 BYE", toCallee.header(HeaderName.CSEQ), "the caller's CSeq plus one");
        assertEquals("a1", toCallee.from().tag());
        assertEquals("b1", toCaller.from().tag(), "towards the caller the BYE comes from the callee");
        assertTrue(!toCaller.topVia().branch().equals(toCallee.topVia().branch()), "a fresh branch each");
    }

    @Test
    void aRouteSetTakesTheByeToItsFirstEntry() throws Exception {
        String ownRoute = "<sip:127.0.0.1:" + proxy.getLocalPort() + ";lr;did=a.1>";
        String downstream = "<sip:127.0.0.1:" + callee.getLocalPort() + ";lr>";
        Dialog call = call(List.of(downstream, ownRoute), "sip:bob@192.0.2.99:5080");
        CompletionStage<Integer> answer = sender.send(DialogRequests.bye(call, Side.CALLEE), socket);
        SipRequest bye = answer(callee, 200);
        assertEquals(200, await(answer));
        assertEquals("sip:bob@192.0.2.99:5080", bye.requestUriText(), "the remote target stays the Request-URI");
        assertEquals(downstream, bye.header(HeaderName.ROUTE));
    }

    @Test
    void noAnswerIsATimeout408() throws Exception {
        assertEquals(408, await(sender.send(DialogRequests.bye(call(), Side.CALLER), socket)));
    }

    @Test
    void aTargetThatCannotBeReachedIsAnsweredAtOnce() throws Exception {
        Dialog tel = call(List.of(), "tel:+15551234");
        assertEquals(416, await(sender.send(DialogRequests.bye(tel, Side.CALLEE), socket)), "no SIP URI to route to");
    }

    @Test
    void aSocketThatIsNotOursFallsBackToOurListener() throws Exception {
        CompletionStage<Integer> answer = sender.send(DialogRequests.bye(call(), Side.CALLEE), "udp:192.0.2.200:5060");
        SipRequest bye = answer(callee, 200);
        assertEquals(200, await(answer));
        assertEquals(proxy.getLocalPort(), bye.topVia().port());
    }

    /** A node that drains takes no new calls but still ends the ones it has. */
    @Test
    void whileTheLayerShutsDownADialogsByeStillGoesOut() throws Exception {
        transactions.shutdown();
        CompletionStage<Integer> answer = sender.send(DialogRequests.bye(call(), Side.CALLEE), socket);
        answer(callee, 200);
        assertEquals(200, await(answer));
    }
}
