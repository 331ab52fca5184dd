package org.originlive.live;

import io.netty.util.concurrent.EventExecutor;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.originlive.i18n.Lang;
import org.originlive.sale.SaleApi;
import org.originlive.sale.SaleEvent;
import org.originlive.sale.SaleStatus;

/**
 * The viewers of one sale on this replica and what they have been told. Stock changes are
 * conflated per item and queued frames (chat) wait until the room's next flush, whose interval
 * {@link Pace} adapts to the room; status and pin changes go out at once, after pending stock, so
 * each viewer sees {@code seq} in order. Each broadcast is encoded once into a {@link Batch} and
 * handed to one {@link LoopGroup} per event loop. Everything that emits runs under this lock.
 */
final class SaleRoom {

    final UUID saleId;
    final Pace pace;
    private final Frames frames;
    private final LiveMetrics metrics;
    private final LiveConfig config;
    private final Map<EventExecutor, LoopGroup> groups = new HashMap<>();
    private final List<Viewer> viewers = new ArrayList<>();
    private final Map<UUID, SaleEvent> pendingStock = new LinkedHashMap<>();
    private final List<byte[]> queued = new ArrayList<>();
    // The last change of each kind per item (stock, pin) or per sale (status, video).
    private final Map<String, SaleEvent> latest = new HashMap<>();
    private SaleStatus status;
    private long statusSeq = -1;
    // Every viewer got a snapshot at this seq in the last resync: older events say nothing new.
    private long resyncedSeq = -1;
    private Instant startsAt;
    private Instant endsAt;
    private final RoomClock clock;
    private long nextFlushAt;
    private int joining;

    SaleRoom(UUID saleId, Frames frames, LiveMetrics metrics, LiveConfig config) {
        this.saleId = saleId;
        this.frames = frames;
        this.metrics = metrics;
        this.config = config;
        this.pace = new Pace(config);
        this.clock = new RoomClock(config);
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
        if (viewer.left) {
            return;
        }
        learn(sale);
        List<byte[]> first = new ArrayList<>();
        first.add(frames.snapshot(now, sale, chat, audience));
        // Pending stock is left out: it goes to everyone at the next flush.
        latest.values().stream()
                .filter(e -> e.seq() > sale.seq() && pendingStock.get(e.itemId()) != e)
                .sorted(Comparator.comparingLong(SaleEvent::seq))
                .forEach(e -> first.add(frames.event(e, now)));
        Batch batch = Batch.of(first);
        groups.computeIfAbsent(viewer.loop(), this::group).join(viewer, batch);
        batch.release();
        viewer.joined = true;
        viewers.add(viewer);
    }

    synchronized void leave(Viewer viewer) {
        viewer.left = true;
        if (viewer.joined && viewers.remove(viewer)) {
            groups.get(viewer.loop()).leave(viewer);
        }
    }

    synchronized boolean isIdle() {
        return viewers.isEmpty() && joining == 0;
    }

    synchronized int localViewers() {
        return viewers.size();
    }

    synchronized void onEvent(SaleEvent event, Instant now) {
        String key = event.kind().wire()
                + (event.itemId() == null ? "" : event.itemId().toString());
        SaleEvent previous = latest.get(key);
        // A repeat (the nats relay delivers at least once) or what the last resync's snapshot already said.
        if (event.seq() <= resyncedSeq || (previous != null && previous.seq() >= event.seq())) {
            return;
        }
        latest.put(key, event);
        if (event.kind() == SaleEvent.Kind.STOCK) {
            pendingStock.put(event.itemId(), event);
            return;
        }
        if (event.kind() == SaleEvent.Kind.STATUS && event.seq() > statusSeq) {
            status = event.status();
            statusSeq = event.seq();
        }
        List<byte[]> out = drain(now);
        out.add(frames.event(event, now));
        metrics.latency(event.at(), now.toEpochMilli());
        broadcast(out);
    }

    /** A frame outside the sale's {@code seq} (chat), sent in queue order at the next flush. */
    synchronized void queue(byte[] frame) {
        queued.add(frame);
    }

    /** Called every base flush interval: the due flush, tick and audience size, in one batch. */
    synchronized void pump(Instant now, long audience) {
        long millis = now.toEpochMilli();
        List<byte[]> out = new ArrayList<>();
        if (millis >= nextFlushAt) {
            out = drain(now);
            nextFlushAt = millis + pace.next(viewers.size());
        }
        if (clock.tickDue(millis, audience) && (status == SaleStatus.SCHEDULED || status == SaleStatus.LIVE)) {
            Long toStart = status == SaleStatus.SCHEDULED ? seconds(now, startsAt) : null;
            out.add(frames.tick(now, toStart, seconds(now, endsAt)));
        }
        if (clock.viewersDue(millis, audience)) {
            out.add(frames.viewers(audience, now));
        }
        broadcast(out);
    }

    /** The languages this room's viewers read their snapshots in. */
    synchronized Set<Lang> languages() {
        Set<Lang> languages = new HashSet<>();
        languages.add(Lang.SOURCE);
        viewers.forEach(v -> languages.add(v.lang));
        return languages;
    }

    /**
     * After the change feed was interrupted: everyone gets a fresh snapshot, in its own language
     * ({@code sales} has the source one; a viewer whose language is missing gets that).
     */
    synchronized void resync(Map<Lang, SaleApi.SaleView> sales, RoomChat.Snapshot chat, Instant now, long audience) {
        pendingStock.clear();
        latest.clear();
        status = null;
        statusSeq = -1;
        SaleApi.SaleView source = sales.get(Lang.SOURCE);
        learn(source);
        resyncedSeq = Math.max(resyncedSeq, source.seq());
        if (sales.size() == 1) {
            broadcast(new ArrayList<>(List.of(frames.snapshot(now, source, chat, audience))));
            return;
        }
        if (viewers.isEmpty()) {
            return;
        }
        sales.forEach((lang, sale) -> {
            Predicate<Viewer> to =
                    lang.isSource() ? v -> !sales.containsKey(v.lang) || v.lang.isSource() : v -> lang.equals(v.lang);
            Batch batch = Batch.of(List.of(frames.snapshot(now, sale, chat, audience)));
            groups.values().forEach(g -> g.broadcast(batch, to));
            batch.release();
        });
    }

    synchronized void closeAll(int code, String reason) {
        viewers.forEach(v -> v.close(code, reason));
    }

    private List<byte[]> drain(Instant now) {
        List<byte[]> out = new ArrayList<>(pendingStock.size() + queued.size() + 2);
        for (SaleEvent e : pendingStock.values()) {
            out.add(frames.event(e, now));
            metrics.latency(e.at(), now.toEpochMilli());
        }
        pendingStock.clear();
        out.addAll(queued);
        queued.clear();
        return out;
    }

    private void broadcast(List<byte[]> messages) {
        if (messages.isEmpty() || viewers.isEmpty()) {
            return;
        }
        Batch batch = Batch.of(messages);
        groups.values().forEach(g -> g.broadcast(batch));
        batch.release();
    }

    private LoopGroup group(EventExecutor loop) {
        return new LoopGroup(
                loop,
                config.viewersPerTask(),
                nanos -> {
                    pace.lag(nanos);
                    metrics.fanOutLag(nanos);
                },
                metrics);
    }

    private void learn(SaleApi.SaleView sale) {
        startsAt = sale.startsAt();
        endsAt = sale.endsAt();
        if (sale.seq() >= statusSeq) {
            status = sale.status();
            statusSeq = sale.seq();
        }
    }

    private static long seconds(Instant now, Instant then) {
        return Math.max(0, Duration.between(now, then).toSeconds());
    }
}
