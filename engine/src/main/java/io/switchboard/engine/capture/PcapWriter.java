package io.switchboard.engine.capture;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Writes SIP messages as a classic libpcap file (draft-ietf-opsawg-pcap §4 file header, §5 packet
 * record; microsecond timestamps, magic {@code 0xA1B2C3D4}, link type 1 LINKTYPE_ETHERNET), each
 * message one UDP datagram in synthesized Ethernet (IEEE 802.3, locally administered MACs),
 * IPv4 (RFC 791, header checksum) or IPv6 (RFC 8200) and UDP (RFC 768, checksum over the
 * pseudo-header) headers, so Wireshark, tshark, tcpdump and SIPp read it as they read a capture
 * taken on a wire. A message that came over TCP is written as a datagram too: SIP frames it the
 * same (RFC 3261 §18.3), and one message per packet is what a replayer wants. Not thread-safe.
 */
public final class PcapWriter {

    /** The pcap file header's size (§4). */
    public static final int FILE_HEADER_SIZE = 24;
    /** The largest payload that fits one IPv4 datagram: 65535 less the IPv4 and UDP headers. */
    public static final int MAX_PAYLOAD = 65_535 - 20 - 8;

    static final int LINKTYPE_ETHERNET = 1;
    private static final int MAGIC_MICROSECONDS = 0xA1B2C3D4;
    private static final int SNAPLEN = 262_144;
    private static final int RECORD_HEADER = 16;
    private static final int ETHERNET = 14;
    private static final int IPV4 = 20;
    private static final int IPV6 = 40;
    private static final int UDP = 8;
    private static final int PROTOCOL_UDP = 17;
    private static final byte[] MAC_SOURCE = {2, 0, 0, 0, 0, 1};
    private static final byte[] MAC_DESTINATION = {2, 0, 0, 0, 0, 2};

    private final OutputStream out;
    private short identification;

    /** A writer of packet records onto {@code out}; call {@link #writeFileHeader()} first on a new file. */
    public PcapWriter(OutputStream out) {
        this.out = out;
    }

    /** Writes the 24-byte file header. */
    public void writeFileHeader() throws IOException {
        ByteBuffer header = ByteBuffer.allocate(FILE_HEADER_SIZE).order(ByteOrder.LITTLE_ENDIAN);
        header.putInt(MAGIC_MICROSECONDS).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0)
                .putInt(SNAPLEN).putInt(LINKTYPE_ETHERNET);
        out.write(header.array());
    }

    /** The bytes {@link #write} adds to the file for a message of {@code payloadLength} bytes. */
    public static int recordSize(InetSocketAddress source, InetSocketAddress destination, int payloadLength) {
        return RECORD_HEADER + ETHERNET + (isV6(source, destination) ? IPV6 : IPV4) + UDP + payloadLength;
    }

    /**
     * Writes one message as a UDP datagram from {@code source} to {@code destination}; IPv6 when
     * either address is (an IPv4 one then written IPv4-mapped, RFC 4291 §2.5.5.2).
     *
     * @param epochMicros when it was seen, in microseconds since 1970
     * @throws IllegalArgumentException when the payload is longer than {@link #MAX_PAYLOAD}
     */
    public void write(long epochMicros, InetSocketAddress source, InetSocketAddress destination, byte[] payload)
            throws IOException {
        if (payload.length > MAX_PAYLOAD) {
            throw new IllegalArgumentException("a " + payload.length + "-byte message does not fit a UDP datagram");
        }
        boolean v6 = isV6(source, destination);
        int packetLength = recordSize(source, destination, payload.length) - RECORD_HEADER;
        ByteBuffer headers = ByteBuffer.allocate(packetLength - payload.length + RECORD_HEADER);
        headers.order(ByteOrder.LITTLE_ENDIAN).putInt((int) (epochMicros / 1_000_000))
                .putInt((int) (epochMicros % 1_000_000)).putInt(packetLength).putInt(packetLength);
        headers.order(ByteOrder.BIG_ENDIAN).put(MAC_DESTINATION).put(MAC_SOURCE).putShort((short) (v6 ? 0x86DD : 0x0800));
        byte[] from = address(source.getAddress(), v6);
        byte[] to = address(destination.getAddress(), v6);
        int udpLength = UDP + payload.length;
        if (v6) {
            headers.putInt(0x6000_0000).putShort((short) udpLength).put((byte) PROTOCOL_UDP).put((byte) 64)
                    .put(from).put(to);
        } else {
            int ipStart = headers.position();
            headers.put((byte) 0x45).put((byte) 0).putShort((short) (IPV4 + udpLength)).putShort(identification++)
                    .putShort((short) 0x4000).put((byte) 64).put((byte) PROTOCOL_UDP).putShort((short) 0)
                    .put(from).put(to);
            headers.putShort(ipStart + 10, (short) ~sum(headers.array(), ipStart, IPV4, 0));
        }
        int udpStart = headers.position();
        headers.putShort((short) source.getPort()).putShort((short) destination.getPort()).putShort((short) udpLength)
                .putShort((short) 0);
        long pseudo = sum(from, 0, from.length, 0) + sum(to, 0, to.length, 0) + PROTOCOL_UDP + udpLength;
        int checksum = ~sum(payload, 0, payload.length, sum(headers.array(), udpStart, UDP, pseudo)) & 0xFFFF;
        headers.putShort(udpStart + 6, (short) (checksum == 0 ? 0xFFFF : checksum));
        out.write(headers.array());
        out.write(payload);
    }

    private static boolean isV6(InetSocketAddress source, InetSocketAddress destination) {
        return source.getAddress() instanceof Inet6Address || destination.getAddress() instanceof Inet6Address;
    }

    private static byte[] address(InetAddress address, boolean v6) {
        byte[] raw = address.getAddress();
        if (!v6 || address instanceof Inet6Address) {
            return raw;
        }
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xFF;
        mapped[11] = (byte) 0xFF;
        System.arraycopy(raw, 0, mapped, 12, 4);
        return mapped;
    }

    /** The Internet checksum's folded one's-complement sum (RFC 1071) of {@code length} bytes, plus {@code start}. */
    static int sum(byte[] bytes, int offset, int length, long start) {
        long sum = start;
        int end = offset + length;
        int i = offset;
        for (; i + 1 < end; i += 2) {
            sum += ((bytes[i] & 0xFF) << 8) | (bytes[i + 1] & 0xFF);
        }
        if (i < end) {
            sum += (bytes[i] & 0xFF) << 8;
        }
        while ((sum >> 16) != 0) {
            sum = (sum & 0xFFFF) + (sum >> 16);
        }
        return (int) sum;
    }
}
