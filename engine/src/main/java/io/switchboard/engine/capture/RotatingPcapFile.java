package io.switchboard.engine.capture;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A pcap file that rotates by size, as {@code tcpdump -C} with a bounded set: when the next packet
 * would take {@code file} past {@code maxSize}, {@code file.1} ... become {@code file.2} ...,
 * {@code file} becomes {@code file.1}, the oldest beyond {@code maxFiles} (the current file
 * included) is deleted, and a new {@code file} starts with its own pcap header. Every file is a
 * whole capture that Wireshark opens alone. Not thread-safe.
 */
final class RotatingPcapFile implements Closeable {

    private final Path file;
    private final long maxSize;
    private final int maxFiles;
    private OutputStream out;
    private PcapWriter writer;
    private long size;
    private int packets;

    RotatingPcapFile(Path file, long maxSize, int maxFiles) throws IOException {
        this.file = file;
        this.maxSize = maxSize;
        this.maxFiles = maxFiles;
        open();
    }

    private void open() throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
        writer = new PcapWriter(out);
        writer.writeFileHeader();
        size = PcapWriter.FILE_HEADER_SIZE;
        packets = 0;
    }

    /** Writes one message, rotating first when it would not fit in the current file. */
    void write(long epochMicros, InetSocketAddress source, InetSocketAddress destination, byte[] payload)
            throws IOException {
        long record = PcapWriter.recordSize(source, destination, payload.length);
        if (packets > 0 && size + record > maxSize) {
            rotate();
        }
        writer.write(epochMicros, source, destination, payload);
        size += record;
        packets++;
    }

    private void rotate() throws IOException {
        out.close();
        Files.deleteIfExists(numbered(maxFiles - 1));
        for (int i = maxFiles - 2; i >= 1; i--) {
            if (Files.exists(numbered(i))) {
                Files.move(numbered(i), numbered(i + 1), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        if (maxFiles > 1) {
            Files.move(file, numbered(1), StandardCopyOption.REPLACE_EXISTING);
        }
        open();
    }

    private Path numbered(int n) {
        return n == 0 ? file : file.resolveSibling(file.getFileName() + "." + n);
    }

    /** Pushes what is buffered to the file, so a reader sees every packet written so far. */
    void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
