package org.originlive.media;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.originlive.common.ReadsTables;
import org.originlive.common.Transactions;
import org.originlive.common.Tx;

/** Replays and their highlights as the public reads see them (read-only SQL). */
@ApplicationScoped
@ReadsTables({"media_recording", "media_replay", "media_highlight"})
public class ReplayReads {

    /** A recording the engine closed: its file, and its length (measured, else as the clock saw it). */
    record Recording(UUID id, String file, Instant startedAt, Instant endedAt, Double measuredSeconds) {

        double seconds() {
            return measuredSeconds != null
                    ? measuredSeconds
                    : Duration.between(startedAt, endedAt).toMillis() / 1000.0;
        }
    }

    record Replay(String status, String playbackUrl, Double durationSeconds) {}

    record Highlight(
            UUID id,
            UUID saleId,
            UUID itemId,
            UUID productId,
            Double startSeconds,
            Double durationSeconds,
            String url) {}

    private final Tx db;

    ReplayReads(Transactions transactions) {
        this.db = transactions.autoCommit();
    }

    Uni<Optional<Replay>> replay(UUID saleId) {
        return db.sql()
                .preparedQuery("SELECT status, playback_url, duration_seconds FROM media_replay WHERE sale_id = $1")
                .execute(Tuple.of(saleId))
                .map(rows -> ReplayRepository.first(
                        rows,
                        r -> new Replay(
                                r.getString("status"),
                                r.getString("playback_url"),
                                ReplayRepository.number(r, "duration_seconds"))));
    }

    /** Clips of READY replays, of one sale (by pin) or of one product (newest first). */
    Uni<List<Highlight>> highlights(UUID saleId, UUID productId, int limit) {
        String where = saleId != null ? "h.sale_id = $1" : "h.product_id = $1";
        String order = saleId != null ? "h.pinned_at" : "h.pinned_at DESC";
        return db.sql()
                .preparedQuery("SELECT h.id, h.sale_id, h.item_id, h.product_id, h.start_seconds, h.duration_seconds,"
                        + " h.playback_url FROM media_highlight h JOIN media_replay r ON r.sale_id = h.sale_id"
                        + " WHERE " + where + " AND r.status = 'READY' AND h.playback_url IS NOT NULL"
                        + " ORDER BY " + order + " LIMIT $2")
                .execute(Tuple.of(saleId != null ? saleId : productId, limit))
                .map(rows -> ReplayRepository.all(
                        rows,
                        r -> new Highlight(
                                r.getUUID("id"),
                                r.getUUID("sale_id"),
                                r.getUUID("item_id"),
                                r.getUUID("product_id"),
                                ReplayRepository.number(r, "start_seconds"),
                                ReplayRepository.number(r, "duration_seconds"),
                                r.getString("playback_url"))));
    }

    /** The sale's closed recordings on its replay's storage, in the order they were made. */
    Uni<List<Recording>> recordings(UUID saleId) {
        return db.sql()
                .preparedQuery(
                        "SELECT m.id, m.file, m.started_at, m.ended_at, m.duration_seconds FROM media_recording m"
                                + " JOIN media_replay r ON r.sale_id = m.sale_id AND r.storage_id = m.storage_id"
                                + " WHERE m.sale_id = $1 AND m.file IS NOT NULL ORDER BY m.started_at")
                .execute(Tuple.of(saleId))
                .map(rows -> ReplayRepository.all(
                        rows,
                        r -> new Recording(
                                r.getUUID("id"),
                                r.getString("file"),
                                ReplayRepository.instant(r, "started_at"),
                                ReplayRepository.instant(r, "ended_at"),
                                ReplayRepository.number(r, "duration_seconds"))));
    }
}
