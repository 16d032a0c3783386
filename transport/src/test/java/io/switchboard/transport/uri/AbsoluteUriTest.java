package io.switchboard.transport.uri;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.transport.parse.SipParseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AbsoluteUriTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "http://www.example.com/alice/photo.jpg?size=2#top | http | //www.example.com/alice/photo.jpg?size=2#top",
        "urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6      | urn  | uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6",
        "mailto:alice@atlanta.com                          | mailto | alice@atlanta.com",
        "HTTPS://[2001:db8::1]:8443/a%20b                  | https | //[2001:db8::1]:8443/a%20b",
        "im:fred@example.com                               | im   | fred@example.com",
        "z39.50r+x-y:thing                                 | z39.50r+x-y | thing",
    })
    void keepsSchemeAndRestAndTheTextExactly(String text, String scheme, String rest)
            throws SipParseException {
        AbsoluteUri uri = AbsoluteUri.parse(text);
        assertEquals(scheme, uri.scheme());
        assertEquals(rest, uri.schemeSpecificPart());
        assertEquals(text, uri.toString());
        assertFalse(uri.isSip());
        assertFalse(uri.isTel());
    }

    @Test
    void equalWhenSchemesMatchIgnoringCaseAndRestsMatchExactly() throws SipParseException {
        AbsoluteUri a = AbsoluteUri.parse("HTTP://example.com/x");
        AbsoluteUri b = AbsoluteUri.parse("http://example.com/x");
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, AbsoluteUri.parse("http://example.com/X"));
        assertNotEquals(a, AbsoluteUri.parse("http://example.com/x/"));
        assertNotEquals(a, AbsoluteUri.parse("https://example.com/x"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "http:                    | nothing after the scheme 'http:'",
        "http://a b               | illegal character U+0020 at index 8",
        "http://a/<b>             | illegal character '<'",
        "http://a/\"b\"           | illegal character '\"'",
        "http://a/%zz             | bad escape '%zz'",
        "1http:x                  | scheme must start with a letter, found '1'",
        "ht_tp:x                  | illegal character '_' at index 2 in scheme",
        ":x                       | empty scheme before ':'",
        "www.example.com          | missing ':' after the scheme",
    })
    void badInputIsRejectedWithAMessageSayingWhy(String text, String expected) {
        SipParseException e = assertThrows(SipParseException.class, () -> AbsoluteUri.parse(text));
        assertTrue(e.getMessage().startsWith("URI: "), e.getMessage());
        assertTrue(e.getMessage().contains(expected),
                () -> "'" + e.getMessage() + "' should contain '" + expected + "'");
    }

    @Test
    void controlCharactersAreRejected() {
        assertThrows(SipParseException.class, () -> AbsoluteUri.parse("http://a\tb"));
        assertThrows(SipParseException.class, () -> AbsoluteUri.parse("http://a\r\nb"));
        assertThrows(SipParseException.class, () -> AbsoluteUri.parse("http://\u00e9.com"));
    }
}
