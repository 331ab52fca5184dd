package org.originlive.live;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.util.concurrent.EventExecutor;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;
import org.originlive.i18n.Lang;

/**
 * One connected viewer. Broadcasts are written straight to its Netty channel, on the channel's own
 * event loop, as pre-encoded frames; a viewer with more than the allowed unsent bytes when the next
 * batch comes is dropped (1008), never buffered without bound, so one stalled phone costs nothing.
 */
final class Viewer {

    static final int TOO_SLOW = 1008;

    private final WebSocketConnection connection;
    private final ChannelHandlerContext channel;
    private final int maxUnsentBytes;
    private final LiveMetrics metrics;
    /** The language this viewer's snapshots are served in (the socket's {@code ?lang=} or Accept-Language). */
    final Lang lang;

    private volatile boolean closed;
    // Touched only on the channel's event loop (writes and their completions run there).
    private long unsentBytes;
    // Guarded by the room's lock.
    boolean joined;
    boolean left;

    Viewer(
            WebSocketConnection connection,
            ChannelHandlerContext channel,
            int maxUnsentBytes,
            LiveMetrics metrics,
            Lang lang) {
        this.connection = connection;
        this.channel = channel;
        this.maxUnsentBytes = maxUnsentBytes;
        this.metrics = metrics;
        this.lang = lang;
    }

    /** The event loop that owns the socket: the viewer's writes are grouped by it. */
    EventExecutor loop() {
        return channel.executor();
    }

    boolean isOpen() {
        return !closed && connection.isOpen();
    }

    /** Writes the batch and flushes; runs on {@link #loop()}. False if the viewer is gone or dropped. */
    boolean write(Batch batch) {
        if (closed) {
            return false;
        }
        if (unsentBytes > maxUnsentBytes || !channel.channel().isActive()) {
            drop();
            metrics.dropped(batch.frames);
            return false;
        }
        int size = batch.size;
        unsentBytes += size;
        channel.writeAndFlush(batch.forWrite()).addListener((ChannelFutureListener) written -> unsentBytes -= size);
        return true;
    }

    void close(int code, String reason) {
        closed = true;
        if (connection.isOpen()) {
            connection.close(new CloseReason(code, reason)).subscribe().with(ok -> {}, failure -> {});
        }
    }

    private void drop() {
        if (!closed && channel.channel().isActive()) {
            metrics.viewerDropped();
            close(TOO_SLOW, "too slow: reconnect and re-read the sale");
        }
        closed = true;
    }
}
