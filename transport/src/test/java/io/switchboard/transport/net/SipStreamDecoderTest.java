package io.switchboard.transport.net;

import static io.switchboard.transport.net.SipSamples.INVITE;
import static io.switchboard.transport.net.SipSamples.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.switchboard.transport.message.SipFramer;
import io.switchboard.transport.message.SipMessage;
import io.switchboard.transport.message.SipRequest;
import io.switchboard.transport.parse.SipLimits;
import io.switchboard.transport.parse.SipParseException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SipStreamDecoderTest {

    private final TransportCounters counters = new TransportCounters();
    private EmbeddedChannel channel = channel(SipLimits.DEFAULT);

    private EmbeddedChannel channel(SipLimits limits) {
        return new EmbeddedChannel(new SipStreamDecoder(new SipFramer(limits), counters));
    }

    @AfterEach
    void close() {
        channel.finishAndReleaseAll();
    }

    private void write(String text) {
        channel.writeInbound(Unpooled.wrappedBuffer(bytes(text)));
    }

    private SipMessage read() {
        return channel.readInbound();
    }

    @Test
    void framesTwoMessagesFromOneBuffer() throws SipParseException {
        write(SipSamples.invite("a") + SipSamples.invite("b"));
        assertEquals("a", read().callId());
        assertEquals("b", read().callId());
        assertNull(read());
    }

    @Test
    void framesAMessageArrivingByteByByte() throws SipParseException {
        String text = SipSamples.inviteWithSdp("slow") + SipSamples.invite("next");
        for (byte b : bytes(text)) {
            channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {b}));
        }
        SipMessage first = read();
        assertEquals("slow", first.callId());
        assertArrayEquals(bytes(SipSamples.SDP), first.body());
        assertEquals("next", read().callId());
        assertNull(read());
    }

    @Test
    void readsTheBodyByContentLength() throws SipParseException {
        String text = SipSamples.inviteWithSdp("sdp");
        write(text.substring(0, text.length() - 5));
        assertNull(read());
        write(text.substring(text.length() - 5));
        SipMessage message = read();
        assertTrue(((SipRequest) message).isInvite());
        assertArrayEquals(bytes(SipSamples.SDP), message.body());
        assertArrayEquals(bytes(text), message.encode());
    }

    @Test
    void answersAPingWithAPong() {
        write("\r\n\r\n");
        ByteBuf pong = channel.readOutbound();
        assertEquals("\r\n", pong.toString(StandardCharsets.US_ASCII));
        pong.release();
        assertEquals(1, counters.keepAlives());
        assertTrue(channel.isOpen());
    }

    @Test
    void answersAPingSplitAcrossReadsAndFramesWhatFollows() throws SipParseException {
        write("\r\n");
        assertNull(channel.readOutbound());
        write("\r\n" + INVITE);
        ByteBuf pong = channel.readOutbound();
        assertEquals("\r\n", pong.toString(StandardCharsets.US_ASCII));
        pong.release();
        assertEquals("call-1@127.0.0.1", read().callId());
    }

    @Test
    void skipsLoneCrlfsBetweenMessages() throws SipParseException {
        write(INVITE + "\r\n" + SipSamples.invite("b"));
        assertEquals("call-1@127.0.0.1", read().callId());
        assertEquals("b", read().callId());
        assertNull(channel.readOutbound());
        assertEquals(0, counters.keepAlives());
    }

    @Test
    void acceptsTheCompactFormOfContentLength() throws SipParseException {
        write(SipSamples.inviteWithSdp("compact").replace("Content-Length:", "l :"));
        assertArrayEquals(bytes(SipSamples.SDP), read().body());
    }

    @Test
    void closesOnAMessageWithoutContentLength() {
        write(INVITE.replace("Content-Length: 0\r\n", ""));
        assertNull(read());
        assertFalse(channel.isOpen());
        assertEquals(1, counters.parseErrors());
    }

    @Test
    void closesOnConflictingContentLengths() {
        write(INVITE.replace("Content-Length: 0\r\n", "Content-Length: 0\r\nContent-Length: 4\r\n"));
        assertFalse(channel.isOpen());
        assertEquals(1, counters.parseErrors());
    }

    @Test
    void cutsOffAnOversizedHeaderSection() {
        channel = channel(new SipLimits(1024, 64, 512));
        write(INVITE.substring(0, INVITE.indexOf("Content-Length")));
        for (int i = 0; channel.isOpen() && i < 100; i++) {
            write("X-Filler: " + "x".repeat(40) + "\r\n");
        }
        assertFalse(channel.isOpen());
        assertEquals(1, counters.parseErrors());
        assertNull(read());
    }

    @Test
    void cutsOffAnOverlongLineBeforeItEnds() {
        channel = channel(new SipLimits(65_535, 64, 100));
        write("INVITE sip:" + "a".repeat(200));
        assertFalse(channel.isOpen());
        assertEquals(1, counters.parseErrors());
    }

    @Test
    void refusesABodyPastTheMessageLimit() {
        channel = channel(new SipLimits(1024, 64, 512));
        write(INVITE.replace("Content-Length: 0", "Content-Length: 5000"));
        assertFalse(channel.isOpen());
        assertEquals(1, counters.parseErrors());
    }

    @Test
    void dropsAMessageThatDoesNotParseButKeepsTheConnection() throws SipParseException {
        write("NOT A SIP MESSAGE\r\nContent-Length: 0\r\n\r\n" + INVITE);
        assertEquals("call-1@127.0.0.1", read().callId());
        assertTrue(channel.isOpen());
        assertEquals(1, counters.parseErrors());
    }

    @Test
    void keepsTheReceivedBytes() {
        String text = SipSamples.inviteWithSdp("bytes");
        write(text);
        SipMessage message = read();
        assertEquals(ByteBufUtil.hexDump(bytes(text)), ByteBufUtil.hexDump(message.encode()));
    }
}
