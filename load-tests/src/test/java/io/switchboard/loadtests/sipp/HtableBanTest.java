package io.switchboard.loadtests.sipp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.switchboard.engine.Engine;
import io.switchboard.engine.config.ConfigLoader;
import io.switchboard.transport.net.Transport;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The built-in route's ban rule ({@code switchboard.proxy.ipban}, the seed's ipban table) against
 * SIPp: a caller sends OPTIONS past the threshold; the first {@value #ALLOWED} reach the callee,
 * the rest are answered 403 by the proxy, and the ban is in the table.
 */
class HtableBanTest {

    private static final int ALLOWED = 5;
    private static final int SENT = 12;

    private Engine engine;
    private Sipp uas;
    private Sipp uac;

    @BeforeAll
    static void sippIsThere() {
        Sipp.assumeInstalled();
    }

    @AfterEach
    void stop() {
        for (Sipp sipp : new Sipp[] {uac, uas}) {
            if (sipp != null) {
                sipp.stop();
            }
        }
        engine.stop().toCompletableFuture().join();
    }

    @Test
    void optionsPastTheThresholdAreAnswered403() throws Exception {
        engine = Engine.start(ConfigLoader.parse("""
                switchboard {
                  listen = ["udp:127.0.0.1:0"]
                  rpc.listen = "127.0.0.1:0"
                  shutdown-timeout = 1s
                  htable.tables = ["ipban=>size=8;autoexpire=300", "ipcount=>size=8;autoexpire=60;updateexpire=0;initval=0"]
                  proxy.ipban { table = ipban, count-table = ipcount, requests = %d }
                }
                """.formatted(ALLOWED)));
        int proxy = engine.listeners().stream().filter(l -> l.transport() == Transport.UDP).findFirst().orElseThrow()
                .port();
        int uasPort = Sipp.freePort();
        uas = Sipp.uas("uas-options.xml", uasPort, ALLOWED).start(30);
        uac = Sipp.uac("uac-options.xml", Sipp.freePort(), proxy, "127.0.0.1:" + uasPort, SENT, 20).start(30);
        assertEquals(0, uac.await(40), uac::output);
        assertEquals(0, uas.await(30), uas::output);

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (engine.counters().receivedRequests() < SENT && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(ALLOWED, engine.counters().forwardedRequests(), "the first five reached the callee");
        assertEquals("sl:403_replies = " + (SENT - ALLOWED),
                Rpc.result(engine, "stats.get_statistics", "sl:403_replies").get(0).asText());
        assertEquals(1, Rpc.result(engine, "htable.get", "ipban", "127.0.0.1").get("item").get("value").asInt());
    }
}
