package io.switchboard.transport.uri;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.transport.parse.SipParseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UriTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "sip:alice@atlanta.com           | SipUri      | sip",
        "SIP:alice@atlanta.com           | SipUri      | sip",
        "sIpS:alice@atlanta.com          | SipUri      | sips",
        "tel:+1-201-555-0123             | TelUri      | tel",
        "TEL:7042;phone-context=a.com    | TelUri      | tel",
        "http://example.com/             | AbsoluteUri | http",
        "sipx:alice@atlanta.com          | AbsoluteUri | sipx",
        "si:alice                        | AbsoluteUri | si",
        "telnet://example.com            | AbsoluteUri | telnet",
        "URN:service:sos                 | AbsoluteUri | urn",
    })
    void dispatchesOnTheSchemeIgnoringCase(String text, String type, String scheme)
            throws SipParseException {
        Uri uri = Uri.parse(text);
        assertEquals(type, uri.getClass().getSimpleName());
        assertEquals(scheme, uri.scheme());
        assertEquals(text, uri.toString());
        assertEquals(type.equals("SipUri"), uri.isSip());
        assertEquals(type.equals("TelUri"), uri.isTel());
    }

    @Test
    void typedAccessAfterATypeCheck() throws SipParseException {
        Uri uri = Uri.parse("sips:bob@biloxi.com:5071;transport=tls");
        assertTrue(uri.isSip());
        SipUri sip = assertInstanceOf(SipUri.class, uri);
        assertTrue(sip.secure());
        assertEquals(5071, sip.portOrDefault());
        assertEquals(Uri.parse("sips:bob@BILOXI.com:5071;transport=TLS"), uri);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "alice@atlanta.com        | URI: missing ':' after the scheme",
        "sip:alice@               | SIP URI: empty host",
        "sips:alice@h.com:70000   | SIP URI: port '70000' out of range",
        "tel:1234                 | TEL URI: local number '1234' has no phone-context",
        "http:                    | URI: nothing after the scheme",
    })
    void reportsTheErrorOfTheSchemesGrammar(String text, String expected) {
        SipParseException e = assertThrows(SipParseException.class, () -> Uri.parse(text));
        assertTrue(e.getMessage().startsWith(expected),
                () -> "'" + e.getMessage() + "' should start with '" + expected + "'");
    }

    @Test
    void nullAndEmptyAreRejected() {
        assertEquals("URI: empty",
                assertThrows(SipParseException.class, () -> Uri.parse(null)).getMessage());
        assertEquals("URI: empty",
                assertThrows(SipParseException.class, () -> Uri.parse("")).getMessage());
    }

    @Test
    void differentKindsAreNeverEqual() throws SipParseException {
        assertFalse(Uri.parse("tel:+1234").equals(Uri.parse("urn:tel:+1234")));
        assertFalse(Uri.parse("sip:a.com").equals(Uri.parse("sipx:a.com")));
    }
}
