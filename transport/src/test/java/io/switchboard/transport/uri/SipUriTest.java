package io.switchboard.transport.uri;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.transport.parse.SipParseException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SipUriTest {

    private static SipUri sip(String text) throws SipParseException {
        return SipUri.parse(text);
    }

    @Nested
    class Components {

        @Test
        void userPasswordHostPortParametersAndHeaders() throws SipParseException {
            SipUri uri = sip("sip:alice:secretword@atlanta.com:5070;transport=tcp;lr?subject=x&priority=urgent");
            assertEquals("sip", uri.scheme());
            assertFalse(uri.secure());
            assertTrue(uri.isSip());
            assertFalse(uri.isTel());
            assertEquals("alice", uri.user());
            assertEquals("alice", uri.rawUser());
            assertEquals("secretword", uri.password());
            assertEquals("atlanta.com", uri.host());
            assertEquals(HostType.HOSTNAME, uri.hostType());
            assertEquals(5070, uri.port());
            assertEquals(5070, uri.portOrDefault());
            assertEquals("tcp", uri.transport());
            assertTrue(uri.isLooseRouter());
            assertEquals(Map.of("transport", "tcp", "lr", ""), uri.parameters());
            assertEquals(List.of("subject", "priority"), List.copyOf(uri.headers().keySet()));
            assertEquals("urgent", uri.header("Priority"));
        }

        @Test
        void minimalUriHasNoUserPortParametersOrHeaders() throws SipParseException {
            SipUri uri = sip("sip:atlanta.com");
            assertNull(uri.user());
            assertNull(uri.rawUser());
            assertNull(uri.password());
            assertEquals(-1, uri.port());
            assertEquals(5060, uri.portOrDefault());
            assertTrue(uri.parameters().isEmpty());
            assertTrue(uri.headers().isEmpty());
            assertNull(uri.transport());
            assertNull(uri.maddr());
            assertNull(uri.userParam());
            assertEquals(-1, uri.ttl());
            assertFalse(uri.isLooseRouter());
            assertNull(uri.header("subject"));
        }

        @Test
        void sipsSchemeIsSecureWithDefaultPort5061() throws SipParseException {
            SipUri uri = sip("SIPS:1212@gateway.com");
            assertTrue(uri.secure());
            assertEquals("sips", uri.scheme());
            assertEquals(-1, uri.port());
            assertEquals(5061, uri.portOrDefault());
            assertEquals("1212", uri.user());
        }

        @Test
        void emptyPasswordIsEmptyNotAbsent() throws SipParseException {
            SipUri uri = sip("sip:alice:@atlanta.com");
            assertEquals("alice", uri.user());
            assertEquals("", uri.password());
        }

        @Test
        void userMayHoldSemicolonsAndQuestionMarks() throws SipParseException {
            SipUri uri = sip("sip:alice;day=tuesday@atlanta.com");
            assertEquals("alice;day=tuesday", uri.user());
            assertEquals("atlanta.com", uri.host());
            assertTrue(uri.parameters().isEmpty());
        }

        @Test
        void telephoneSubscriberUserWithUserPhone() throws SipParseException {
            SipUri uri = sip("sip:+1-212-555-1212:1234@gateway.com;user=phone");
            assertEquals("+1-212-555-1212", uri.user());
            assertEquals("1234", uri.password());
            assertEquals("phone", uri.userParam());
        }

        @Test
        void ipv4Host() throws SipParseException {
            SipUri uri = sip("sip:alice@192.0.2.4");
            assertEquals("192.0.2.4", uri.host());
            assertEquals(HostType.IPV4, uri.hostType());
        }

        @Test
        void ipv6ReferenceKeepsBracketsAndPortAfterThem() throws SipParseException {
            SipUri uri = sip("sip:[2001:db8::10]:5070;transport=tcp");
            assertEquals("[2001:db8::10]", uri.host());
            assertEquals(HostType.IPV6, uri.hostType());
            assertEquals(5070, uri.port());
            assertEquals("tcp", uri.transport());
        }

        @Test
        void ipv6ReferenceWithEmbeddedIpv4() throws SipParseException {
            SipUri uri = sip("sip:bob@[::ffff:192.0.2.128]");
            assertEquals(HostType.IPV6, uri.hostType());
            assertEquals(-1, uri.port());
        }

        @Test
        void fullyQualifiedHostNameWithTrailingDot() throws SipParseException {
            assertEquals("atlanta.com.", sip("sip:atlanta.com.").host());
        }

        @Test
        void wellKnownParameters() throws SipParseException {
            SipUri uri = sip("sip:proxy.example.com;maddr=239.255.255.1;ttl=15;user=ip;method=REGISTER");
            assertEquals("239.255.255.1", uri.maddr());
            assertEquals(15, uri.ttl());
            assertEquals("ip", uri.userParam());
            assertEquals("REGISTER", uri.parameter("method"));
        }

        @Test
        void parameterLookupIgnoresCaseAndKeepsValueAsWritten() throws SipParseException {
            SipUri uri = sip("sip:alice@AtLanTa.CoM;Transport=UDP;LR");
            assertEquals("UDP", uri.parameter("transport"));
            assertEquals("UDP", uri.transport());
            assertTrue(uri.hasParameter("lr"));
            assertEquals("", uri.parameter("lr"));
            assertTrue(uri.isLooseRouter());
            assertFalse(uri.hasParameter("maddr"));
            assertNull(uri.parameter("maddr"));
        }

        @Test
        void parametersKeepTheirOrderAndCannotBeModified() throws SipParseException {
            SipUri uri = sip("sip:h.com;z=1;a=2;m");
            assertEquals(List.of("z", "a", "m"), List.copyOf(uri.parameters().keySet()));
            assertThrows(UnsupportedOperationException.class,
                    () -> uri.parameters().put("x", "y"));
            assertThrows(UnsupportedOperationException.class, () -> uri.headers().put("x", "y"));
        }
    }

    @Nested
    class Escaping {

        @Test
        void escapedUserIsUnescapedButRawUserKeepsEscapes() throws SipParseException {
            SipUri uri = sip("sip:%61lice@atlanta.com");
            assertEquals("alice", uri.user());
            assertEquals("%61lice", uri.rawUser());
            assertEquals("sip:%61lice@atlanta.com", uri.toString());
        }

        @Test
        void escapedUserIsEquivalentToPlainUser() throws SipParseException {
            SipUri escaped = sip("sip:%61lice@atlanta.com");
            SipUri plain = sip("sip:alice@atlanta.com");
            assertTrue(escaped.equivalent(plain));
            assertEquals(escaped, plain);
            assertEquals(escaped.hashCode(), plain.hashCode());
        }

        @Test
        void escapedUtf8IsDecoded() throws SipParseException {
            assertEquals("josé", sip("sip:jos%C3%A9@example.com").user());
        }

        @Test
        void escapedPasswordParameterAndHeader() throws SipParseException {
            SipUri uri = sip("sip:bob:p%40ss@biloxi.com;x%2Dy=a%20b?subject=project%20x&to=sip:bob%40biloxi.com");
            assertEquals("p@ss", uri.password());
            assertEquals("a b", uri.parameter("x-y"));
            assertEquals(Map.of("x-y", "a b"), uri.parameters());
            assertEquals("project x", uri.header("subject"));
            assertEquals("sip:bob@biloxi.com", uri.headers().get("to"));
        }

        @Test
        void escapedReservedCharacterIsNotEquivalentToTheCharacter() throws SipParseException {
            // RFC 3261 §19.1.4: only characters outside the reserved set equal their escapes.
            assertFalse(sip("sip:a%3Bb@h.com").equivalent(sip("sip:a;b@h.com")));
            assertTrue(sip("sip:a%3bb@h.com").equivalent(sip("sip:a%3Bb@h.com")));
        }

        @Test
        void repeatedHeaderNamesAreJoined() throws SipParseException {
            SipUri uri = sip("sip:h.com?Route=%3Csip:a.com%3E&route=%3Csip:b.com%3E");
            assertEquals(Map.of("Route", "<sip:a.com>,<sip:b.com>"), uri.headers());
        }

        @Test
        void headerValueMayBeEmpty() throws SipParseException {
            assertEquals(Map.of("body", ""), sip("sip:h.com?body=").headers());
        }
    }

    @Nested
    class RoundTrip {

        @ParameterizedTest
        @ValueSource(strings = {
            "sip:alice@atlanta.com",
            "SIP:ALICE@AtLanTa.CoM;Transport=udp",
            "sips:alice:secretword@atlanta.com;transport=tcp",
            "sip:alice@atlanta.com?subject=project%20x&priority=urgent",
            "sip:+1-212-555-1212:1234@gateway.com;user=phone",
            "sip:atlanta.com;method=REGISTER?to=alice%40atlanta.com",
            "sip:[2001:db8::10]:5070;transport=tcp",
            "sip:%61lice@atlanta.com;lr;x=%5Bv%5D",
            "sip:alice;day=tuesday@atlanta.com",
            "sip:p1.example.com:0;lr;ftag=a8b7;maddr=[::1]"
        })
        void toStringIsTheParsedTextExactly(String text) throws SipParseException {
            assertEquals(text, sip(text).toString());
            assertEquals(text, Uri.parse(text).toString());
        }
    }

    @Nested
    class BadInput {

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', value = {
            "sip:                            | empty host",
            "sip:alice@                      | empty host",
            "sip:alice@:5060                 | empty host",
            "sip:@atlanta.com                | empty user",
            "sip:alice@atlanta.com:99999     | port '99999' out of range",
            "sip:alice@atlanta.com:          | empty port",
            "sip:alice@atlanta.com:50a0      | port '50a0' is not a number",
            "sip:alice@[2001:db8::1          | unbalanced '['",
            "sip:alice@[2001:db8::g]         | malformed IPv6 reference '[2001:db8::g]'",
            "sip:alice@[1:2:3:4:5:6:7:8:9]   | malformed IPv6 reference",
            "sip:alice@[1::2::3]             | malformed IPv6 reference",
            "sip:alice@2001:db8::1           | host '2001' is not a valid IPv4 address",
            "sip:alice@atlanta.com]          | unbalanced ']'",
            "sip:%4lice@atlanta.com          | bad escape '%4l' at index 4 in user",
            "sip:alice@atlanta.com;x=%g1     | bad escape '%g1'",
            "sip:alice@atlanta.com;x=%2      | bad escape '%2'",
            "sip:al<ice@atlanta.com          | illegal character '<' at index 6 in user",
            "sip:alice:pass;x@atlanta.com    | illegal character ';' at index 14 in password",
            "sip:alice@atl_anta.com          | illegal character '_' in host",
            "sip:alice@-atlanta.com          | label starting or ending with '-'",
            "sip:alice@atlanta..com          | empty label",
            "sip:alice@atlanta.1com          | top label not starting with a letter",
            "sip:alice@192.0.2.256           | '192.0.2.256' is not a valid IPv4 address",
            "sip:alice@192.0.2               | not a valid IPv4 address",
            "sip:alice@a@atlanta.com         | illegal character '@' in host",
            "sip:alice@atlanta.com;          | empty parameter name",
            "sip:alice@atlanta.com;;lr       | empty parameter name",
            "sip:alice@atlanta.com;x=        | parameter 'x' has '=' but no value",
            "sip:alice@atlanta.com;lr;LR     | parameter 'LR' appears more than once",
            "sip:alice@atlanta.com;ttl=256   | ttl '256' is not a number from 0 to 255",
            "sip:alice@atlanta.com;ttl       | ttl '' is not a number",
            "sip:alice@atlanta.com;maddr=a_b | illegal character '_' in maddr",
            "sip:alice@atlanta.com?          | empty header name",
            "sip:alice@atlanta.com?subject   | header 'subject' has no '=' and value",
            "sip:alice@atlanta.com?a=1&      | empty header name",
            "sip:alice@atlanta.com?a=<1>     | illegal character '<'",
            "alice@atlanta.com               | missing ':' after the scheme",
            "tel:+1-201-555-0123             | scheme 'tel' is neither sip nor sips",
            "sipx:alice@atlanta.com          | scheme 'sipx' is neither sip nor sips",
        })
        void isRejectedWithAMessageSayingWhy(String text, String expected) {
            SipParseException e = assertThrows(SipParseException.class, () -> sip(text));
            assertTrue(e.getMessage().startsWith("SIP URI: "), e.getMessage());
            assertTrue(e.getMessage().contains(expected),
                    () -> "'" + e.getMessage() + "' should contain '" + expected + "'");
        }

        @Test
        void spacesAreRejectedWherever() {
            for (String text : List.of("sip:alice @atlanta.com", "sip:alice@atlanta.com ",
                    " sip:alice@atlanta.com", "sip:alice@atlanta.com;transport= tcp",
                    "sip:alice@atlanta.com?subject=a b")) {
                assertThrows(SipParseException.class, () -> sip(text), text);
            }
            SipParseException e = assertThrows(SipParseException.class,
                    () -> sip("sip:alice smith@atlanta.com"));
            assertEquals("SIP URI: illegal character U+0020 at index 9 in user", e.getMessage());
        }

        @Test
        void emptyNullAndOverlongTextAreRejected() {
            assertEquals("SIP URI: empty",
                    assertThrows(SipParseException.class, () -> sip("")).getMessage());
            assertThrows(SipParseException.class, () -> sip(null));
            String longUser = "a".repeat(Uri.MAX_LENGTH);
            assertTrue(assertThrows(SipParseException.class, () -> sip("sip:" + longUser + "@h.com"))
                    .getMessage().contains("longer than " + Uri.MAX_LENGTH));
        }

        @Test
        void tooManyParametersAreRejected() {
            StringBuilder text = new StringBuilder("sip:h.com");
            for (int i = 0; i <= SipUriParser.MAX_PARAMETERS; i++) {
                text.append(";p").append(i);
            }
            assertTrue(assertThrows(SipParseException.class, () -> sip(text.toString()))
                    .getMessage().contains("more than " + SipUriParser.MAX_PARAMETERS + " parameters"));
        }

        @Test
        void portLimitsAreInclusive() throws SipParseException {
            assertEquals(0, sip("sip:h.com:0").port());
            assertEquals(65535, sip("sip:h.com:65535").port());
            assertThrows(SipParseException.class, () -> sip("sip:h.com:65536"));
            assertThrows(SipParseException.class, () -> sip("sip:h.com:99999999999999999999"));
        }
    }

    /** The examples of RFC 3261 §19.1.4, and the rules they illustrate. */
    @Nested
    class Equivalence {

        @ParameterizedTest(name = "{0} == {1}")
        @CsvSource(delimiter = '|', value = {
            "sip:%61lice@atlanta.com;transport=TCP | sip:alice@AtLanTa.CoM;Transport=tcp",
            "sip:carol@chicago.com | sip:carol@chicago.com;newparam=5",
            "sip:carol@chicago.com | sip:carol@chicago.com;security=on",
            "sip:carol@chicago.com;newparam=5 | sip:carol@chicago.com;security=on",
            "sip:biloxi.com;transport=tcp;method=REGISTER?to=sip:bob%40biloxi.com"
                    + " | sip:biloxi.com;method=REGISTER;transport=tcp?to=sip:bob%40biloxi.com",
            "sip:alice@atlanta.com?subject=project%20x&priority=urgent"
                    + " | sip:alice@atlanta.com?priority=urgent&subject=project%20x",
        })
        void rfc3261EquivalentUris(String a, String b) throws SipParseException {
            assertEquivalent(sip(a), sip(b));
        }

        @ParameterizedTest(name = "{0} != {1}")
        @CsvSource(delimiter = '|', value = {
            "SIP:ALICE@AtLanTa.CoM;Transport=udp | sip:alice@AtLanTa.CoM;Transport=UDP",
            "sip:bob@biloxi.com | sip:bob@biloxi.com:5060",
            "sip:bob@biloxi.com | sip:bob@biloxi.com;transport=udp",
            "sip:bob@biloxi.com | sip:bob@biloxi.com:6000;transport=tcp",
            "sip:carol@chicago.com | sip:carol@chicago.com?Subject=next%20meeting",
            "sip:bob@phone21.boxesbybob.com | sip:bob@192.0.2.4",
        })
        void rfc3261NotEquivalentUris(String a, String b) throws SipParseException {
            assertNotEquivalent(sip(a), sip(b));
        }

        @Test
        void equivalenceIsNotTransitive() throws SipParseException {
            SipUri plain = sip("sip:carol@chicago.com");
            SipUri on = sip("sip:carol@chicago.com;security=on");
            SipUri off = sip("sip:carol@chicago.com;security=off");
            assertEquivalent(plain, on);
            assertEquivalent(plain, off);
            assertNotEquivalent(on, off);
        }

        @ParameterizedTest(name = "{0} != {1}")
        @CsvSource(delimiter = '|', value = {
            "sip:alice@atlanta.com | sips:alice@atlanta.com",
            "sip:alice@atlanta.com | sip:atlanta.com",
            "sip:alice:pw@atlanta.com | sip:alice@atlanta.com",
            "sip:alice:pw@atlanta.com | sip:alice:PW@atlanta.com",
            "sip:alice@atlanta.com;user=phone | sip:alice@atlanta.com",
            "sip:alice@atlanta.com;ttl=1 | sip:alice@atlanta.com",
            "sip:alice@atlanta.com;method=INVITE | sip:alice@atlanta.com",
            "sip:alice@atlanta.com;maddr=1.2.3.4 | sip:alice@atlanta.com",
            "sip:alice@atlanta.com;maddr=1.2.3.4 | sip:alice@atlanta.com;maddr=1.2.3.5",
            "sip:alice@atlanta.com;x=1 | sip:alice@atlanta.com;x=2",
            "sip:alice@atlanta.com;x | sip:alice@atlanta.com;x=1",
            "sip:alice@atlanta.com?subject=Hi | sip:alice@atlanta.com?subject=hi",
            "sip:alice@atlanta.com?a=1&a=1 | sip:alice@atlanta.com?a=1&b=1",
            "sip:alice@atlanta.com?a=1 | sip:alice@atlanta.com?a=1&b=1",
            "sip:[2001:db8::1] | sip:[2001:db8::2]",
        })
        void otherDifferences(String a, String b) throws SipParseException {
            assertNotEquivalent(sip(a), sip(b));
        }

        @ParameterizedTest(name = "{0} == {1}")
        @CsvSource(delimiter = '|', value = {
            "sip:alice@atlanta.com;lr | sip:alice@atlanta.com",
            "sip:alice@atlanta.com;Lr | sip:alice@atlanta.com;lR",
            "sip:alice@atlanta.com;x=%41 | sip:alice@atlanta.com;X=a",
            "sip:alice@atlanta.com;%74ransport=tcp | sip:alice@atlanta.com;transport=TCP",
            "sip:alice@atlanta.com?Subject=Hi | sip:alice@atlanta.com?subject=%48i",
            "sip:alice:p%77@atlanta.com | sip:alice:pw@atlanta.com",
            "sip:[2001:DB8::1]:5060 | sip:[2001:db8:0:0:0:0:0:1]:5060",
            "sip:bob@[::ffff:192.0.2.128] | sip:bob@[::ffff:c000:280]",
        })
        void otherEquivalences(String a, String b) throws SipParseException {
            assertEquivalent(sip(a), sip(b));
        }

        @Test
        void isNotEqualToOtherKindsOfUri() throws SipParseException {
            assertNotEquals(sip("sip:alice@atlanta.com"), Uri.parse("tel:+1-201-555-0123"));
            assertNotEquals(sip("sip:alice@atlanta.com"), "sip:alice@atlanta.com");
            assertFalse(sip("sip:alice@atlanta.com").equivalent(null));
        }

        private void assertEquivalent(SipUri a, SipUri b) {
            assertTrue(a.equivalent(b), a + " should be equivalent to " + b);
            assertTrue(b.equivalent(a), b + " should be equivalent to " + a);
            assertEquals(a, b);
            assertEquals(a.hashCode(), b.hashCode(), "hash codes of " + a + " and " + b);
        }

        private void assertNotEquivalent(SipUri a, SipUri b) {
            assertFalse(a.equivalent(b), a + " should not be equivalent to " + b);
            assertFalse(b.equivalent(a), b + " should not be equivalent to " + a);
            assertNotEquals(a, b);
        }
    }

    @Nested
    class CopyAndChange {

        @Test
        void ofBuildsAndEscapes() {
            SipUri uri = SipUri.of(false, "alice smith", "atlanta.com", 5070);
            assertEquals("sip:alice%20smith@atlanta.com:5070", uri.toString());
            assertEquals("alice smith", uri.user());
            assertEquals("sips:[2001:db8::1]", SipUri.of(true, null, "2001:db8::1", -1).toString());
            assertEquals("sip:192.0.2.4", SipUri.of(false, null, "192.0.2.4", -1).toString());
        }

        @Test
        void ofRejectsBadHostAndPort() {
            assertThrows(IllegalArgumentException.class, () -> SipUri.of(false, "a", "bad host", -1));
            assertThrows(IllegalArgumentException.class, () -> SipUri.of(false, "a", "", -1));
            assertThrows(IllegalArgumentException.class, () -> SipUri.of(false, "a", "h.com", 65536));
            assertThrows(IllegalArgumentException.class, () -> SipUri.of(false, "", "h.com", 1));
        }

        @Test
        void withUserReplacesAddsOrRemovesTheUser() throws SipParseException {
            SipUri uri = sip("sip:alice:pw@atlanta.com;lr");
            assertEquals("sip:bob:pw@atlanta.com;lr", uri.withUser("bob").toString());
            assertEquals("sip:atlanta.com;lr", uri.withUser(null).toString());
            assertEquals("sip:b%40b@atlanta.com", sip("sip:atlanta.com").withUser("b@b").toString());
            assertEquals("b@b", sip("sip:atlanta.com").withUser("b@b").user());
            SipUri none = sip("sip:atlanta.com");
            assertSame(none, none.withUser(null));
            assertEquals("sip:alice:pw@atlanta.com;lr", uri.toString(), "the original is unchanged");
        }

        @Test
        void withHostKeepsEverythingElse() throws SipParseException {
            SipUri uri = sip("sip:alice@atlanta.com:5070;lr?subject=x");
            SipUri moved = uri.withHost("10.0.0.1");
            assertEquals("sip:alice@10.0.0.1:5070;lr?subject=x", moved.toString());
            assertEquals(HostType.IPV4, moved.hostType());
            assertEquals("sip:alice@[::1]:5070;lr?subject=x", uri.withHost("::1").toString());
            assertThrows(IllegalArgumentException.class, () -> uri.withHost("a b"));
        }

        @Test
        void withPortSetsReplacesOrRemovesThePort() throws SipParseException {
            SipUri uri = sip("sip:[::1];lr");
            assertEquals("sip:[::1]:5080;lr", uri.withPort(5080).toString());
            assertEquals("sip:[::1]:5090;lr", uri.withPort(5080).withPort(5090).toString());
            assertEquals("sip:[::1];lr", uri.withPort(5080).withPort(-1).toString());
            assertEquals(5080, uri.withPort(5080).port());
            assertSame(uri, uri.withPort(-1));
            assertThrows(IllegalArgumentException.class, () -> uri.withPort(70000));
            assertThrows(IllegalArgumentException.class, () -> uri.withPort(-2));
        }

        @Test
        void withParameterAppendsOrReplacesInPlace() throws SipParseException {
            SipUri uri = sip("sip:alice@atlanta.com;Transport=udp;lr?subject=x");
            assertEquals("sip:alice@atlanta.com;transport=tcp;lr?subject=x",
                    uri.withParameter("transport", "tcp").toString());
            assertEquals("sip:alice@atlanta.com;Transport=udp;lr;ftag=a%20b?subject=x",
                    uri.withParameter("ftag", "a b").toString());
            assertEquals("a b", uri.withParameter("ftag", "a b").parameter("ftag"));
            assertEquals("sip:alice@atlanta.com;Transport=udp;lr?subject=x",
                    uri.withParameter("lr", null).toString());
            assertEquals("sip:h.com;lr", sip("sip:h.com").withParameter("lr", "").toString());
            assertEquals("sip:a@h.com;lr?x=1", sip("sip:a@h.com?x=1").withParameter("lr", null)
                    .toString());
            assertEquals("sip:[::1]:5060;maddr=[::2]",
                    sip("sip:[::1]:5060").withParameter("maddr", "[::2]").toString());
            assertThrows(IllegalArgumentException.class, () -> uri.withParameter("ttl", "300"));
            assertThrows(IllegalArgumentException.class, () -> uri.withParameter("", "x"));
        }

        @Test
        void withoutParameterRemovesOnlyThatParameter() throws SipParseException {
            SipUri uri = sip("sip:alice@atlanta.com;transport=udp;LR;x=1?subject=x");
            assertEquals("sip:alice@atlanta.com;transport=udp;x=1?subject=x",
                    uri.withoutParameter("lr").toString());
            assertEquals("sip:alice@atlanta.com;LR;x=1?subject=x",
                    uri.withoutParameter("transport").toString());
            assertFalse(uri.withoutParameter("lr").isLooseRouter());
            assertSame(uri, uri.withoutParameter("maddr"));
        }

        @Test
        void withoutHeadersDropsTheHeadersPart() throws SipParseException {
            SipUri uri = sip("sip:alice@atlanta.com;lr?subject=project%20x&priority=urgent");
            SipUri bare = uri.withoutHeaders();
            assertEquals("sip:alice@atlanta.com;lr", bare.toString());
            assertTrue(bare.headers().isEmpty());
            assertSame(bare, bare.withoutHeaders());
        }
    }
}
