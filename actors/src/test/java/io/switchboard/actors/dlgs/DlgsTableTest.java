package io.switchboard.actors.dlgs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.actors.htable.ManualClock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Stateless call tracking: Kamailio's dlgs states, counts, tags and lifetimes, time moved by hand. */
class DlgsTableTest {

    /** Kamailio's active_lifetime, init_lifetime, finish_lifetime and timer_interval. */
    private static final DlgsSettings KAMAILIO_DEFAULTS = new DlgsSettings(Duration.ofSeconds(10800),
            Duration.ofSeconds(180), Duration.ofSeconds(10), Duration.ofSeconds(30));

    private final ManualClock clock = new ManualClock(1_700_000_000_000L);
    private final DlgsTable table = new DlgsTable(KAMAILIO_DEFAULTS, clock);

    private DlgsState state(String callId) {
        return table.find(DlgsFilter.of("any", "eq", "*"), 0).stream().filter(r -> r.callId().equals(callId))
                .findFirst().map(DlgsRecord::state).orElse(null);
    }

    private CallMessages call(String callId, String src) {
        CallMessages call = new CallMessages(callId);
        assertTrue(table.init(call.invite(), src, "sip:bob@example.com", "data-" + callId));
        return call;
    }

    @Test
    void anAnsweredCallGoesThroughEveryState() {
        CallMessages call = call("c1", "sip:alice@example.com");
        assertEquals(DlgsState.INIT, state("c1"));
        table.update(call.reply(180));
        assertEquals(DlgsState.PROGRESS, state("c1"));
        clock.advance(Duration.ofSeconds(3));
        table.update(call.reply(200));
        DlgsRecord answered = table.records().get(0);
        assertEquals(DlgsState.ANSWERED, answered.state());
        assertEquals("b1", answered.ttag(), "the To tag of the 2xx");
        assertEquals("a1", answered.ftag());
        assertEquals(clock.millis(), answered.tsAnswer());
        table.update(call.ack());
        assertEquals(DlgsState.CONFIRMED, state("c1"));
        table.update(call.bye());
        assertEquals(DlgsState.TERMINATED, state("c1"));
    }

    @Test
    void cancelAndNegativeRepliesEndACallUnanswered() {
        CallMessages cancelled = call("c1", "a");
        table.update(cancelled.reply(180));
        table.update(cancelled.cancel());
        assertEquals(DlgsState.NOTANSWERED, state("c1"));
        CallMessages busy = call("c2", "a");
        table.update(busy.reply(486));
        assertEquals(DlgsState.NOTANSWERED, state("c2"));
        table.update(busy.reply(200));
        assertEquals(DlgsState.NOTANSWERED, state("c2"), "no way back from an end");
    }

    @Test
    void messagesOutOfOrderChangeNothing() {
        CallMessages call = call("c1", "a");
        table.update(call.ack());
        table.update(call.bye());
        assertEquals(DlgsState.INIT, state("c1"));
        table.update(new CallMessages("unknown").bye());
        assertEquals(1, table.records().size());
    }

    @Test
    void initOfAKnownCallIdKeepsTheRecordAndInitOfAReplyTracksIt() {
        CallMessages call = call("c1", "first");
        assertTrue(table.init(call.invite(), "second", "", ""));
        assertEquals("first", table.records().get(0).src());
        CallMessages fromReply = new CallMessages("c2");
        assertTrue(table.init(fromReply.reply(180), "r", "d", ""));
        assertEquals(DlgsState.PROGRESS, state("c2"));
        assertTrue(table.init(call.reply(200), "ignored", "", ""), "not an INVITE: an update");
        assertEquals(DlgsState.ANSWERED, state("c1"));
    }

    @Test
    void countsTakeOngoingCallsByFieldAndOperator() {
        call("c1", "sip:alice@example.com");
        call("c2", "sip:alice@example.com");
        CallMessages ended = call("c3", "sip:alice@example.com");
        call("c4", "sip:bob@example.org");
        table.update(ended.reply(603));
        assertEquals(3, table.count(DlgsFilter.of("any", "eq", "*")));
        assertEquals(2, table.count(DlgsFilter.of("src", "eq", "sip:alice@example.com")), "c3 has ended");
        assertEquals(1, table.count(DlgsFilter.of("src", "ne", "sip:alice@example.com")));
        assertEquals(3, table.count(DlgsFilter.of("src", "sw", "sip:")));
        assertEquals(2, table.count(DlgsFilter.of("src", "re", "ALICE@")));
        assertEquals(1, table.count(DlgsFilter.of("src", "fm", "*@example.org")));
        assertEquals(1, table.count(DlgsFilter.of("data", "eq", "data-c1")));
        assertEquals(3, table.count(DlgsFilter.of("dst", "eq", "sip:bob@example.com")));
        assertEquals(0, table.count(DlgsFilter.of("src", "eq", "nobody")));
    }

    @Test
    void tagsAreCountedOnOngoingCalls() {
        CallMessages one = call("c1", "a");
        CallMessages two = call("c2", "a");
        assertTrue(table.tagsAdd(one.invite(), "gw1"));
        assertTrue(table.tagsAdd(two.invite(), "gw1"));
        assertTrue(table.tagsAdd(two.invite(), "vip"));
        assertEquals(2, table.tagsCount("gw1"));
        assertTrue(table.tagsRm(two.invite(), "gw1"));
        assertEquals(1, table.tagsCount("gw1"));
        table.update(one.cancel());
        assertEquals(0, table.tagsCount("gw1"));
        assertFalse(table.tagsAdd(new CallMessages("nope").invite(), "x"));
    }

    @Test
    void theSweepRemovesRecordsPastTheirLifetimeAndCountsThemByState() {
        CallMessages unanswered = call("c1", "a");
        CallMessages confirmed = call("c2", "a");
        table.update(confirmed.reply(200));
        table.update(confirmed.ack());
        CallMessages ended = call("c3", "a");
        table.update(ended.reply(200));
        table.update(ended.ack());
        table.update(ended.bye());

        clock.advance(Duration.ofSeconds(10));
        table.sweep();
        assertEquals(3, table.records().size(), "finish_lifetime 10 s not yet past");
        clock.advance(Duration.ofMillis(1));
        table.sweep();
        assertEquals(2, table.records().size());
        assertEquals(1, table.removed(DlgsState.TERMINATED));

        clock.advance(Duration.ofSeconds(170));
        table.sweep();
        assertEquals(List.of("c2"), table.records().stream().map(DlgsRecord::callId).toList(),
                "init_lifetime 180 s removed the call never answered");
        assertEquals(1, table.removed(DlgsState.INIT));
        assertEquals(0, table.active(DlgsState.INIT));
        assertNull(state("c1"));
        table.update(unanswered.reply(200));
        assertEquals(1, table.records().size(), "a late reply does not bring it back");

        clock.advance(Duration.ofSeconds(10800 - 180).minusMillis(1));
        table.sweep();
        assertEquals(1, table.records().size(), "active_lifetime 10800 s counts from the answer");
        clock.advance(Duration.ofMillis(1));
        table.sweep();
        assertEquals(List.of(), table.records());
        assertEquals(1, table.removed(DlgsState.CONFIRMED));
        assertEquals(0, table.active(DlgsState.CONFIRMED));
    }

    @Test
    void activeCountsFollowEveryChange() {
        CallMessages call = call("c1", "a");
        assertEquals(1, table.active(DlgsState.INIT));
        table.update(call.reply(183));
        table.update(call.reply(180));
        assertEquals(0, table.active(DlgsState.INIT));
        assertEquals(1, table.active(DlgsState.PROGRESS));
        table.update(call.reply(200));
        table.update(call.ack());
        assertEquals(1, table.active(DlgsState.CONFIRMED));
        assertEquals(0, table.active(DlgsState.ANSWERED));
    }

    @Test
    void findTakesFinishedRecordsTooUpToTheLimit() {
        call("c1", "x");
        CallMessages ended = call("c2", "x");
        table.update(ended.cancel());
        assertEquals(2, table.find(DlgsFilter.of("src", "eq", "x"), 0).size());
        assertEquals(1, table.find(DlgsFilter.of("src", "eq", "x"), 1).size());
    }
}
