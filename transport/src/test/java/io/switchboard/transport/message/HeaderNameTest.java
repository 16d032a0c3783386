package io.switchboard.transport.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HeaderNameTest {

    @Test
    void compactAndLongFormsAnyCaseAreTheSameConstant() {
        String[][] pairs = {
            {"i", "Call-ID"}, {"f", "From"}, {"t", "To"}, {"v", "Via"}, {"m", "Contact"}, {"l", "Content-Length"},
            {"c", "Content-Type"}, {"k", "Supported"}, {"s", "Subject"}, {"e", "Content-Encoding"},
            {"o", "Event"}, {"r", "Refer-To"}, {"b", "Referred-By"}, {"u", "Allow-Events"}, {"x", "Session-Expires"},
            {"a", "Accept-Contact"}, {"j", "Reject-Contact"}, {"d", "Request-Disposition"}, {"y", "Identity"},
            {"n", "Identity-Info"},
        };
        for (String[] pair : pairs) {
            HeaderName longForm = HeaderName.of(pair[1].toUpperCase());
            assertSame(longForm, HeaderName.of(pair[0]), pair[0]);
            assertSame(longForm, HeaderName.of(pair[0].toUpperCase()), pair[0]);
            byte[] bytes = ("x" + pair[1].toLowerCase() + "x").getBytes(StandardCharsets.US_ASCII);
            assertSame(longForm, HeaderName.of(bytes, 1, pair[1].length()), pair[1]);
            assertEquals(pair[1], longForm.name());
            assertEquals(pair[0].charAt(0), longForm.compactForm());
        }
    }

    @Test
    void unknownNamesCompareIgnoringCase() {
        HeaderName custom = HeaderName.of("X-Custom");
        assertEquals(custom, HeaderName.of("x-custom"));
        assertEquals(custom.hashCode(), HeaderName.of("X-CUSTOM").hashCode());
        assertNotSame(custom, HeaderName.of("X-Custom"));
        assertFalse(custom.isWellKnown());
        assertEquals("X-Custom", custom.name());
    }
}
