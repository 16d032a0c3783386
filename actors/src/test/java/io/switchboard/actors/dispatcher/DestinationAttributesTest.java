package io.switchboard.actors.dispatcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The special attributes of seed manual 002, 7.1.1. */
class DestinationAttributesTest {

    @Test
    void theManualsExample() {
        DestinationAttributes attrs = DestinationAttributes.parse("duid=abc;socket=udp:192.168.0.125:5060;my=xyz");
        assertEquals("abc", attrs.duid());
        assertEquals("udp:192.168.0.125:5060", attrs.socket());
        assertEquals(Map.of("my", "xyz"), attrs.others());
        assertEquals("duid=abc;socket=udp:192.168.0.125:5060;my=xyz", attrs.body());
    }

    @Test
    void numbersAndRanges() {
        DestinationAttributes attrs = DestinationAttributes.parse("MaxLoad=20;weight=150;rweight=30");
        assertEquals(20, attrs.maxload());
        assertEquals(0, attrs.weight(), "a weight outside 1-100 is left out, as Kamailio does");
        assertEquals(30, attrs.rweight());
        assertEquals(0, DestinationAttributes.parse("rweight=0;maxload=x").rweight());
    }

    @Test
    void noAttributes() {
        assertEquals(DestinationAttributes.NONE, DestinationAttributes.parse(""));
    }
}
