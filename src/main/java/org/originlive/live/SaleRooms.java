package org.originlive.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.originlive.common.Periodic;
import org.originlive.i18n.Lang;
import org.originlive.sale.SaleApi;
import org.originlive.sale.SaleEvent;
import org.originlive.sale.SaleQueries;

/**
 * This replica's audience, one {@link SaleRoom} per watched sale. Committed changes arrive from
 * {@link SaleListener}; one timer at the base flush interval lets every room flush when its own
 * adaptive interval is due, tick and send its audience size; once a second idle rooms go away.
 */
@ApplicationScoped
public class SaleRooms {

    private final Map<UUID, SaleRoom> rooms = new ConcurrentHashMap<>();
    private final SaleQueries sales;
    private final Frames frames;
    private final LiveMetrics metrics;
    private final ViewerCounts counts;
    private final ObjectMapper json;
    private final Vertx vertx;
    private final Clock clock;
    private final LiveConfig config;
    private final RoomChat chat;
    private final AudiencePeaks peaks;
    private final NatsBus nats;
    private Periodic timer;
    private long flushes;

    SaleRooms(
            SaleQueries sales,
            Frames frames,
            LiveMetrics metrics,
            ViewerCounts counts,
            ObjectMapper json,
            Vertx vertx,
            Clock clock,
            LiveConfig config,
            RoomChat chat,
            AudiencePeaks peaks,
            NatsBus nats) {
        this.sales = sales;
        this.frames = frames;
        this.metrics = metrics;
        this.counts = counts;
        this.json = json;
        this.vertx = vertx;
        this.clock = clock;
        this.config = config;
        this.chat = chat;
        this.peaks = peaks;
        this.nats = nats;
    }

    void onStart(@Observes StartupEvent event) {
        timer = Periodic.run(vertx, "Live room flush", config.flushInterval(), this::everyFlush);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (timer != null) {
            timer.stop();
        }
    }

    /** Sends the viewer a snapshot and joins it to the sale's room; fails if the sale is unknown. */
    Uni<Void> join(Viewer viewer, UUID saleId) {
        // Atomic with the idle sweep, so a joining viewer never lands in a discarded room.
        SaleRoom room = rooms.compute(saleId, (id, existing) -> {
            SaleRoom r = existing != null ? existing : opened(id);
            r.expectJoin();
            return r;
        });
        // With NATS, the sale's subject is subscribed before the snapshot is read: nothing falls between.
        Uni<Void> subscribed =
                nats.enabled() ? nats.watch(saleId) : Uni.createFrom().voidItem();
        return subscribed
                .flatMap(x -> Uni.combine()
                        .all()
                        .unis(sales.get(saleId, viewer.lang), chat.snapshot(saleId))
                        .asTuple())
                .invoke(read -> room.join(
                        viewer,
                        read.getItem1(),
                        read.getItem2(),
                        clock.instant(),
                        counts.total(saleId, room.localViewers() + 1, clock.millis())))
                .onFailure()
                .invoke(room::cancelJoin)
                .replaceWithVoid();
    }

    void leave(Viewer viewer, UUID saleId) {
        SaleRoom room = rooms.get(saleId);
        if (room != null) {
            room.leave(viewer);
        }
    }

    /** A NOTIFY payload of the sale change feed: a JSON array of {@link SaleEvent}. */
    void onChanges(String payload) {
        List<SaleEvent> events;
        try {
            events = json.readValue(payload, new TypeReference<>() {});
        } catch (JsonProcessingException e) {
            Log.warnf("Ignoring a malformed sale event: %s", e.getMessage());
            return;
        }
        Instant now = clock.instant();
        for (SaleEvent event : events) {
            SaleRoom room = rooms.get(event.saleId());
            if (room != null) {
                room.onEvent(event, now);
            }
        }
    }

    void onViewerCounts(String payload) {
        counts.heard(payload, clock.millis());
    }

    /** After the LISTEN connection came back: changes may have been missed, so re-read every sale. */
    void resyncAll() {
        rooms.values().forEach(room -> Uni.combine()
                .all()
                .unis(inEachLanguage(room), chat.snapshot(room.saleId))
                .asTuple()
                .subscribe()
                .with(
                        read -> room.resync(
                                read.getItem1(),
                                read.getItem2(),
                                clock.instant(),
                                counts.total(room.saleId, room.localViewers(), clock.millis())),
                        failure -> Log.warnf("Could not resync sale %s: %s", room.saleId, failure.toString())));
    }

    /** The room's sale once per language its viewers read (one read per language, not per viewer). */
    private Uni<Map<Lang, SaleApi.SaleView>> inEachLanguage(SaleRoom room) {
        List<Lang> languages = List.copyOf(room.languages());
        return Uni.join()
                .all(languages.stream()
                        .map(lang -> sales.get(room.saleId, lang))
                        .toList())
                .andFailFast()
                .map(read -> {
                    Map<Lang, SaleApi.SaleView> byLang = new HashMap<>();
                    for (int i = 0; i < languages.size(); i++) {
                        byLang.put(languages.get(i), read.get(i));
                    }
                    return byLang;
                });
    }

    /** The sale's audience on every replica, as this replica last heard it. */
    long viewers(UUID saleId) {
        SaleRoom room = rooms.get(saleId);
        return counts.total(saleId, room == null ? 0 : room.localViewers(), clock.millis());
    }

    /** Tells every viewer to reconnect (to another replica) before this one stops. */
    public void closeAll(int code, String reason) {
        rooms.values().forEach(room -> room.closeAll(code, reason));
    }

    /**
     * Queues a frame that is not part of the sale's {@code seq} stream (chat and the like) for
     * every viewer of the sale on this replica. {@code frame} must serialise to a JSON object
     * (a record); it is serialised once, now, on the caller's thread, as a JSON object with
     * {@code type} and {@code serverTime} set (a {@code type} field of {@code frame} is replaced),
     * and goes out at the room's next flush (at most {@code max-flush-interval} away), after that
     * flush's stock frames, in the order frames were queued, through the same shared buffer as
     * every other frame. Not conflated. Does nothing when nobody on this replica watches the sale;
     * cross-replica delivery is the caller's (publish through the database, queue on each).
     */
    public void queueFrame(UUID saleId, String type, Object frame) {
        SaleRoom room = rooms.get(saleId);
        if (room != null) {
            room.queue(frames.other(type, frame, clock.instant()));
        }
    }

    private SaleRoom opened(UUID saleId) {
        SaleRoom room = new SaleRoom(saleId, frames, metrics, config);
        metrics.roomOpened(saleId, room.pace);
        return room;
    }

    private void everyFlush() {
        Instant now = clock.instant();
        long millis = now.toEpochMilli();
        rooms.values().forEach(room -> room.pump(now, counts.total(room.saleId, room.localViewers(), millis)));
        long perSecond = Math.max(1, 1000 / Math.max(1, config.flushInterval().toMillis()));
        if (++flushes % perSecond != 0) {
            return;
        }
        rooms.keySet()
                .forEach(id -> rooms.computeIfPresent(id, (key, room) -> {
                    if (!room.isIdle()) {
                        return room;
                    }
                    metrics.roomClosed(key);
                    peaks.forget(key);
                    nats.unwatch(key);
                    return null;
                }));
        Map<UUID, Integer> local = new HashMap<>();
        rooms.values().forEach(room -> local.put(room.saleId, room.localViewers()));
        rooms.values()
                .forEach(room -> peaks.observe(room.saleId, counts.total(room.saleId, room.localViewers(), millis)));
        long announceEvery = Math.max(1, config.viewerCountInterval().toMillis() / 1000);
        if (!local.isEmpty() && (flushes / perSecond) % announceEvery == 0) {
            counts.announce(local);
        }
    }
}
