package io.switchboard.engine.dlgs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.switchboard.actors.dlgs.DlgsState;
import io.switchboard.actors.dlgs.DlgsTable;
import io.switchboard.engine.config.ConfigLoader;
import io.switchboard.engine.proxy.SipText;
import io.switchboard.engine.route.FailureContext;
import io.switchboard.engine.route.ReplyContext;
import io.switchboard.engine.route.RequestContext;
import io.switchboard.engine.route.Route;
import io.switchboard.transport.message.SipRequest;
import io.switchboard.transport.message.SipResponse;
import java.time.Clock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Replies sent back move the tracked call on, as Kamailio's dlgs does on every reply going out. */
class DlgsRepliesTest {

    private final DlgsTable table = new DlgsTable(DlgsConfig.read(ConfigLoader.defaults().getConfig("switchboard")),
            Clock.systemUTC());
    private final SipRequest invite = SipText.request(SipText.INVITE);
    private boolean retry;
    private final Route route = new DlgsReplies(new Route() {
        @Override
        public void onRequest(RequestContext request) {
        }

        @Override
        public void onFailure(FailureContext failure) {
            if (retry) {
                failure.tRelay("sip:127.0.0.1:5090");
            }
        }
    }, table);

    @BeforeEach
    void track() {
        table.init(invite, "sip:alice@example.com", "sip:bob@example.com", "");
    }

    private SipResponse reply(int status) {
        return SipText.response("SIP/2.0 " + status + " Reason", "Via: SIP/2.0/UDP 192.0.2.10:5070;branch=z9hG4bK-inv-1",
                "From: <sip:alice@example.com>;tag=a1", "To: <sip:bob@example.com>;tag=b9", "Call-ID: call-1@192.0.2.10",
                "CSeq: 1 INVITE");
    }

    private ReplyContext relayed(SipResponse response) {
        return new ReplyContext() {
            @Override
            public SipResponse response() {
                return response;
            }

            @Override
            public SipRequest request() {
                return invite;
            }

            @Override
            public void drop() {
            }

            @Override
            public boolean dsLoadUpdate() {
                return false;
            }

            @Override
            public boolean dsLoadUnset() {
                return false;
            }
        };
    }

    private FailureContext failed(SipResponse response) {
        return new FailureContext() {
            private int branches = 1;

            @Override
            public SipRequest request() {
                return invite;
            }

            @Override
            public SipResponse response() {
                return response;
            }

            @Override
            public boolean isTimeout() {
                return false;
            }

            @Override
            public int branchCount() {
                return branches;
            }

            @Override
            public boolean tRelay() {
                return tRelay(null);
            }

            @Override
            public boolean tRelay(String destination) {
                branches++;
                return true;
            }

            @Override
            public String dstUri() {
                return null;
            }

            @Override
            public boolean dsNextDst() {
                return false;
            }

            @Override
            public boolean dsNextDomain() {
                return false;
            }

            @Override
            public boolean dsMarkDst(String state) {
                return false;
            }

            @Override
            public boolean dsLoadUnset() {
                return false;
            }
        };
    }

    private DlgsState state() {
        return table.records().get(0).state();
    }

    @Test
    void provisionalAndSuccessRepliesAreTrackedAsTheyAreRelayed() {
        route.onReply(relayed(reply(180)));
        assertEquals(DlgsState.PROGRESS, state());
        route.onReply(relayed(reply(200)));
        assertEquals(DlgsState.ANSWERED, state());
        assertEquals("b9", table.records().get(0).ttag());
    }

    @Test
    void aNegativeReplyEndsTheCallOnlyWhenTheFailureRouteTriesNoOtherBranch() {
        SipResponse busy = reply(503);
        route.onReply(relayed(busy));
        retry = true;
        route.onFailure(failed(busy));
        assertEquals(DlgsState.INIT, state(), "failed over: the call goes on");
        retry = false;
        route.onFailure(failed(busy));
        assertEquals(DlgsState.NOTANSWERED, state());
    }

    @Test
    void a487EndsTheCallAtOnceForTheCallWasCancelled() {
        route.onReply(relayed(reply(487)));
        assertEquals(DlgsState.NOTANSWERED, state());
    }
}
