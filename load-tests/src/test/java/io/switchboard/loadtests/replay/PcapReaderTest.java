package io.switchboard.loadtests.replay;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PcapReaderTest {

    @TempDir
    Path dir;

    private static final byte[] SIP = "OPTIONS sip:x SIP/2.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    @Test
    void readsWhatTheEnginesWriterWrote() throws Exception {
        PcapReader.Capture capture = PcapReader.read(SyntheticCapture.write(dir.resolve("call.pcap"), "c1", 70));
        assertEquals(14, capture.messages().size());
        assertEquals(0, capture.skipped());
        CapturedMessage first = capture.messages().get(0);
        assertEquals(SyntheticCapture.CALLER, first.source());
        assertEquals(SyntheticCapture.PROXY, first.destination());
        assertEquals(1_700_000_000_000_000L, first.epochMicros());
        assertEquals("INVITE sip:bob", new String(first.payload(), 0, 14, StandardCharsets.US_ASCII));
        assertEquals(1_700_000_000_000_000L + 211_000, capture.messages().get(13).epochMicros());
    }

    /** A Linux cooked (SLL, link type 113) capture, big-endian, nanosecond timestamps: as some capture tools write. */
    @Test
    void readsBigEndianNanosecondLinuxCookedCaptures() throws Exception {
        byte[] ip = ipv4Udp(SIP);
        ByteBuffer file = ByteBuffer.allocate(24 + 16 + 16 + ip.length).order(ByteOrder.BIG_ENDIAN);
        file.putInt(0xA1B23C4D).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(65535).putInt(113);
        file.putInt(1_700_000_000).putInt(123_456_789).putInt(16 + ip.length).putInt(16 + ip.length);
        file.put(new byte[14]).putShort((short) 0x0800).put(ip);
        PcapReader.Capture capture = PcapReader.read(file.array(), "sll");
        assertEquals(1, capture.messages().size());
        CapturedMessage m = capture.messages().get(0);
        assertEquals(1_700_000_000_123_456L, m.epochMicros());
        assertEquals(new InetSocketAddress("10.1.2.3", 5060), m.source());
        assertEquals(new InetSocketAddress("10.1.2.4", 5080), m.destination());
        assertArrayEquals(SIP, m.payload());
    }

    /** pcapng (as tshark and Wireshark save by default): section, interface with if_tsresol 9, enhanced packet. */
    @Test
    void readsPcapng() throws Exception {
        byte[] ip = ipv4Udp(SIP);
        ByteBuffer b = ByteBuffer.allocate(28 + 32 + 32 + ((ip.length + 3) & ~3)).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0x0A0D0D0A).putInt(28).putInt(0x1A2B3C4D).putShort((short) 1).putShort((short) 0).putLong(-1).putInt(28);
        b.putInt(1).putInt(32).putShort((short) 101).putShort((short) 0).putInt(0)
                .putShort((short) 9).putShort((short) 1).put((byte) 9).put(new byte[3]).putInt(0).putInt(32);
        long stamp = 1_700_000_000_000_000_000L + 5_000;
        int length = 32 + ((ip.length + 3) & ~3);
        b.putInt(6).putInt(length).putInt(0).putInt((int) (stamp >>> 32)).putInt((int) stamp).putInt(ip.length)
                .putInt(ip.length).put(ip).put(new byte[((ip.length + 3) & ~3) - ip.length]).putInt(length);
        PcapReader.Capture capture = PcapReader.read(Arrays.copyOf(b.array(), b.position()), "ng");
        assertEquals(1, capture.messages().size());
        assertEquals(1_700_000_000_000_000L + 5, capture.messages().get(0).epochMicros());
        assertArrayEquals(SIP, capture.messages().get(0).payload());
    }

    @Test
    void somethingElseIsRefused() throws Exception {
        Path text = Files.writeString(dir.resolve("x.txt"), "this is not a capture file at all");
        assertThrows(IOException.class, () -> PcapReader.read(text));
    }

    private static byte[] ipv4Udp(byte[] payload) {
        ByteBuffer ip = ByteBuffer.allocate(28 + payload.length);
        ip.put((byte) 0x45).put((byte) 0).putShort((short) (28 + payload.length)).putShort((short) 1).putShort((short) 0)
                .put((byte) 64).put((byte) 17).putShort((short) 0).put(new byte[] {10, 1, 2, 3}).put(new byte[] {10, 1, 2, 4})
                .putShort((short) 5060).putShort((short) 5080).putShort((short) (8 + payload.length)).putShort((short) 0)
                .put(payload);
        return ip.array();
    }
}
