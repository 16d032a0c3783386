package io.switchboard.transport.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.switchboard.transport.header.NameAddress;
import io.switchboard.transport.message.HeaderField;
import io.switchboard.transport.message.SipFramer;
import io.switchboard.transport.message.SipMessage;
import io.switchboard.transport.message.SipRequest;
import io.switchboard.transport.parse.SipLimits;
import io.switchboard.transport.parse.SipParseException;

/**
 * Fuzzes the framer and every typed header parser with Jazzer: whatever bytes arrive, the only
 * exception allowed out is {@link SipParseException}. Runs in the regular suite, bounded by
 * {@code maxDuration}; the seed corpus sits in {@code SipParserFuzzTestInputs} beside it, and a
 * crashing input Jazzer finds is written there as a regression case.
 */
class SipParserFuzzTest {

    private static final SipFramer FRAMER = new SipFramer(new SipLimits(8192, 64, 2048));

    @FuzzTest(maxDuration = "40s")
    void parserRejectsBadInputOnlyWithParseErrors(byte[] data) {
        SipMessage message;
        try {
            message = FRAMER.frame(data);
        } catch (SipParseException expected) {
            return;
        }
        message.encode();
        for (HeaderField field : message.headers()) {
            field.value();
        }
        try {
            if (message instanceof SipRequest request) {
                request.requestUri();
            }
            message.validate();
            for (NameAddress contact : message.contacts()) {
                contact.toString();
            }
            message.topVia().withReceived("192.0.2.1").withRport(5060).toString();
            message.toBuilder().removeFirstValue(io.switchboard.transport.message.HeaderName.VIA).build().encode();
        } catch (SipParseException expected) {
            // a parse error is the answer bad input deserves
        }
    }
}
