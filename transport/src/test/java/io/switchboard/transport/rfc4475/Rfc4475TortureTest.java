package io.switchboard.transport.rfc4475;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.switchboard.transport.header.ListValue;
import io.switchboard.transport.header.Via;
import io.switchboard.transport.message.HeaderField;
import io.switchboard.transport.message.HeaderName;
import io.switchboard.transport.message.SipFramer;
import io.switchboard.transport.message.SipMessage;
import io.switchboard.transport.message.SipRequest;
import io.switchboard.transport.message.SipResponse;
import io.switchboard.transport.parse.SipParseException;
import io.switchboard.transport.uri.SipUri;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The torture test messages of RFC 4475, kept byte for byte in {@code rfc4475/valid} and
 * {@code rfc4475/invalid}: every valid message frames and validates, and its tricky parts read
 * back as {@code rfc4475/expectations.properties} says; every invalid one is rejected with a
 * {@link SipParseException} whose message names what is wrong, and with no other exception.
 */
class Rfc4475TortureTest {

    /** Headers whose grammar is a comma-separated list; their counts are counts of values. */
    private static final Set<HeaderName> LIST_HEADERS = Set.of(HeaderName.ACCEPT, HeaderName.ALLOW,
            HeaderName.REQUIRE, HeaderName.PROXY_REQUIRE, HeaderName.SUPPORTED, HeaderName.UNSUPPORTED,
            HeaderName.VIA, HeaderName.CONTACT, HeaderName.ROUTE, HeaderName.RECORD_ROUTE);

    private static final Properties EXPECTED = load();

    private static Properties load() {
        Properties properties = new Properties();
        try (InputStream in = Rfc4475TortureTest.class.getResourceAsStream("/rfc4475/expectations.properties")) {
            properties.load(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return properties;
    }

    private static Stream<Path> messages(String folder) throws IOException, URISyntaxException {
        Path dir = Path.of(Rfc4475TortureTest.class.getResource("/rfc4475/" + folder).toURI());
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.toString().endsWith(".sip")).sorted().toList();
        }
        assertFalse(files.isEmpty(), "no messages in " + dir);
        return files.stream();
    }

    private static String name(Path file) {
        String fileName = file.getFileName().toString();
        return fileName.substring(0, fileName.length() - ".sip".length());
    }

    @TestFactory
    Stream<DynamicTest> validMessagesParseAndReadBackRight() throws Exception {
        return messages("valid").map(file -> DynamicTest.dynamicTest(name(file), () -> {
            SipMessage message = SipFramer.DEFAULT.frame(Files.readAllBytes(file));
            message.validate();
            Map<String, String> facts = factsOf(name(file));
            assertFalse(facts.isEmpty(), "no expectations for " + name(file));
            for (Map.Entry<String, String> fact : facts.entrySet()) {
                assertEquals(fact.getValue(), actual(message, fact.getKey()), name(file) + "." + fact.getKey());
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> invalidMessagesAreRejectedWithAParseError() throws Exception {
        return messages("invalid").map(file -> DynamicTest.dynamicTest(name(file), () -> {
            String keyword = EXPECTED.getProperty(name(file) + ".error");
            assertTrue(keyword != null, "no expected error for " + name(file));
            byte[] bytes = Files.readAllBytes(file);
            SipParseException error = assertThrows(SipParseException.class,
                    () -> SipFramer.DEFAULT.frame(bytes).validate());
            assertTrue(error.getMessage().toLowerCase(Locale.ROOT).contains(keyword),
                    name(file) + ": '" + error.getMessage() + "' should name " + keyword);
        }));
    }

    private static Map<String, String> factsOf(String name) {
        Map<String, String> facts = new TreeMap<>();
        for (String key : EXPECTED.stringPropertyNames()) {
            if (key.startsWith(name + ".")) {
                facts.put(key.substring(name.length() + 1), EXPECTED.getProperty(key));
            }
        }
        return facts;
    }

    private static String actual(SipMessage message, String key) throws SipParseException {
        if (key.startsWith("header.") && key.endsWith(".count")) {
            return Integer.toString(valueCount(message, HeaderName.of(key.substring(7, key.length() - 6))));
        }
        if (key.startsWith("via.") && !key.equals("via.count")) {
            String[] parts = key.split("\\.");
            Via via = message.vias().get(Integer.parseInt(parts[1]));
            return switch (parts[2]) {
                case "branch" -> via.branch();
                case "host" -> via.host();
                case "port" -> Integer.toString(via.port());
                case "transport" -> via.transport();
                default -> fail("unknown key " + key);
            };
        }
        if (key.startsWith("contact.") && !key.equals("contact.count")) {
            return message.contacts().get(Integer.parseInt(key.split("\\.")[1])).uri().toString();
        }
        return switch (key) {
            case "method" -> ((SipRequest) message).method().name();
            case "requestUri" -> ((SipRequest) message).requestUriText();
            case "requestUri.user" -> ((SipUri) ((SipRequest) message).requestUri()).user();
            case "status" -> Integer.toString(((SipResponse) message).statusCode());
            case "reason" -> ((SipResponse) message).reasonPhrase();
            case "to.uri" -> message.to().uri().toString();
            case "to.tag" -> message.to().tag();
            case "to.displayName" -> message.to().displayName();
            case "from.uri" -> message.from().uri().toString();
            case "from.tag" -> message.from().tag();
            case "from.displayName" -> message.from().displayName();
            case "callId" -> message.callId();
            case "cseq.number" -> Long.toString(message.cseq().number());
            case "cseq.method" -> message.cseq().method().name();
            case "maxForwards" -> Integer.toString(message.maxForwards());
            case "via.count" -> Integer.toString(message.vias().size());
            case "contact.count" -> Integer.toString(message.contacts().size());
            case "route.count" -> Integer.toString(message.routes().size());
            case "contentLength" -> Integer.toString(message.declaredContentLength());
            case "contentType" -> message.contentType().mediaType();
            default -> fail("unknown expectation key " + key);
        };
    }

    private static int valueCount(SipMessage message, HeaderName name) throws SipParseException {
        int count = 0;
        for (HeaderField field : message.fields(name)) {
            count += LIST_HEADERS.contains(name) ? ListValue.elements(field.value(), name.name()).size() : 1;
        }
        return count;
    }

}
