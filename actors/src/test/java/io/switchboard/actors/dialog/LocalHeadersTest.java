package io.switchboard.actors.dialog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LocalHeadersTest {

    @Test
    void kamailiosFormIsLinesEndingInCrlf() {
        assertEquals(List.of("Hint: credit expired", "X-Reason: ops"),
                LocalHeaders.parse("Hint: credit expired\r\nX-Reason:ops\r\n"));
        assertEquals(List.of("TH: dlh"), LocalHeaders.parse("TH: dlh\n"));
        assertTrue(LocalHeaders.parse("").isEmpty());
        assertTrue(LocalHeaders.parse(null).isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"no colon here", "Bad Name: x", ": empty name", "CSeq: 9 BYE", "call-id: x", "Via: SIP/2.0/UDP h"})
    void aLineThatIsNoHeaderOrNamesTheBuildersOwnIsRefused(String line) {
        assertThrows(IllegalArgumentException.class, () -> LocalHeaders.parse("Hint: ok\r\n" + line + "\r\n"));
    }

    @Test
    void theCalleesLinesGoOnlyToTheCalleeAndExtraLinesToBoth() {
        LocalHeaders headers = new LocalHeaders(List.of("Hint: a"), List.of("TH: dlh")).with(List.of("X-Op: end"));
        assertEquals(List.of("Hint: a", "X-Op: end"), headers.to(Side.CALLER));
        assertEquals(List.of("Hint: a", "X-Op: end", "TH: dlh"), headers.to(Side.CALLEE));
    }
}
