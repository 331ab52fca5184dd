package org.originlive.live;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.originlive.sale.SaleApi;
import org.originlive.sale.SaleEvent;

/**
 * The viewers of one sale on this replica and what they have been told. Stock changes are
 * conflated per item until the next flush (latest wins); status and pin changes go out at once,
 * after any pending stock, so each viewer sees {@code seq} in order.
 */
final class SaleRoom {

    final UUID saleId;
    private final Frames frames;
    private final LiveMetrics metrics;
    private final Set<Viewer> viewers = ConcurrentHashMap.newKeySet();
    private final Map<UUID, SaleEvent> pendingStock = new LinkedHashMap<>();
    private final Map<UUID, SaleEvent> latest = new HashMap<>();
    private final List<String> queued = new ArrayList<>();
    private String status;
    private long statusSeq = -1;
    private Instant startsAt;
    private Instant endsAt;
    private long lastViewersSent = -1;
    private int joining;

    SaleRoom(UUID saleId, Frames frames, LiveMetrics metrics) {
        this.saleId = saleId;
        this.frames = frames;
        this.metrics = metrics;
    }

    synchronized void expectJoin() {
        joining++;
    }

    synchronized void cancelJoin() {
        joining--;
    }

    /** Sends the snapshot, then whatever this room heard after it, then makes the viewer live. */
    synchronized void join(Viewer viewer, SaleApi.SaleView sale, RoomChat.Snapshot chat, Instant now, long audience) {
        joining--;
        learn(sale);
        viewer.send(frames.snapshot(now, sale, chat, audience));
        latest.values().stream()
                .filter(e -> e.seq() > sale.seq())
                .sorted(Comparator.comparingLong(SaleEvent::seq))
                .forEach(e -> viewer.send(frames.event(e)));
        viewers.add(viewer);
    }

    void leave(Viewer viewer) {
        viewers.remove(viewer);
    }

    synchronized boolean isIdle() {
        return viewers.isEmpty() && joining == 0;
    }

    int localViewers() {
        return viewers.size();
    }

    synchronized void onEvent(SaleEvent event, long nowMillis) {
        switch (event.kind()) {
            case SaleEvent.STOCK -> pendingStock.put(event.itemId(), event);
            case SaleEvent.STATUS -> {
                flushStock(nowMillis);
                if (event.seq() > statusSeq) {
                    status = event.status();
                    statusSeq = event.seq();
                }
                broadcast(frames.event(event), event, nowMillis);
            }
            default -> {
                flushStock(nowMillis);
                broadcast(frames.event(event), event, nowMillis);
            }
        }
        latest.put(event.itemId() == null ? saleId : event.itemId(), event);
    }

    /** A non-conflated frame (chat), sent in order at the next flush. */
    synchronized void queue(String frame) {
        queued.add(frame);
    }

    synchronized void flushStock(long nowMillis) {
        List<SaleEvent> due = new ArrayList<>(pendingStock.values());
        pendingStock.clear();
        for (SaleEvent e : due) {
            broadcast(frames.event(e), e, nowMillis);
        }
        List<String> out = new ArrayList<>(queued);
        queued.clear();
        out.forEach(frame -> broadcast(frame, null, 0));
    }

    /** The once-a-second frames: the clock while the sale is open, and the audience if it changed. */
    synchronized void tick(Instant now, long audience) {
        if ("SCHEDULED".equals(status) || "LIVE".equals(status)) {
            Long toStart = "SCHEDULED".equals(status) ? seconds(now, startsAt) : null;
            broadcast(frames.tick(now, toStart, seconds(now, endsAt)), null, 0);
        }
        if (audience != lastViewersSent) {
            lastViewersSent = audience;
            broadcast(frames.viewers(audience), null, 0);
        }
    }

    /** After the change feed was interrupted: everyone gets a fresh snapshot. */
    synchronized void resync(SaleApi.SaleView sale, RoomChat.Snapshot chat, Instant now, long audience) {
        pendingStock.clear();
        latest.clear();
        status = null;
        statusSeq = -1;
        learn(sale);
        broadcast(frames.snapshot(now, sale, chat, audience), null, 0);
    }

    void closeAll(int code, String reason) {
        viewers.forEach(v -> v.close(code, reason));
    }

    private void learn(SaleApi.SaleView sale) {
        startsAt = sale.startsAt();
        endsAt = sale.endsAt();
        if (sale.seq() >= statusSeq) {
            status = sale.status().name();
            statusSeq = sale.seq();
        }
    }

    private void broadcast(String frame, SaleEvent cause, long nowMillis) {
        if (cause != null) {
            metrics.latency(cause.at(), nowMillis);
        }
        for (Viewer viewer : viewers) {
            if (!viewer.send(frame)) {
                viewers.remove(viewer);
            }
        }
    }

    private static long seconds(Instant now, Instant then) {
        return Math.max(0, Duration.between(now, then).toSeconds());
    }
}
