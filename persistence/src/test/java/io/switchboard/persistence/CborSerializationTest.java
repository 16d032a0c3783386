package io.switchboard.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import com.typesafe.config.ConfigFactory;
import java.util.List;
import java.util.Map;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.apache.pekko.serialization.Serializers;
import org.apache.pekko.serialization.jackson.JacksonMigration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The marker binds to Jackson CBOR, and a migration gives a type a version that old data passes through. */
class CborSerializationTest {

    /** Version 2 of an event whose version 1 called {@code greeting} {@code text}. */
    record Greeting(String greeting, List<String> to) implements CborSerializable {
    }

    /** Renames version 1's {@code text} field. */
    public static final class GreetingMigration extends JacksonMigration {

        @Override
        public int currentVersion() {
            return 2;
        }

        @Override
        public JsonNode transform(int fromVersion, JsonNode json) {
            ObjectNode node = (ObjectNode) json;
            if (fromVersion < 2) {
                node.set("greeting", node.remove("text"));
            }
            return node;
        }
    }

    private static ActorTestKit kit;
    private static Serialization serialization;

    @BeforeAll
    static void start() {
        kit = ActorTestKit.create("cbor", ConfigFactory.parseMap(Map.of(
                "pekko.serialization.jackson.migrations.\"" + Greeting.class.getName() + "\"",
                GreetingMigration.class.getName())).withFallback(ConfigFactory.load()));
        serialization = SerializationExtension.get(kit.system());
    }

    @AfterAll
    static void stop() {
        kit.shutdownTestKit();
    }

    @Test
    void markedTypesAreWrittenAsCborWithTheirVersion() throws Exception {
        Greeting greeting = new Greeting("hello", List.of("alice", "bob"));
        var serializer = serialization.findSerializerFor(greeting);
        assertEquals(33, serializer.identifier(), "jackson-cbor");
        String manifest = Serializers.manifestFor(serializer, greeting);
        assertEquals(Greeting.class.getName() + "#2", manifest);
        byte[] bytes = serialization.serialize(greeting).get();
        assertEquals(greeting, serialization.deserialize(bytes, serializer.identifier(), manifest).get());
    }

    @Test
    void versionOneDataPassesThroughTheMigration() throws Exception {
        byte[] v1 = new CBORMapper().writeValueAsBytes(Map.of("text", "hi", "to", List.of("carol")));
        Object read = serialization.deserialize(v1, 33, Greeting.class.getName()).get();
        assertEquals(new Greeting("hi", List.of("carol")), read);
    }
}
