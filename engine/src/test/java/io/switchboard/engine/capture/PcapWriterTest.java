package io.switchboard.engine.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PcapWriterTest {

    private static final byte[] SIP = "OPTIONS sip:a@b SIP/2.0\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private static ByteBuffer written(InetSocketAddress from, InetSocketAddress to) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PcapWriter writer = new PcapWriter(out);
        writer.writeFileHeader();
        writer.write(1_700_000_000_123_456L, from, to, SIP);
        assertEquals(PcapWriter.FILE_HEADER_SIZE + PcapWriter.recordSize(from, to, SIP.length), out.size());
        return ByteBuffer.wrap(out.toByteArray()).order(ByteOrder.LITTLE_ENDIAN);
    }

    @Test
    void fileHeaderIsClassicMicrosecondPcapOfEthernet() throws Exception {
        ByteBuffer pcap = written(new InetSocketAddress("127.0.0.1", 5060), new InetSocketAddress("127.0.0.2", 5070));
        assertEquals(0xA1B2C3D4, pcap.getInt(0));
        assertEquals(2, pcap.getShort(4));
        assertEquals(4, pcap.getShort(6));
        assertEquals(PcapWriter.LINKTYPE_ETHERNET, pcap.getInt(20));
        assertEquals(1_700_000_000, pcap.getInt(24));
        assertEquals(123_456, pcap.getInt(28));
        assertEquals(14 + 20 + 8 + SIP.length, pcap.getInt(32));
        assertEquals(pcap.getInt(32), pcap.getInt(36));
    }

    @Test
    void ipv4AndUdpHeadersCarryValidChecksums() throws Exception {
        ByteBuffer pcap = written(new InetSocketAddress("127.0.0.1", 5060), new InetSocketAddress("127.0.0.2", 5070));
        byte[] bytes = pcap.array();
        int ip = 24 + 16 + 14;
        pcap.order(ByteOrder.BIG_ENDIAN);
        assertEquals(0x0800, pcap.getShort(ip - 2));
        assertEquals(0x45, bytes[ip]);
        assertEquals(20 + 8 + SIP.length, pcap.getShort(ip + 2));
        assertEquals(17, bytes[ip + 9]);
        assertEquals(0xFFFF, PcapWriter.sum(bytes, ip, 20, 0), "IPv4 header checksum verifies");
        int udp = ip + 20;
        assertEquals(5060, pcap.getShort(udp));
        assertEquals(5070, pcap.getShort(udp + 2));
        long pseudo = PcapWriter.sum(bytes, ip + 12, 8, 0) + 17 + 8 + SIP.length;
        assertEquals(0xFFFF, PcapWriter.sum(bytes, udp, 8 + SIP.length, pseudo), "UDP checksum verifies");
        assertEquals(Arrays.toString(SIP), Arrays.toString(Arrays.copyOfRange(bytes, udp + 8, bytes.length)));
    }

    @Test
    void ipv6IsWrittenWithItsOwnHeaderAndMapsAnIpv4Peer() throws Exception {
        ByteBuffer pcap = written(new InetSocketAddress("::1", 5060), new InetSocketAddress("127.0.0.1", 5070));
        pcap.order(ByteOrder.BIG_ENDIAN);
        int ip = 24 + 16 + 14;
        assertEquals((short) 0x86DD, pcap.getShort(ip - 2));
        assertEquals(0x60, pcap.get(ip) & 0xF0);
        assertEquals(8 + SIP.length, pcap.getShort(ip + 4));
        assertEquals(17, pcap.get(ip + 6));
        assertEquals((short) 0xFFFF, pcap.getShort(ip + 24 + 10), "::ffff:127.0.0.1");
        byte[] bytes = pcap.array();
        long pseudo = PcapWriter.sum(bytes, ip + 8, 32, 0) + 17 + 8 + SIP.length;
        assertEquals(0xFFFF, PcapWriter.sum(bytes, ip + 40, 8 + SIP.length, pseudo), "UDP checksum verifies");
    }

    @Test
    void aMessageLargerThanADatagramIsRefused() {
        PcapWriter writer = new PcapWriter(new ByteArrayOutputStream());
        InetSocketAddress a = new InetSocketAddress("127.0.0.1", 1);
        assertThrows(IllegalArgumentException.class, () -> writer.write(0, a, a, new byte[PcapWriter.MAX_PAYLOAD + 1]));
    }
}
