package io.switchboard.actors.dlgs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.switchboard.actors.htable.ManualClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The dlgs functions as a route calls them on one request each (dlgs README §4). */
class DlgsFunctionsTest {

    private final DlgsTable table = new DlgsTable(new DlgsSettings(Duration.ofSeconds(10800), Duration.ofSeconds(180),
            Duration.ofSeconds(10), Duration.ofSeconds(30)), new ManualClock(1_700_000_000_000L));

    private int countFrom(String src) {
        return new DlgsFunctions(table, new CallMessages("probe").invite()).count("src", "eq", src);
    }

    /** dlgs_update(src) (§4.2) moves the call as dlgs_update() does; src changes neither the record nor counts. */
    @Test
    void updateWithASourceMovesTheCallAndKeepsItsSource() {
        CallMessages call = new CallMessages("c1");
        new DlgsFunctions(table, call.invite()).init("sip:alice@example.com", "sip:bob@example.com", "");
        table.update(call.reply(200));

        new DlgsFunctions(table, call.ack()).update("sip:mallory@example.com");
        DlgsRecord record = table.records().get(0);
        assertEquals(DlgsState.CONFIRMED, record.state(), "the ACK confirmed the call");
        assertEquals("sip:alice@example.com", record.src());
        assertEquals(1, countFrom("sip:alice@example.com"));
        assertEquals(0, countFrom("sip:mallory@example.com"));

        new DlgsFunctions(table, call.bye()).update("sip:mallory@example.com");
        assertEquals(DlgsState.TERMINATED, table.records().get(0).state(), "the BYE ended the call");
        assertEquals(0, countFrom("sip:alice@example.com"));
    }
}
