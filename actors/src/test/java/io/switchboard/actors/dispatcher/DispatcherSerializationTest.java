package io.switchboard.actors.dispatcher;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.transport.uri.SipUri;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.apache.pekko.serialization.Serializers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** What the dispatcher sends between nodes, through the serializer the cluster uses (Jackson CBOR). */
class DispatcherSerializationTest {

    private static final ActorTestKit KIT = ActorTestKit.create();
    private static final String A = "sip:127.0.0.1:7070";

    @AfterAll
    static void shutdown() {
        KIT.shutdownTestKit();
    }

    private static final Serialization SERIALIZATION = SerializationExtension.get(Adapter.toClassic(KIT.system()));

    private static byte[] bytes(Object message) {
        return SERIALIZATION.serialize(message).get();
    }

    private static <T> T roundTrip(T message) {
        var serializer = SERIALIZATION.findSerializerFor(message);
        assertEquals("JacksonCborSerializer", serializer.getClass().getSimpleName(), message.getClass().getName());
        @SuppressWarnings("unchecked")
        T read = (T) SERIALIZATION.deserialize(bytes(message), serializer.identifier(),
                Serializers.manifestFor(serializer, message)).get();
        return read;
    }

    @Test
    void everyCommandAndReplyCrosses() {
        var node = KIT.<DispatcherSnapshot>createTestProbe().ref();
        var outcomes = KIT.<DispatcherRegistry.Outcome>createTestProbe().ref();
        List<Object> messages = List.of(new DispatcherRegistry.Subscribe(node), new DispatcherRegistry.GetSnapshot(node),
                new DispatcherRegistry.Reload(outcomes), new DispatcherRegistry.SetState(1, "all", 4, outcomes),
                new DispatcherRegistry.Mark(1, A, 9, 503, "Service Unavailable"),
                new DispatcherRegistry.PingActive(-1, KIT.<DispatcherRegistry.PingState>createTestProbe().ref()),
                new DispatcherRegistry.LoadAdd("c1", 1, "a", "node", 7), new DispatcherRegistry.LoadReplace("c1", 1,
                        "b", "node", 8), new DispatcherRegistry.LoadConfirm("c1"), new DispatcherRegistry.LoadRemove("c1"),
                new DispatcherRegistry.Outcome(true, "Ok. Dispatcher state updated.", 12),
                new DispatcherRegistry.PingState(1, 0));
        for (Object message : messages) {
            assertEquals(message, roundTrip(message));
        }
    }

    @Test
    void aSnapshotKeepsItsSetsStatesAndSlots() {
        DestinationSets sets = TestSets.sets("1 " + A + " 0 5 weight=30;rweight=40;duid=a;z=1;y=2",
                "1 sip:127.0.0.1:7072;transport=tcp 8 0 weight=70;rweight=60;duid=b;socket=udp:127.0.0.1:5060",
                "2 sips:gw@[::1]:5061 0 0");
        DestinationSet one = sets.set(1);
        sets = sets.with(one.with(0, one.get(0).withState(DestinationFlags.INACTIVE, 1).withLoad(3), new Random(1)));
        DispatcherSnapshot snapshot = new DispatcherSnapshot(42, sets, Map.of("node", 9L));
        DispatcherSnapshot read = roundTrip(snapshot);
        assertEquals(42, read.version());
        assertEquals(Map.of("node", 9L), read.appliedLoad());
        assertEquals(snapshot.sets().destinations(), read.sets().destinations());
        assertEquals(List.of(1, 2), read.sets().all().stream().map(DestinationSet::id).toList());
        for (DestinationSet set : snapshot.sets().all()) {
            DestinationSet other = read.sets().set(set.id());
            for (int slot = 0; slot < DestinationSet.SLOTS; slot++) {
                assertEquals(set.weightSlot(slot), other.weightSlot(slot), "weight slot " + slot);
                assertEquals(set.relativeWeightSlot(slot), other.relativeWeightSlot(slot), "rweight slot " + slot);
            }
        }
        Destination first = read.sets().set(1).get(0);
        assertEquals(List.of("z", "y"), List.copyOf(first.attrs().others().keySet()), "in their order");
        assertEquals(SipUri.DEFAULT_SECURE_PORT, read.sets().set(2).get(0).sipUri().port());
    }

    @Test
    void anAddressCrossesAsItsLiteralWithoutALookUp() throws Exception {
        InetAddress address = InetAddress.getByAddress("gw.invalid", new byte[] {(byte) 192, 0, 2, 1});
        String uri = "sip:192.0.2.1";
        Destination named = new Destination(1, uri, SipUri.parse(uri), address, 0, 0, 0, DestinationAttributes.NONE, 0, 0);
        assertFalse(new String(bytes(named), StandardCharsets.ISO_8859_1).contains("gw.invalid"));
        assertArrayEquals(address.getAddress(), roundTrip(named).address().getAddress());
        Destination unresolved = new Destination(1, uri, SipUri.parse(uri), null, 0, 0, 0, DestinationAttributes.NONE, 0, 0);
        assertNull(roundTrip(unresolved).address(), "a name that did not resolve stays without an address");
    }

    @Test
    void aListOfFiveHundredGatewaysFitsAnArteryFrame() {
        String[] lines = new String[500];
        for (int i = 0; i < lines.length; i++) {
            lines[i] = (i % 10) + " sip:10.0." + i / 250 + "." + i % 250 + ":5060;transport=udp 0 0 duid=gw" + i
                    + ";maxload=100;weight=10;rweight=10";
        }
        int size = bytes(new DispatcherSnapshot(1, TestSets.sets(lines), Map.of())).length;
        System.out.println("a snapshot of 500 destinations in 10 sets: " + size + " bytes");
        assertTrue(size < 256 * 1024, size + " bytes");
    }
}
