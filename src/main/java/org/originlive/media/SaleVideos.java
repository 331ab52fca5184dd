package org.originlive.media;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.originlive.common.Tx;
import org.originlive.sale.SaleApi;
import org.originlive.sale.SaleEvent;
import org.originlive.sale.SaleEvents;
import org.originlive.sale.SaleStatus;
import org.originlive.sale.SaleVideo;
import org.originlive.sale.VideoStatus;

/** What sales show of their video, and the video following its sale (a rehearsal goes LIVE, a closed sale's video ENDS). */
@ApplicationScoped
public class SaleVideos implements SaleVideo {

    private final StreamRepository streams;
    private final SaleEvents events;
    private final MediaEngine engine;
    private final ReplayJobs replays;

    SaleVideos(StreamRepository streams, SaleEvents events, MediaEngine engine, ReplayJobs replays) {
        this.streams = streams;
        this.events = events;
        this.engine = engine;
        this.replays = replays;
    }

    @Override
    public Uni<Map<UUID, SaleApi.Video>> seenBy(Map<UUID, SaleStatus> sales) {
        boolean available = engine.available();
        return streams.seen(List.copyOf(sales.keySet())).map(rows -> {
            Map<UUID, StreamRepository.Seen> streamOf = new HashMap<>();
            rows.forEach(row -> streamOf.put(row.saleId(), row));
            Map<UUID, SaleApi.Video> seen = new HashMap<>();
            sales.forEach((saleId, saleStatus) -> {
                StreamRepository.Seen row = streamOf.get(saleId);
                VideoStatus status =
                        StreamRules.seenByViewers(row == null ? VideoStatus.IDLE : row.status(), saleStatus, available);
                boolean live = status == VideoStatus.LIVE;
                seen.put(
                        saleId,
                        new SaleApi.Video(status, live ? row.playbackUrl() : null, live ? row.startedAt() : null));
            });
            return seen;
        });
    }

    @Override
    public Uni<Void> saleMoved(Tx tx, UUID saleId, SaleStatus to, long at) {
        boolean available = engine.available();
        return streams.find(tx, saleId).flatMap(found -> {
            VideoStatus stored = found.map(StreamRepository.Stream::status).orElse(VideoStatus.IDLE);
            VideoStatus next = StreamRules.afterSaleMoved(stored, to);
            // Before the move the sale was open; viewers saw the stored state of an open sale.
            VideoStatus was = StreamRules.seenByViewers(stored, SaleStatus.SCHEDULED, available);
            VideoStatus is = StreamRules.seenByViewers(next, to, available);
            Uni<Void> saved = (found.isPresent() && next != stored
                            ? streams.follow(tx, saleId, next, Instant.ofEpochMilli(at))
                            : Uni.createFrom().voidItem())
                    .flatMap(x -> to == SaleStatus.ENDED
                            ? replays.saleEnded(tx, saleId, Instant.ofEpochMilli(at))
                            : Uni.createFrom().voidItem());
            // A sale without a stream needs no frame: its status frame says it all.
            if (was == is || found.isEmpty()) {
                return saved;
            }
            String url = is == VideoStatus.LIVE ? found.get().playbackUrl() : null;
            return saved.flatMap(x -> events.claimSeq(tx, saleId, 1))
                    .flatMap(seq -> events.publish(
                            tx, List.of(SaleEvent.video(saleId, new SaleApi.Video(is, url, null), seq, at))));
        });
    }
}
