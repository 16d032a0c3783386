package io.switchboard.transport.uri;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.transport.parse.SipParseException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TelUriTest {

    private static TelUri tel(String text) throws SipParseException {
        return TelUri.parse(text);
    }

    @Test
    void globalNumberKeepsItsSeparators() throws SipParseException {
        TelUri uri = tel("tel:+1-201-555-0123");
        assertEquals("tel", uri.scheme());
        assertTrue(uri.isTel());
        assertFalse(uri.isSip());
        assertTrue(uri.global());
        assertEquals("+1-201-555-0123", uri.number());
        assertEquals("+12015550123", uri.digits());
        assertNull(uri.phoneContext());
        assertTrue(uri.parameters().isEmpty());
    }

    @Test
    void localNumberWithDomainContext() throws SipParseException {
        TelUri uri = tel("tel:7042;phone-context=example.com");
        assertFalse(uri.global());
        assertEquals("7042", uri.number());
        assertEquals("example.com", uri.phoneContext());
    }

    @Test
    void localNumberWithGlobalNumberContextAndDialStrings() throws SipParseException {
        assertEquals("+1-914-555", tel("tel:863-1234;phone-context=+1-914-555").phoneContext());
        assertEquals("*69", tel("tel:*69;phone-context=example.com").number());
        assertEquals("#31#", tel("tel:#31#;phone-context=example.com").number());
        assertEquals("0AB(1)", tel("tel:0AB(1);phone-context=example.com").number());
    }

    @Test
    void parametersAreOrderedCaseInsensitiveAndUnescaped() throws SipParseException {
        TelUri uri = tel("tel:+1-201-555-0123;EXT=1234;isub=8a:b?c;Foo=a%20b;flag");
        assertEquals("1234", uri.parameter("ext"));
        assertEquals("8a:b?c", uri.parameter("ISUB"));
        assertEquals("a b", uri.parameter("foo"));
        assertEquals("", uri.parameter("flag"));
        assertTrue(uri.hasParameter("FLAG"));
        assertFalse(uri.hasParameter("phone-context"));
        assertNull(uri.parameter("nope"));
        assertEquals(List.of("EXT", "isub", "Foo", "flag"), List.copyOf(uri.parameters().keySet()));
        assertEquals(Map.of("EXT", "1234", "isub", "8a:b?c", "Foo", "a b", "flag", ""),
                uri.parameters());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "tel:+1-201-555-0123",
        "TEL:+1.201.555.0123;ext=22",
        "tel:7042;phone-context=EXAMPLE.com;x=%41",
        "tel:+358-555-1234567;postd=pp22",
    })
    void toStringIsTheParsedTextExactly(String text) throws SipParseException {
        assertEquals(text, tel(text).toString());
    }

    @ParameterizedTest(name = "{0} == {1}")
    @CsvSource(delimiter = '|', value = {
        "tel:+1-201-555-0123 | tel:+1.201.555.0123",
        "tel:+1-201-555-0123 | TEL:+1(201)5550123",
        "tel:+1-201-555-0123;ext=1-2 | tel:+12015550123;EXT=12",
        "tel:+1234;a=1;b=2 | tel:+1234;b=2;a=1",
        "tel:+1234;x=ABC | tel:+1234;X=abc",
        "tel:+1234;x=%41 | tel:+1234;x=a",
        "tel:7042;phone-context=example.com | tel:7042;phone-context=EXAMPLE.COM",
        "tel:863-1234;phone-context=+1-914-555 | tel:8631234;phone-context=+1914555",
        "tel:0ab;phone-context=example.com | tel:0AB;phone-context=example.com",
    })
    void equivalentByRfc3966Section4(String a, String b) throws SipParseException {
        TelUri x = tel(a);
        TelUri y = tel(b);
        assertTrue(x.equivalent(y));
        assertTrue(y.equivalent(x));
        assertEquals(x, y);
        assertEquals(x.hashCode(), y.hashCode());
    }

    @ParameterizedTest(name = "{0} != {1}")
    @CsvSource(delimiter = '|', value = {
        "tel:+1234 | tel:+1235",
        "tel:+1234 | tel:1234;phone-context=+1",
        "tel:+1234 | tel:+1234;ext=1",
        "tel:+1234;x | tel:+1234;x=1",
        "tel:+1234;x=1 | tel:+1234;y=1",
        "tel:7042;phone-context=example.com | tel:7042;phone-context=example.net",
        "tel:7042;phone-context=example.com | tel:7042;phone-context=examplec.om",
    })
    void notEquivalent(String a, String b) throws SipParseException {
        TelUri x = tel(a);
        TelUri y = tel(b);
        assertFalse(x.equivalent(y));
        assertFalse(y.equivalent(x));
        assertNotEquals(x, y);
    }

    @Test
    void isNotEqualToASipUriOfTheSameNumber() throws SipParseException {
        assertNotEquals(tel("tel:+1234"), Uri.parse("sip:+1234@gw.example.com;user=phone"));
        assertFalse(tel("tel:+1234").equivalent(null));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "tel:                                | empty number",
        "tel:+                               | global number has no digits after '+'",
        "tel:+--                             | global number has no digits",
        "tel:1234                            | local number '1234' has no phone-context",
        "tel:1234;ext=5                      | has no phone-context",
        "tel:+12a4                           | illegal character 'a' at index 7 in global number",
        "tel:12g4;phone-context=example.com  | illegal character 'g' at index 6 in local number",
        "tel:+1 234                          | illegal character U+0020",
        "tel:+1234;ext=abc                   | ext 'abc' is not a number",
        "tel:+1234;ext                       | ext '' is not a number",
        "tel:1;phone-context=1.2.3.4         | phone-context '1.2.3.4' is neither a domain name nor a global number",
        "tel:1;phone-context=+               | phone-context '+' is not a global number",
        "tel:1;phone-context=exa_mple.com    | illegal character '_' in phone-context",
        "tel:1;phone-context                 | phone-context without a value",
        "tel:+1234;ext=1;EXT=2               | parameter 'EXT' appears more than once",
        "tel:+1234;=x                        | empty parameter name",
        "tel:+1234;x=                        | parameter 'x' has '=' but no value",
        "tel:+1234;na_me=1                   | illegal character '_' at index 12 in parameter name",
        "tel:+1234;x=%4                      | bad escape '%4'",
        "sip:+1234@example.com               | scheme 'sip' is not tel",
        "+1234                               | missing ':' after the scheme",
    })
    void badInputIsRejectedWithAMessageSayingWhy(String text, String expected) {
        SipParseException e = assertThrows(SipParseException.class, () -> tel(text));
        assertTrue(e.getMessage().startsWith("TEL URI: "), e.getMessage());
        assertTrue(e.getMessage().contains(expected),
                () -> "'" + e.getMessage() + "' should contain '" + expected + "'");
    }
}
