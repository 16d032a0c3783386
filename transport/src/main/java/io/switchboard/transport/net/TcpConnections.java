package io.switchboard.transport.net;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import java.net.InetSocketAddress;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The TCP connections of a transport by remote address: those the listeners accepted, so replies
 * go back on the connection a request came on (RFC 3261 §18.2.2), and those opened to send
 * (RFC 3261 §18.1.1). An entry leaves when its connection closes.
 */
final class TcpConnections {

    private final ConcurrentHashMap<InetSocketAddress, ChannelFuture> table = new ConcurrentHashMap<>();
    private final Bootstrap connector;

    TcpConnections(Bootstrap connector) {
        this.connector = connector;
    }

    void accepted(Channel channel) {
        InetSocketAddress remote = (InetSocketAddress) channel.remoteAddress();
        ChannelFuture entry = channel.newSucceededFuture();
        table.put(remote, entry);
        channel.closeFuture().addListener(f -> table.remove(remote, entry));
    }

    /**
     * The connection to {@code destination}: the one in the table if it is open or opening, else
     * a new one from {@code local} (null for any local address). The future completes when the
     * connection is usable or has failed.
     */
    ChannelFuture connection(InetSocketAddress destination, InetSocketAddress local) {
        ChannelFuture current = table.get(destination);
        if (current != null && isUsable(current)) {
            return current;
        }
        ChannelFuture fresh = local == null ? connector.connect(destination) : connector.connect(destination, local);
        ChannelFuture winner = table.compute(destination,
                (key, entry) -> entry != null && entry != current && isUsable(entry) ? entry : fresh);
        if (winner != fresh) {
            fresh.channel().close();
            return winner;
        }
        fresh.channel().closeFuture().addListener(f -> table.remove(destination, fresh));
        return fresh;
    }

    private static boolean isUsable(ChannelFuture entry) {
        return entry.isDone() ? entry.isSuccess() && entry.channel().isActive() : entry.channel().isOpen();
    }

    int size() {
        return table.size();
    }

    void closeAll() {
        table.values().forEach(entry -> entry.channel().close());
    }
}
