package org.originlive.media;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.originlive.common.OwnsTables;
import org.originlive.common.Transactions;
import org.originlive.common.Tx;

/**
 * Recordings, replays and highlights in SQL. Raw: a recording starts under its sale's row lock
 * (in the recorder callback's transaction), replays queue in the sale's ending transaction, and
 * workers claim jobs with {@code FOR UPDATE SKIP LOCKED}; only the current claim may finish one.
 */
@ApplicationScoped
@OwnsTables({"media_recording", "media_replay", "media_highlight"})
public class ReplayRepository {

    record Claimed(UUID saleId, String status) {}

    /** What a worker reported of one output: an id, and seconds (start and length for a clip). */
    record Measured(UUID id, double start, double seconds) {}

    private final Tx db;

    ReplayRepository(Transactions transactions) {
        this.db = transactions.autoCommit();
    }

    Uni<Void> recordingStarted(Tx tx, UUID saleId, String recorder, String storageId, String streamName, Instant at) {
        return tx.sql()
                .preparedQuery(
                        "INSERT INTO media_recording (id, sale_id, recorder, storage_id, stream_name, started_at)"
                                + " VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING")
                .execute(Tuple.of(UUID.randomUUID(), saleId, recorder, storageId, streamName, utc(at)))
                .replaceWithVoid();
    }

    /** The engine closed the recorder's file; false when no open recording has that recorder. */
    Uni<Boolean> recordingDone(String recorder, String file, Instant at) {
        return db.sql()
                .preparedQuery("UPDATE media_recording SET file = $2, ended_at = $3"
                        + " WHERE recorder = $1 AND ended_at IS NULL")
                .execute(Tuple.of(recorder, file, utc(at)))
                .map(rows -> rows.rowCount() == 1);
    }

    /** In the sale's ending transaction: a replay to make, if anything was recorded (on the storage with most of it). */
    Uni<Boolean> queue(Tx tx, UUID saleId, Instant due, Instant now) {
        return tx.sql()
                .preparedQuery("INSERT INTO media_replay (sale_id, status, due_at, storage_id, created_at)"
                        + " SELECT $1, 'PROCESSING', $2, storage_id, $3 FROM media_recording"
                        + " WHERE sale_id = $1 GROUP BY storage_id"
                        + " ORDER BY count(*) DESC LIMIT 1 ON CONFLICT DO NOTHING")
                .execute(Tuple.of(saleId, utc(due), utc(now)))
                .map(rows -> rows.rowCount() == 1);
    }

    /**
     * One due job of this storage, claimed until {@code now + lease}: a replay whose recordings are
     * all closed (or that waited {@code recordWait} for them), or one to delete.
     */
    Uni<Optional<Claimed>> claim(String storageId, UUID claim, Instant now, Duration lease, Duration recordWait) {
        return db.sql()
                .preparedQuery("UPDATE media_replay r SET claim = $2, claimed_until = $4, attempts = r.attempts + 1"
                        + " WHERE r.sale_id = (SELECT q.sale_id FROM media_replay q"
                        + " WHERE q.status <> 'READY' AND q.storage_id = $1 AND q.due_at <= $3"
                        + " AND (q.claimed_until IS NULL OR q.claimed_until < $3)"
                        + " AND (q.status = 'DELETING' OR q.due_at <= $5 OR NOT EXISTS (SELECT 1 FROM media_recording m"
                        + " WHERE m.sale_id = q.sale_id AND m.ended_at IS NULL))"
                        + " ORDER BY q.due_at LIMIT 1 FOR UPDATE SKIP LOCKED)"
                        + " RETURNING r.sale_id, r.status")
                .execute(Tuple.of(storageId, claim, utc(now), utc(now.plus(lease)), utc(now.minus(recordWait))))
                .map(rows -> first(rows, r -> new Claimed(r.getUUID("sale_id"), r.getString("status"))));
    }

    /** The sale's closed recordings on its replay's storage, in order. */

    /** The claim's plan of clips replaces any earlier one; nothing when the claim was lost meanwhile. */
    Uni<Void> plan(Tx tx, UUID saleId, UUID claim, List<ReplayTimeline.Clip> clips) {
        Uni<Void> cleared = tx.sql()
                .preparedQuery("DELETE FROM media_highlight h USING media_replay r"
                        + " WHERE h.sale_id = $1 AND r.sale_id = $1 AND r.claim = $2")
                .execute(Tuple.of(saleId, claim))
                .replaceWithVoid();
        if (clips.isEmpty()) {
            return cleared;
        }
        List<Tuple> rows = clips.stream()
                .map(c -> Tuple.from(Arrays.asList(
                        c.id(),
                        saleId,
                        c.itemId(),
                        c.productId(),
                        utc(c.pinnedAt()),
                        decimal(c.pinSeconds()),
                        decimal(c.seconds()),
                        claim)))
                .toList();
        return cleared.flatMap(x -> tx.sql()
                .preparedQuery("INSERT INTO media_highlight (id, sale_id, item_id, product_id, pinned_at, pin_seconds,"
                        + " planned_seconds) SELECT $1, $2, $3, $4, $5, $6, $7 FROM media_replay"
                        + " WHERE sale_id = $2 AND claim = $8")
                .executeBatch(rows)
                .replaceWithVoid());
    }

    /** The sale whose PROCESSING replay this claim holds (its row locked), or empty when the claim was lost. */
    Uni<Optional<UUID>> claimed(Tx tx, UUID claim) {
        return tx.sql()
                .preparedQuery("SELECT sale_id FROM media_replay WHERE claim = $1 AND status = 'PROCESSING' FOR UPDATE")
                .execute(Tuple.of(claim))
                .map(rows -> first(rows, r -> r.getUUID("sale_id")));
    }

    /** The claim's replay is READY (once: only while PROCESSING under this claim); false when the claim was lost. */
    Uni<Boolean> ready(Tx tx, UUID claim, String url, double seconds, Instant now) {
        return tx.sql()
                .preparedQuery("UPDATE media_replay SET status = 'READY', playback_url = $2, duration_seconds = $3,"
                        + " ready_at = $4, claim = NULL, claimed_until = NULL"
                        + " WHERE claim = $1 AND status = 'PROCESSING' RETURNING sale_id")
                .execute(Tuple.of(claim, url, decimal(seconds), utc(now)))
                .map(rows -> rows.rowCount() == 1);
    }

    Uni<Void> measuredRecordings(Tx tx, UUID saleId, List<Measured> segments) {
        if (segments.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return tx.sql()
                .preparedQuery("UPDATE media_recording SET duration_seconds = $3 WHERE id = $1 AND sale_id = $2")
                .executeBatch(segments.stream()
                        .map(m -> Tuple.of(m.id(), saleId, decimal(m.seconds())))
                        .toList())
                .replaceWithVoid();
    }

    /** The clips as cut; planned clips the worker did not report are dropped. */
    Uni<Void> cut(Tx tx, UUID saleId, List<Measured> clips, Function<UUID, String> urls) {
        Uni<Void> cut = clips.isEmpty()
                ? Uni.createFrom().voidItem()
                : tx.sql()
                        .preparedQuery("UPDATE media_highlight SET start_seconds = $3, duration_seconds = $4,"
                                + " playback_url = $5 WHERE id = $1 AND sale_id = $2")
                        .executeBatch(clips.stream()
                                .map(c -> Tuple.from(Arrays.asList(
                                        c.id(), saleId, decimal(c.start()), decimal(c.seconds()), urls.apply(c.id()))))
                                .toList())
                        .replaceWithVoid();
        return cut.flatMap(x -> tx.sql()
                .preparedQuery("DELETE FROM media_highlight WHERE sale_id = $1 AND playback_url IS NULL")
                .execute(Tuple.of(saleId))
                .replaceWithVoid());
    }

    /** A deleted replay's rows go (its highlights with it); false when the claim was lost. */
    Uni<Boolean> deleted(Tx tx, UUID claim) {
        return tx.sql()
                .preparedQuery("DELETE FROM media_replay WHERE claim = $1 AND status = 'DELETING' RETURNING sale_id")
                .execute(Tuple.of(claim))
                .flatMap(rows -> rows.rowCount() == 0
                        ? Uni.createFrom().item(false)
                        : tx.sql()
                                .preparedQuery("DELETE FROM media_recording WHERE sale_id = $1")
                                .execute(Tuple.of(rows.iterator().next().getUUID("sale_id")))
                                .replaceWith(true));
    }

    /** Nothing usable was recorded: the replay is NONE after all. */
    Uni<Void> forget(UUID saleId, UUID claim) {
        return db.sql()
                .preparedQuery("DELETE FROM media_replay WHERE sale_id = $1 AND claim = $2")
                .execute(Tuple.of(saleId, claim))
                .replaceWithVoid();
    }

    /** A failed attempt: the claim is let go and the job waits {@code retryAt}. */
    Uni<Boolean> failed(UUID claim, Instant retryAt) {
        return db.sql()
                .preparedQuery("UPDATE media_replay SET claim = NULL, claimed_until = NULL, due_at = $2"
                        + " WHERE claim = $1 AND status <> 'READY' RETURNING attempts")
                .execute(Tuple.of(claim, utc(retryAt)))
                .map(rows -> rows.rowCount() == 1);
    }

    Uni<Integer> attempts(UUID claim) {
        return db.sql()
                .preparedQuery("SELECT attempts FROM media_replay WHERE claim = $1")
                .execute(Tuple.of(claim))
                .map(rows -> rows.size() == 0 ? 0 : rows.iterator().next().getInteger("attempts"));
    }

    /** READY replays made before {@code before} are queued for deletion; how many. */
    Uni<Integer> expire(Instant before, Instant now) {
        return db.sql()
                .preparedQuery("UPDATE media_replay SET status = 'DELETING', due_at = $2, claim = NULL,"
                        + " claimed_until = NULL, attempts = 0 WHERE status = 'READY' AND ready_at < $1")
                .execute(Tuple.of(utc(before), utc(now)))
                .map(RowSet::rowCount);
    }

    static <T> Optional<T> first(RowSet<Row> rows, Function<Row, T> map) {
        return rows.size() == 0
                ? Optional.empty()
                : Optional.of(map.apply(rows.iterator().next()));
    }

    static <T> List<T> all(RowSet<Row> rows, Function<Row, T> map) {
        List<T> list = new ArrayList<>();
        rows.forEach(r -> list.add(map.apply(r)));
        return list;
    }

    static Double number(Row r, String column) {
        BigDecimal value = r.getBigDecimal(column);
        return value == null ? null : value.doubleValue();
    }

    private static BigDecimal decimal(double seconds) {
        return BigDecimal.valueOf(Math.round(seconds * 1000)).movePointLeft(3);
    }

    static Instant instant(Row r, String column) {
        OffsetDateTime value = r.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
