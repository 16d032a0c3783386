package io.switchboard.loadtests.sipp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.engine.management.Chromium;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live page (issue 7) in headless Chromium while SIPp places and holds a call: the built-in
 * proxy route tracks the dialog and dispatches it to set 1, whose one gateway is a SIPp UAS that
 * rings for {@link #RING_MILLIS}, then answers; the SIPp UAC holds the call {@link #HOLD_MILLIS}
 * and sends BYE. The page, opened before the call and never reloaded, shows the gateway active,
 * then the call from SIPp's From to its To ringing, then in conversation at the gateway with its
 * duration counting, and drops the row once the BYE has ended the call.
 */
class LiveViewCallsTest extends SippCalls {

    private static final int RING_MILLIS = 6000;
    private static final int HOLD_MILLIS = 8000;
    /** The longest wait for the page to show a change; the feed takes a second, a loaded machine more. */
    private static final Duration WAIT = Duration.ofSeconds(30);
    /**
     * Defines {@code liveCall()} in the page: the one call row as {column header: cell text}, null
     * when the table shows no call, the number of rows when more than one. Its presence at the end
     * tells that the page was not reloaded.
     */
    private static final String LIVE_CALL = "window.liveCall = () => {"
            + " const rows = document.querySelectorAll('#calls tbody tr[data-call-id]');"
            + " if (rows.length !== 1) return rows.length ? rows.length : null;"
            + " const names = [...document.querySelectorAll('#calls thead th')].map(th => th.innerText);"
            + " return Object.fromEntries([...rows[0].cells].map((td, i) => [names[i], td.innerText])); }";

    @TempDir
    Path dir;

    @Test
    void chromiumShowsTheSippCallRingingThenInConversationAndDropsItAfterTheBye() throws Exception {
        Chromium.assumeInstalled();
        int uasPort = Sipp.freePort();
        String gateway = "sip:127.0.0.1:" + uasPort;
        Path list = Files.writeString(dir.resolve("dispatcher.list"), "1 " + gateway + "\n");
        int proxy = startEngine("""
                dialog.enable = true
                proxy { dispatch-set = 1, dispatch-alg = 4 }
                dispatcher { list-file = "%s", flags = 2, ds-ping-interval = 0 }
                """.formatted(list));

        try (Chromium browser = new Chromium(engine.management().url() + "/live")) {
            browser.await("document.querySelector('#gateways tr[data-uri=\"" + gateway + "\"]') !== null"
                    + " && document.querySelector('#calls tbody').innerText.includes('no calls in progress')", WAIT);
            assertTrue(browser.evaluate("document.querySelector('#gateways tr[data-uri=\"" + gateway + "\"]')"
                    + ".cells[2].innerText").asText().startsWith("A"), "the gateway is active");
            browser.evaluate(LIVE_CALL);

            int uacPort = Sipp.freePort();
            Sipp uas = peer(Sipp.uas("uas-ring-answer.xml", uasPort, 1).pausing(RING_MILLIS), 90);
            Sipp uac = peer(Sipp.uac("uac.xml", uacPort, proxy, "gw.example.com", 1, 1, HOLD_MILLIS), 90);

            browser.await("liveCall() !== null && liveCall().State === 'ringing'", WAIT);
            JsonNode ringing = browser.evaluate("liveCall()");
            assertEquals("sip:sipp@127.0.0.1:" + uacPort, ringing.path("Caller").asText(), ringing::toString);
            assertEquals("sip:bob@gw.example.com", ringing.path("Callee").asText(), ringing::toString);

            browser.await("liveCall() !== null && liveCall().State === 'in conversation'", WAIT);
            JsonNode answered = browser.evaluate("liveCall()");
            assertEquals(ringing.path("Call-ID"), answered.path("Call-ID"), "the same call");
            assertTrue(answered.path("Destination").asText().contains("sip:127.0.0.1:" + uasPort),
                    () -> "the gateway that answered: " + answered);
            browser.await("liveCall() !== null && /^0:(0[2-9]|[1-5][0-9])$/.test(liveCall().Duration)", WAIT);

            browser.await("liveCall() === null"
                    + " && document.querySelector('#calls tbody').innerText.includes('no calls in progress')",
                    WAIT.plusMillis(HOLD_MILLIS));
            assertEquals(0, uac.await(60), uac::output);
            assertEquals(0, uas.await(60), uas::output);
            assertEquals("function", browser.evaluate("typeof window.liveCall").asText(), "the page was not reloaded");
        }
    }
}
