package io.switchboard.engine.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.engine.Engine;
import io.switchboard.engine.dispatcher.UdpDestination;
import io.switchboard.engine.htable.TestEngine;
import io.switchboard.transport.message.HeaderName;
import io.switchboard.transport.message.SipResponse;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The sanity checks in a running engine, over UDP (RFC 3261 §16.3, §18.3; Kamailio's sanity
 * module): a request that fails one is answered 400 with a Warning saying what is wrong and counted
 * in {@code core:err_requests}; a response that fails one is dropped, not relayed, and counted in
 * {@code core:err_replies} and {@code core:drop_replies}.
 */
class SanityCheckTest {

    private static Engine engine;
    private static int port;
    private static UdpDestination phone;
    private static UdpDestination callee;

    @BeforeAll
    static void start() throws Exception {
        engine = TestEngine.start("");
        port = TestEngine.udpPort(engine);
        phone = new UdpDestination();
        callee = new UdpDestination();
    }

    @AfterAll
    static void stop() {
        phone.close();
        callee.close();
        engine.stop().toCompletableFuture().join();
    }

    @BeforeEach
    void forgetAnswers() {
        phone.answers.clear();
    }

    /** An OPTIONS from the phone that passes every check and then meets Max-Forwards 0 (483). */
    private static String[] options() {
        return new String[] {
            "OPTIONS sip:nobody@127.0.0.1 SIP/2.0",
            "Via: SIP/2.0/UDP 127.0.0.1:" + phone.port() + ";branch=z9hG4bK-sanity",
            "Max-Forwards: 0",
            "From: <sip:tester@127.0.0.1>;tag=t1",
            "To: <sip:nobody@127.0.0.1>",
            "Call-ID: sanity-1",
            "CSeq: 1 OPTIONS",
        };
    }

    private static SipResponse answer(String[] request) throws Exception {
        phone.send(SipText.text(request), port);
        SipResponse answer = phone.answers.poll(5, TimeUnit.SECONDS);
        assertNotNull(answer, "an answer within 5 s");
        return answer;
    }

    static Stream<Arguments> insaneRequests() {
        String[] options = options();
        return Stream.of(
                Arguments.of("no Call-ID", SipText.without(options, "Call-ID:"), "missing Call-ID header"),
                Arguments.of("no From", SipText.without(options, "From:"), "missing From header"),
                Arguments.of("two CSeq", SipText.plus(options, "CSeq: 2 OPTIONS"), "CSeq header appears more than once"),
                Arguments.of("CSeq method not the request's", SipText.with(options, "CSeq:", "CSeq: 1 INVITE"),
                        "CSeq method INVITE does not match the request method OPTIONS"),
                Arguments.of("Content-Length past the datagram", SipText.plus(options, "Content-Length: 99"),
                        "Content-Length 99 is larger than the 0 body bytes received"),
                Arguments.of("Max-Forwards not a number", SipText.with(options, "Max-Forwards:", "Max-Forwards: ten"),
                        "Max-Forwards"),
                Arguments.of("Request-URI that does not parse",
                        SipText.with(options, "OPTIONS", "OPTIONS sip:nobody@[::1 SIP/2.0"), "Request-URI: "));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("insaneRequests")
    void aRequestFailingACheckIsAnswered400SayingWhatIsWrong(String name, String[] request, String problem)
            throws Exception {
        long errors = TestEngine.statistic(engine, "core:err_requests");
        SipResponse answer = answer(request);
        assertEquals(400, answer.statusCode(), answer::toString);
        assertEquals("Bad Request", answer.reasonPhrase());
        String warning = answer.header(HeaderName.WARNING);
        assertNotNull(warning, answer::toString);
        assertTrue(warning.startsWith("399 switchboard \"") && warning.contains(problem),
                "Warning '" + warning + "' should say " + problem);
        assertEquals(errors + 1, TestEngine.statistic(engine, "core:err_requests"));
    }

    @Test
    void aRequestPassingTheChecksGoesOnToTheRoute() throws Exception {
        long errors = TestEngine.statistic(engine, "core:err_requests");
        assertEquals(483, answer(options()).statusCode());
        assertEquals(errors, TestEngine.statistic(engine, "core:err_requests"));
    }

    @Test
    void aReplyFailingACheckIsDroppedAndCounted() throws Exception {
        String[] reply = {
            "SIP/2.0 200 OK",
            "Via: SIP/2.0/UDP 127.0.0.1:" + port + ";branch=z9hG4bK-sanity-proxy",
            "Via: SIP/2.0/UDP 127.0.0.1:" + phone.port() + ";branch=z9hG4bK-sanity-phone",
            "From: <sip:tester@127.0.0.1>;tag=t1",
            "To: <sip:nobody@127.0.0.1>;tag=n1",
            "Call-ID: sanity-reply",
            "CSeq: 1 OPTIONS",
        };
        callee.send(SipText.text(reply), port);
        SipResponse relayed = phone.answers.poll(5, TimeUnit.SECONDS);
        assertNotNull(relayed, "a sane stray reply is relayed by its second Via");
        assertEquals(1, relayed.vias().size(), "without the proxy's Via");

        for (String[] insane : new String[][] {SipText.with(reply, "CSeq:", "CSeq: one OPTIONS"),
                SipText.without(reply, "To:")}) {
            long errors = TestEngine.statistic(engine, "core:err_replies");
            long dropped = TestEngine.statistic(engine, "core:drop_replies");
            callee.send(SipText.text(insane), port);
            assertNull(phone.answers.poll(1500, TimeUnit.MILLISECONDS), "an insane reply is not relayed");
            TestEngine.awaitStatistic(engine, "core:err_replies", errors + 1, "no answer to wait for");
            TestEngine.awaitStatistic(engine, "core:drop_replies", dropped + 1, "no answer to wait for");
        }
    }
}
