package io.switchboard.loadtests.replay;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Takes a captured frame apart down to its UDP payload: the link layers of the tcpdump.org
 * LINKTYPE list that SIP captures come in — Ethernet (1, with IEEE 802.1Q tags), BSD loopback
 * (0), raw IP (101), IPv4 (228), IPv6 (229), Linux cooked SLL (113) and SLL2 (276) — then IPv4
 * (RFC 791) or IPv6 (RFC 8200) and UDP (RFC 768). What is not UDP, and IPv4 fragments (not
 * reassembled), come back as null.
 */
final class PacketDecoder {

    static final int LINKTYPE_NULL = 0;
    static final int LINKTYPE_ETHERNET = 1;
    static final int LINKTYPE_RAW = 101;
    static final int LINKTYPE_LINUX_SLL = 113;
    static final int LINKTYPE_IPV4 = 228;
    static final int LINKTYPE_IPV6 = 229;
    static final int LINKTYPE_LINUX_SLL2 = 276;

    private static final int ETHERTYPE_IPV4 = 0x0800;
    private static final int ETHERTYPE_IPV6 = 0x86DD;
    private static final int ETHERTYPE_VLAN = 0x8100;
    private static final int ETHERTYPE_QINQ = 0x88A8;
    private static final int UDP = 17;

    private PacketDecoder() {
    }

    /** True for the link types {@link #decode} understands. */
    static boolean supports(int linkType) {
        return switch (linkType) {
            case LINKTYPE_NULL, LINKTYPE_ETHERNET, LINKTYPE_RAW, LINKTYPE_LINUX_SLL, LINKTYPE_IPV4, LINKTYPE_IPV6,
                    LINKTYPE_LINUX_SLL2 -> true;
            default -> false;
        };
    }

    /** The UDP datagram in {@code frame}, or null when there is none (or it is a fragment). */
    static CapturedMessage decode(int linkType, long epochMicros, byte[] frame) {
        ByteBuffer b = ByteBuffer.wrap(frame).order(ByteOrder.BIG_ENDIAN);
        try {
            int ipStart;
            switch (linkType) {
                case LINKTYPE_ETHERNET -> {
                    int offset = 12;
                    int type = b.getShort(offset) & 0xFFFF;
                    while (type == ETHERTYPE_VLAN || type == ETHERTYPE_QINQ) {
                        offset += 4;
                        type = b.getShort(offset) & 0xFFFF;
                    }
                    if (type != ETHERTYPE_IPV4 && type != ETHERTYPE_IPV6) {
                        return null;
                    }
                    ipStart = offset + 2;
                }
                case LINKTYPE_LINUX_SLL -> ipStart = 16;
                case LINKTYPE_LINUX_SLL2 -> ipStart = 20;
                case LINKTYPE_NULL -> ipStart = 4;
                case LINKTYPE_RAW, LINKTYPE_IPV4, LINKTYPE_IPV6 -> ipStart = 0;
                default -> {
                    return null;
                }
            }
            return ip(b, ipStart, epochMicros);
        } catch (IndexOutOfBoundsException e) {
            return null;
        }
    }

    private static CapturedMessage ip(ByteBuffer b, int start, long epochMicros) {
        int version = (b.get(start) & 0xF0) >> 4;
        int udp;
        byte[] source;
        byte[] destination;
        if (version == 4) {
            int headerLength = (b.get(start) & 0x0F) * 4;
            int flagsOffset = b.getShort(start + 6) & 0xFFFF;
            if (b.get(start + 9) != UDP || (flagsOffset & 0x3FFF) != 0) {
                return null;
            }
            source = Arrays.copyOfRange(b.array(), start + 12, start + 16);
            destination = Arrays.copyOfRange(b.array(), start + 16, start + 20);
            udp = start + headerLength;
        } else if (version == 6) {
            if (b.get(start + 6) != UDP) {
                return null;
            }
            source = Arrays.copyOfRange(b.array(), start + 8, start + 24);
            destination = Arrays.copyOfRange(b.array(), start + 24, start + 40);
            udp = start + 40;
        } else {
            return null;
        }
        int length = b.getShort(udp + 4) & 0xFFFF;
        int payloadEnd = Math.min(udp + Math.max(length, 8), b.limit());
        try {
            return new CapturedMessage(epochMicros,
                    new InetSocketAddress(InetAddress.getByAddress(source), b.getShort(udp) & 0xFFFF),
                    new InetSocketAddress(InetAddress.getByAddress(destination), b.getShort(udp + 2) & 0xFFFF),
                    Arrays.copyOfRange(b.array(), udp + 8, payloadEnd));
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
