package io.switchboard.loadtests.sipp;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A UDP port on 127.0.0.1 where a stopped gateway was: it answers nothing, so the gateway stays
 * down for the engine, and counts the requests that reach it by method, to show what the engine
 * still sends there.
 */
final class SilentPort implements AutoCloseable {

    private final DatagramSocket socket;
    private final Map<String, AtomicLong> requests = new ConcurrentHashMap<>();

    /** Binds {@code port}, which must be free. */
    SilentPort(int port) throws SocketException {
        socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        Thread thread = new Thread(this::count, "silent-port-" + port);
        thread.setDaemon(true);
        thread.start();
    }

    private void count() {
        DatagramPacket packet = new DatagramPacket(new byte[65_535], 65_535);
        while (!socket.isClosed()) {
            try {
                socket.receive(packet);
            } catch (IOException e) {
                return;
            }
            String text = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.ISO_8859_1);
            int space = text.indexOf(' ');
            if (space > 0 && !text.startsWith("SIP/")) {
                requests.computeIfAbsent(text.substring(0, space), m -> new AtomicLong()).incrementAndGet();
            }
        }
    }

    /** How many {@code method} requests have reached the port. */
    long received(String method) {
        AtomicLong n = requests.get(method);
        return n == null ? 0 : n.get();
    }

    @Override
    public void close() {
        socket.close();
    }
}
