package io.switchboard.actors.dispatcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

/** {@code ds_is_from_list} (seed manual 002, 4.7). */
class SourceMatchTest {

    private static final DestinationSets SETS = TestSets.sets("1 sip:127.0.0.1:7070",
            "2 sip:127.0.0.2:5080;transport=tcp", "2 sip:127.0.0.3");

    private static InetAddress ip(String address) throws Exception {
        return InetAddress.getByName(address);
    }

    private static int set(int group, int mode, String address, int port, String transport) throws Exception {
        return SourceMatch.find(SETS, group, mode, ip(address), port, transport).map(Destination::setId).orElse(-1);
    }

    @Test
    void withoutArgumentsAddressAndPortMatchInAnySet() throws Exception {
        assertEquals(1, set(-1, SourceMatch.IGNORE_PROTOCOL, "127.0.0.1", 7070, "UDP"));
        assertEquals(-1, set(-1, SourceMatch.IGNORE_PROTOCOL, "127.0.0.1", 7071, "UDP"));
        assertEquals(2, set(-1, SourceMatch.IGNORE_PROTOCOL, "127.0.0.2", 5080, "UDP"));
    }

    @Test
    void aGroupLimitsTheSearch() throws Exception {
        assertEquals(-1, set(2, SourceMatch.IGNORE_PROTOCOL, "127.0.0.1", 7070, "UDP"));
    }

    @Test
    void modeZeroComparesTheProtocolToo() throws Exception {
        assertEquals(2, set(2, 0, "127.0.0.2", 5080, "TCP"));
        assertEquals(-1, set(2, 0, "127.0.0.2", 5080, "UDP"));
        assertEquals(-1, set(1, 0, "127.0.0.1", 7070, "UDP"), "a URI without transport names no protocol");
        assertEquals(1, set(1, 0, "127.0.0.1", 7070, null), "an address without protocol matches it");
    }

    @Test
    void modeOneIgnoresThePort() throws Exception {
        assertEquals(1, set(1, SourceMatch.IGNORE_PORT | SourceMatch.IGNORE_PROTOCOL, "127.0.0.1", 9999,
                "UDP"));
    }

    @Test
    void aUriWithoutPortMatchesAnyPort() throws Exception {
        assertEquals(2, set(2, SourceMatch.IGNORE_PROTOCOL, "127.0.0.3", 5099, "UDP"));
        assertTrue(SourceMatch.find(SETS, -1, 2, ip("127.0.0.9"), 5060, "UDP").isEmpty());
    }
}
