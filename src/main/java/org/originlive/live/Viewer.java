package org.originlive.live;

import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;
import io.vertx.core.Context;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One connected viewer with a bounded send queue: a viewer whose unsent frames pass the bound is
 * closed, never waited for, so one slow phone cannot hold back the others.
 */
final class Viewer {

    private final WebSocketConnection connection;
    private final Context context;
    private final int maxInFlight;
    private final LiveMetrics metrics;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicBoolean dropped = new AtomicBoolean();

    Viewer(WebSocketConnection connection, Context context, int maxInFlight, LiveMetrics metrics) {
        this.connection = connection;
        this.context = context != null ? context : io.vertx.core.Vertx.currentContext();
        this.maxInFlight = maxInFlight;
        this.metrics = metrics;
    }

    String id() {
        return connection.id();
    }

    boolean isOpen() {
        return !dropped.get() && connection.isOpen();
    }

    /** Queues a frame; false if the viewer is gone or was dropped for being too slow. */
    boolean send(String frame) {
        if (!isOpen()) {
            metrics.dropped(1);
            return false;
        }
        if (inFlight.incrementAndGet() > maxInFlight) {
            inFlight.decrementAndGet();
            drop();
            return false;
        }
        // Every write goes through the connection's own context queue, so frames leave in the
        // order they were handed over, whichever thread handed them (room lock order = seq order).
        context.runOnContext(
                v -> connection.sendText(frame).subscribe().with(ok -> inFlight.decrementAndGet(), failure -> {
                    inFlight.decrementAndGet();
                    metrics.dropped(1);
                }));
        metrics.sent(1);
        return true;
    }

    void close(int code, String reason) {
        if (connection.isOpen()) {
            connection.close(new CloseReason(code, reason)).subscribe().with(ok -> {}, failure -> {});
        }
    }

    private void drop() {
        if (dropped.compareAndSet(false, true)) {
            metrics.viewerDropped();
            metrics.dropped(1);
            close(1008, "too slow: reconnect and re-read the sale");
        }
    }
}
