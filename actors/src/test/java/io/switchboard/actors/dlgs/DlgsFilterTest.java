package io.switchboard.actors.dlgs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The field and operator of dlgs_count and dlgs.get (dlgs README §4.3). */
class DlgsFilterTest {

    private static final DlgsRecord RECORD = new DlgsRecord("c", "f", "", "r", "sip:alice@example.com",
            "sip:bob@example.org", "gw-1.example.net", DlgsState.INIT, 0, 0, 0, List.of());

    private static boolean matches(String field, String op, String value) {
        return DlgsFilter.of(field, op, value).matches(RECORD);
    }

    @Test
    void operators() {
        assertTrue(matches("src", "eq", "sip:alice@example.com"));
        assertFalse(matches("src", "eq", "SIP:alice@example.com"));
        assertTrue(matches("src", "ne", "sip:bob@example.org"));
        assertTrue(matches("dst", "sw", "sip:bob@"));
        assertTrue(matches("dst", "re", "EXAMPLE\\.ORG$"));
        assertTrue(matches("data", "fm", "gw-?.example.*"));
        assertTrue(matches("data", "fm", "gw-[0-9].example.net"));
        assertFalse(matches("data", "fm", "gw-[!0-9].example.net"));
        assertFalse(matches("data", "fm", "gw"), "fnmatch takes the whole value");
        assertTrue(matches("ANY", "ne", "whatever"));
        assertTrue(matches("src", "EQ", "sip:alice@example.com"), "names are case-insensitive");
    }

    @Test
    void unknownFieldsOperatorsAndBadExpressionsAreRefused() {
        assertEquals("unknown field 'from' (src, dst, data or any)",
                assertThrows(IllegalArgumentException.class, () -> DlgsFilter.of("from", "eq", "x")).getMessage());
        assertEquals("unknown operator 'lt' (eq, ne, re, sw or fm)",
                assertThrows(IllegalArgumentException.class, () -> DlgsFilter.of("src", "lt", "x")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> DlgsFilter.of("src", "re", "("));
    }
}
