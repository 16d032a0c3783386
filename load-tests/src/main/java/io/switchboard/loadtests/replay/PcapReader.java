package io.switchboard.loadtests.replay;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the UDP datagrams of a capture file: classic libpcap (draft-ietf-opsawg-pcap §4–5; either
 * byte order, microsecond or nanosecond timestamps) or pcapng (draft-ietf-opsawg-pcapng §4:
 * section header, interface description with {@code if_tsresol}, enhanced and simple packet
 * blocks), over the link types {@link PacketDecoder} knows. Packets that are not UDP are counted
 * and left out.
 */
public final class PcapReader {

    private static final int PCAPNG_SECTION = 0x0A0D0D0A;
    private static final int PCAPNG_BYTE_ORDER = 0x1A2B3C4D;
    private static final int PCAPNG_INTERFACE = 1;
    private static final int PCAPNG_SIMPLE_PACKET = 3;
    private static final int PCAPNG_ENHANCED_PACKET = 6;
    private static final int OPTION_TSRESOL = 9;

    /** What a file held: its UDP messages in file order, and how many packets were not UDP. */
    public record Capture(List<CapturedMessage> messages, long skipped) {
    }

    private final List<CapturedMessage> messages = new ArrayList<>();
    private long skipped;

    private PcapReader() {
    }

    /**
     * Reads {@code file}.
     *
     * @throws IOException when it cannot be read or is neither pcap nor pcapng
     */
    public static Capture read(Path file) throws IOException {
        return read(Files.readAllBytes(file), file.toString());
    }

    static Capture read(byte[] bytes, String name) throws IOException {
        PcapReader reader = new PcapReader();
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < 24) {
            throw new IOException(name + " is too short to be a capture");
        }
        try {
            int magic = b.getInt(0);
            if (magic == PCAPNG_SECTION) {
                reader.pcapng(b);
            } else {
                reader.classic(b, name);
            }
        } catch (IndexOutOfBoundsException e) {
            // a truncated last packet, as when a capture is copied while written: keep what came before
        }
        return new Capture(List.copyOf(reader.messages), reader.skipped);
    }

    private void classic(ByteBuffer b, String name) throws IOException {
        int magic = b.getInt(0);
        boolean nanos;
        if (magic == 0xA1B2C3D4 || magic == 0xA1B23C4D) {
            nanos = magic == 0xA1B23C4D;
        } else if (Integer.reverseBytes(magic) == 0xA1B2C3D4 || Integer.reverseBytes(magic) == 0xA1B23C4D) {
            b.order(ByteOrder.BIG_ENDIAN);
            nanos = Integer.reverseBytes(magic) == 0xA1B23C4D;
        } else {
            throw new IOException(name + " is neither a pcap nor a pcapng file (magic " + Integer.toHexString(magic) + ")");
        }
        int linkType = b.getInt(20) & 0xFFFF;
        if (!PacketDecoder.supports(linkType)) {
            throw new IOException(name + ": link type " + linkType + " is not supported");
        }
        int at = 24;
        while (at + 16 <= b.limit()) {
            long seconds = b.getInt(at) & 0xFFFFFFFFL;
            long fraction = b.getInt(at + 4) & 0xFFFFFFFFL;
            int length = b.getInt(at + 8);
            at += 16;
            packet(linkType, seconds * 1_000_000 + (nanos ? fraction / 1000 : fraction), slice(b, at, length));
            at += length;
        }
    }

    private void pcapng(ByteBuffer b) {
        List<long[]> interfaces = new ArrayList<>();
        int at = 0;
        while (at + 12 <= b.limit()) {
            int type = b.getInt(at);
            if (type == PCAPNG_SECTION) {
                b.order(b.getInt(at + 8) == PCAPNG_BYTE_ORDER ? b.order()
                        : b.order() == ByteOrder.LITTLE_ENDIAN ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
                interfaces.clear();
            }
            int length = b.getInt(at + 4);
            if (length < 12) {
                return;
            }
            switch (type) {
                case PCAPNG_INTERFACE -> interfaces.add(new long[] {b.getShort(at + 8) & 0xFFFF,
                        unitsPerSecond(b, at + 16, at + length - 4)});
                case PCAPNG_ENHANCED_PACKET -> {
                    long[] description = interfaces.get(b.getInt(at + 8));
                    long stamp = ((b.getInt(at + 12) & 0xFFFFFFFFL) << 32) | (b.getInt(at + 16) & 0xFFFFFFFFL);
                    long micros = description[1] == 1_000_000 ? stamp
                            : (long) (stamp * (1_000_000.0 / description[1]));
                    packet((int) description[0], micros, slice(b, at + 28, b.getInt(at + 20)));
                }
                case PCAPNG_SIMPLE_PACKET -> packet((int) interfaces.get(0)[0], 0,
                        slice(b, at + 12, Math.min(b.getInt(at + 8), length - 16)));
                default -> {
                }
            }
            at += length;
        }
    }

    /** The interface's timestamp units per second from its {@code if_tsresol} option (default 10^6). */
    private static long unitsPerSecond(ByteBuffer b, int options, int end) {
        int at = options;
        while (at + 4 <= end) {
            int code = b.getShort(at) & 0xFFFF;
            int length = b.getShort(at + 2) & 0xFFFF;
            if (code == 0) {
                break;
            }
            if (code == OPTION_TSRESOL && length >= 1) {
                int resolution = b.get(at + 4);
                return (resolution & 0x80) == 0 ? (long) Math.pow(10, resolution) : 1L << (resolution & 0x7F);
            }
            at += 4 + ((length + 3) & ~3);
        }
        return 1_000_000;
    }

    private static byte[] slice(ByteBuffer b, int from, int length) {
        byte[] out = new byte[length];
        b.get(from, out);
        return out;
    }

    private void packet(int linkType, long epochMicros, byte[] frame) {
        CapturedMessage message = PacketDecoder.decode(linkType, epochMicros, frame);
        if (message == null) {
            skipped++;
        } else {
            messages.add(message);
        }
    }
}
