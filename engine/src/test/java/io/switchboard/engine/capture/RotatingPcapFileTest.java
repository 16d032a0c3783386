package io.switchboard.engine.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RotatingPcapFileTest {

    private static final InetSocketAddress A = new InetSocketAddress("127.0.0.1", 5060);
    private static final InetSocketAddress B = new InetSocketAddress("127.0.0.1", 5070);

    @TempDir
    Path dir;

    private static void assertPcap(Path file) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        assertEquals(0xA1B2C3D4, ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getInt(0), file + " starts a pcap");
    }

    @Test
    void rotatesBySizeAndKeepsMaxFiles() throws Exception {
        Path file = dir.resolve("sip.pcap");
        int record = PcapWriter.recordSize(A, B, 1000);
        try (RotatingPcapFile pcap = new RotatingPcapFile(file, PcapWriter.FILE_HEADER_SIZE + 3L * record, 3)) {
            for (int i = 0; i < 10; i++) {
                byte[] payload = new byte[1000];
                payload[0] = (byte) i;
                pcap.write(i, A, B, payload);
            }
        }
        assertEquals(PcapWriter.FILE_HEADER_SIZE + record, Files.size(file), "the 10th packet alone");
        assertEquals(PcapWriter.FILE_HEADER_SIZE + 3L * record, Files.size(dir.resolve("sip.pcap.1")));
        assertEquals(PcapWriter.FILE_HEADER_SIZE + 3L * record, Files.size(dir.resolve("sip.pcap.2")));
        assertFalse(Files.exists(dir.resolve("sip.pcap.3")), "max-files 3: the oldest was deleted");
        for (String name : new String[] {"sip.pcap", "sip.pcap.1", "sip.pcap.2"}) {
            assertPcap(dir.resolve(name));
        }
        byte[] newest = Files.readAllBytes(file);
        assertEquals(9, newest[newest.length - 1000], "the current file holds the last packet");
    }

    @Test
    void oneFileStartsOverInPlace() throws Exception {
        Path file = dir.resolve("one.pcap");
        int record = PcapWriter.recordSize(A, B, 100);
        try (RotatingPcapFile pcap = new RotatingPcapFile(file, PcapWriter.FILE_HEADER_SIZE + record, 1)) {
            for (int i = 0; i < 3; i++) {
                pcap.write(i, A, B, new byte[100]);
            }
        }
        assertEquals(PcapWriter.FILE_HEADER_SIZE + record, Files.size(file));
        assertTrue(Files.list(dir).count() == 1, "no numbered files");
    }
}
