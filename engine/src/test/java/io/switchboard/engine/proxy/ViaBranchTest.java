package io.switchboard.engine.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.transport.message.SipRequest;
import org.junit.jupiter.api.Test;

/** The branch of the Via this proxy adds (RFC 3261 §16.6 step 8, §16.11). */
class ViaBranchTest {

    private static final String[] INVITE = SipText.INVITE;

    private static final String[] CANCEL = {
        "CANCEL sip:bob@192.0.2.20:5080 SIP/2.0",
        "Via: SIP/2.0/UDP 192.0.2.10:5070;branch=z9hG4bK-inv-1",
        "Max-Forwards: 70",
        "From: <sip:alice@example.com>;tag=a1",
        "To: <sip:bob@example.com>",
        "Call-ID: call-1@192.0.2.10",
        "CSeq: 1 CANCEL",
    };

    /** The ACK for a non-2xx response: same branch as the INVITE, To tag of the response (§17.1.1.3). */
    private static final String[] ACK = {
        "ACK sip:bob@192.0.2.20:5080 SIP/2.0",
        "Via: SIP/2.0/UDP 192.0.2.10:5070;branch=z9hG4bK-inv-1",
        "Max-Forwards: 70",
        "From: <sip:alice@example.com>;tag=a1",
        "To: <sip:bob@example.com>;tag=b1",
        "Call-ID: call-1@192.0.2.10",
        "CSeq: 1 ACK",
    };

    @Test
    void startsWithTheMagicCookieAndEndsWithTheIndex() throws Exception {
        String branch = ViaBranch.of(SipText.request(INVITE), 3);
        assertTrue(branch.startsWith("z9hG4bK"), branch);
        assertTrue(branch.endsWith(".3"), branch);
    }

    @Test
    void retransmissionGetsTheSameBranch() throws Exception {
        assertEquals(ViaBranch.of(SipText.request(INVITE), 0), ViaBranch.of(SipText.request(INVITE), 0));
    }

    @Test
    void cancelGetsTheInvitesBranch() throws Exception {
        assertEquals(ViaBranch.of(SipText.request(INVITE), 0), ViaBranch.of(SipText.request(CANCEL), 0));
        assertEquals(ViaBranch.of(SipText.request(INVITE), 1), ViaBranch.of(SipText.request(CANCEL), 1));
    }

    @Test
    void ackToNonSuccessGetsTheInvitesBranch() throws Exception {
        assertEquals(ViaBranch.of(SipText.request(INVITE), 0), ViaBranch.of(SipText.request(ACK), 0));
    }

    @Test
    void otherIndexGivesAnotherBranch() throws Exception {
        SipRequest invite = SipText.request(INVITE);
        assertNotEquals(ViaBranch.of(invite, 0), ViaBranch.of(invite, 1));
    }

    @Test
    void otherTopViaBranchGivesAnotherBranch() throws Exception {
        SipRequest other = SipText.request(SipText.with(INVITE, "Via:",
                "Via: SIP/2.0/UDP 192.0.2.10:5070;branch=z9hG4bK-inv-2"));
        assertNotEquals(ViaBranch.of(SipText.request(INVITE), 0), ViaBranch.of(other, 0));
    }

    @Test
    void otherMethodWithTheSameTopBranchGivesAnotherBranch() throws Exception {
        SipRequest options = SipText.request(SipText.with(SipText.with(INVITE, "INVITE",
                "OPTIONS sip:bob@192.0.2.20:5080 SIP/2.0"), "CSeq:", "CSeq: 1 OPTIONS"));
        assertNotEquals(ViaBranch.of(SipText.request(INVITE), 0), ViaBranch.of(options, 0));
    }

    @Test
    void rfc2543BranchWithoutCookieIsDeterministic() throws Exception {
        String[] invite = SipText.with(INVITE, "Via:", "Via: SIP/2.0/UDP 192.0.2.10:5070;branch=1234");
        String[] cancel = SipText.with(CANCEL, "Via:", "Via: SIP/2.0/UDP 192.0.2.10:5070;branch=1234");
        String branch = ViaBranch.of(SipText.request(invite), 0);
        assertTrue(branch.startsWith("z9hG4bK"), branch);
        assertEquals(branch, ViaBranch.of(SipText.request(invite), 0));
        assertEquals(branch, ViaBranch.of(SipText.request(cancel), 0));
    }

    @Test
    void rfc2543RequestWithoutBranchIsDeterministic() throws Exception {
        String[] invite = SipText.with(INVITE, "Via:", "Via: SIP/2.0/UDP 192.0.2.10:5070");
        String[] cancel = SipText.with(CANCEL, "Via:", "Via: SIP/2.0/UDP 192.0.2.10:5070");
        String branch = ViaBranch.of(SipText.request(invite), 0);
        assertTrue(branch.startsWith("z9hG4bK"), branch);
        assertEquals(branch, ViaBranch.of(SipText.request(invite), 0));
        assertEquals(branch, ViaBranch.of(SipText.request(cancel), 0));
        assertNotEquals(branch, ViaBranch.of(SipText.request(invite), 1));
    }

    @Test
    void rfc2543RequestsOfAnotherTransactionDiffer() throws Exception {
        String[] first = SipText.with(INVITE, "Via:", "Via: SIP/2.0/UDP 192.0.2.10:5070");
        String[] second = SipText.with(first, "CSeq:", "CSeq: 2 INVITE");
        assertNotEquals(ViaBranch.of(SipText.request(first), 0), ViaBranch.of(SipText.request(second), 0));
    }
}
