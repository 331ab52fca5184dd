package org.originlive.media;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.originlive.common.OwnsTables;
import org.originlive.common.Rows;
import org.originlive.common.Transactions;
import org.originlive.common.Tx;
import org.originlive.sale.VideoStatus;

/**
 * Streams in SQL. Every change of a stream's status happens under its sale's row lock (taken
 * first through SaleEvents, or by the sale's own move), so reads after that lock are current.
 */
@ApplicationScoped
@OwnsTables({"media_stream"})
public class StreamRepository {

    private static final String COLUMNS =
            "m.sale_id, m.key_ciphertext, m.status, m.publisher, m.stream_name, m.playback_url,"
                    + " m.started_at, m.ended_at, m.video_codec, m.width, m.height, m.fps, m.bitrate_kbps, m.seen_at";

    /** A sale's stream; what the sale itself is comes from sale's {@code SaleQueries.facts}. */
    record Stream(
            UUID saleId,
            String keyCiphertext,
            VideoStatus status,
            String publisher,
            String streamName,
            String playbackUrl,
            Instant startedAt,
            Instant endedAt,
            MediaApi.Health health,
            Instant seenAt) {

        StreamRules.Stored stored() {
            return new StreamRules.Stored(status, publisher, seenAt);
        }
    }

    /** What viewers may see of a sale's stream. */
    record Seen(UUID saleId, VideoStatus status, String playbackUrl, Instant startedAt) {}

    private final Tx db;

    StreamRepository(Transactions transactions) {
        this.db = transactions.autoCommit();
    }

    Uni<Optional<Stream>> find(Tx client, UUID saleId) {
        return client.sql()
                .preparedQuery("SELECT " + COLUMNS + " FROM media_stream m" + " WHERE m.sale_id = $1")
                .execute(Tuple.of(saleId))
                .map(rows -> Rows.first(rows).map(StreamRepository::stream));
    }

    /** The stream whose current key has this hash: a rotated key finds nothing. */
    Uni<Optional<Stream>> byKeyHash(byte[] hash) {
        return db.sql()
                .preparedQuery("SELECT " + COLUMNS + " FROM media_stream m" + " WHERE m.key_hash = $1")
                .execute(Tuple.of(io.vertx.core.buffer.Buffer.buffer(hash)))
                .map(rows -> Rows.first(rows).map(StreamRepository::stream));
    }

    Uni<Optional<UUID>> byPublisher(String publisher) {
        return db.sql()
                .preparedQuery("SELECT sale_id FROM media_stream WHERE publisher = $1")
                .execute(Tuple.of(publisher))
                .map(rows -> Rows.first(rows).map(r -> r.getUUID("sale_id")));
    }

    /** The streams of those of the sales that have one, for what viewers see. */
    Uni<List<Seen>> seen(List<UUID> saleIds) {
        return db.sql()
                .preparedQuery("SELECT sale_id, status, playback_url, started_at FROM media_stream"
                        + " WHERE sale_id = ANY($1)")
                .execute(Tuple.of(saleIds.toArray(UUID[]::new)))
                .map(rows -> {
                    List<Seen> list = new ArrayList<>();
                    rows.forEach(r -> list.add(new Seen(
                            r.getUUID("sale_id"),
                            VideoStatus.valueOf(r.getString("status")),
                            r.getString("playback_url"),
                            instant(r, "started_at"))));
                    return list;
                });
    }

    /** The streams whose publisher came through this engine ({@code engineId:clientId}). */
    Uni<List<Stream>> ofEngine(String engineId) {
        return db.sql()
                .preparedQuery("SELECT " + COLUMNS + " FROM media_stream m" + " WHERE starts_with(m.publisher, $1)")
                .execute(Tuple.of(engineId + ":"))
                .map(StreamRepository::streams);
    }

    /** Streams whose publisher nobody has reported since {@code before}, on any engine. */
    Uni<List<Stream>> silentSince(Instant before) {
        return db.sql()
                .preparedQuery("SELECT " + COLUMNS + " FROM media_stream m"
                        + " WHERE m.publisher IS NOT NULL AND m.seen_at < $1")
                .execute(Tuple.of(utc(before)))
                .map(StreamRepository::streams);
    }

    /** A first key for the sale; nothing when it has one already. */
    Uni<Void> insertIfAbsent(UUID saleId, String ciphertext, byte[] hash, Instant now) {
        return db.sql()
                .preparedQuery("INSERT INTO media_stream (sale_id, key_ciphertext, key_hash, key_created_at)"
                        + " VALUES ($1, $2, $3, $4) ON CONFLICT (sale_id) DO NOTHING")
                .execute(Tuple.of(saleId, ciphertext, io.vertx.core.buffer.Buffer.buffer(hash), utc(now)))
                .replaceWithVoid();
    }

    /** A new key; the publisher (if any) loses its place and a publishing stream becomes IDLE. */
    Uni<Void> rotate(Tx tx, UUID saleId, String ciphertext, byte[] hash, Instant now) {
        return tx.sql()
                .preparedQuery("UPDATE media_stream SET key_ciphertext = $2, key_hash = $3, key_created_at = $4,"
                        + " ended_at = CASE WHEN publisher IS NULL THEN ended_at ELSE $4 END, publisher = NULL,"
                        + " status = CASE WHEN status = 'ENDED' THEN 'ENDED' ELSE 'IDLE' END, " + NO_HEALTH
                        + " WHERE sale_id = $1")
                .execute(Tuple.of(saleId, ciphertext, io.vertx.core.buffer.Buffer.buffer(hash), utc(now)))
                .replaceWithVoid();
    }

    /** The accepted publisher becomes the stream's; {@code status} is PREVIEW or LIVE. */
    Uni<Void> accept(
            Tx tx,
            UUID saleId,
            String publisher,
            String streamName,
            String playbackUrl,
            VideoStatus status,
            Instant now) {
        return tx.sql()
                .preparedQuery("UPDATE media_stream SET publisher = $2, stream_name = $3, playback_url = $4,"
                        + " status = $5, started_at = $6, ended_at = NULL, seen_at = $6, " + NO_HEALTH
                        + " WHERE sale_id = $1")
                .execute(Tuple.from(
                        java.util.Arrays.asList(saleId, publisher, streamName, playbackUrl, status.name(), utc(now))))
                .replaceWithVoid();
    }

    /** The publisher stopped: IDLE if it still held the stream; false when it did not. */
    Uni<Boolean> release(Tx tx, UUID saleId, String publisher, Instant now) {
        return tx.sql()
                .preparedQuery("UPDATE media_stream SET publisher = NULL, status = 'IDLE', ended_at = $3, " + NO_HEALTH
                        + " WHERE sale_id = $1 AND publisher = $2")
                .execute(Tuple.of(saleId, publisher, utc(now)))
                .map(rows -> rows.rowCount() == 1);
    }

    /** The video follows its sale: a rehearsal becomes LIVE; ENDED lets go of the publisher. */
    Uni<Void> follow(Tx tx, UUID saleId, VideoStatus status, Instant now) {
        if (status != VideoStatus.ENDED) {
            return tx.sql()
                    .preparedQuery("UPDATE media_stream SET status = $2 WHERE sale_id = $1")
                    .execute(Tuple.of(saleId, status.name()))
                    .replaceWithVoid();
        }
        return tx.sql()
                .preparedQuery("UPDATE media_stream SET status = 'ENDED', publisher = NULL,"
                        + " ended_at = CASE WHEN publisher IS NULL THEN ended_at ELSE $2 END, " + NO_HEALTH
                        + " WHERE sale_id = $1")
                .execute(Tuple.of(saleId, utc(now)))
                .replaceWithVoid();
    }

    /** The engine still reports this publisher: its health, and that it is alive. */
    Uni<Void> seen(String publisher, MediaApi.Health health, Instant now) {
        return db.sql()
                .preparedQuery("UPDATE media_stream SET seen_at = $2, video_codec = $3, width = $4, height = $5,"
                        + " fps = $6, bitrate_kbps = $7 WHERE publisher = $1")
                .execute(Tuple.from(java.util.Arrays.asList(
                        publisher,
                        utc(now),
                        health.videoCodec(),
                        health.width(),
                        health.height(),
                        health.fps() == null ? null : health.fps().floatValue(),
                        health.bitrateKbps())))
                .replaceWithVoid();
    }

    /** The engine's periodic callback: alive, nothing else known. */
    Uni<Boolean> touch(String publisher, Instant now) {
        return db.sql()
                .preparedQuery("UPDATE media_stream SET seen_at = $2 WHERE publisher = $1")
                .execute(Tuple.of(publisher, utc(now)))
                .map(rows -> rows.rowCount() == 1);
    }

    private static final String NO_HEALTH =
            "video_codec = NULL, width = NULL, height = NULL, fps = NULL, bitrate_kbps = NULL";

    private static List<Stream> streams(io.vertx.mutiny.sqlclient.RowSet<Row> rows) {
        List<Stream> list = new ArrayList<>();
        rows.forEach(r -> list.add(stream(r)));
        return list;
    }

    private static Stream stream(Row r) {
        Float fps = r.getFloat("fps");
        return new Stream(
                r.getUUID("sale_id"),
                r.getString("key_ciphertext"),
                VideoStatus.valueOf(r.getString("status")),
                r.getString("publisher"),
                r.getString("stream_name"),
                r.getString("playback_url"),
                instant(r, "started_at"),
                instant(r, "ended_at"),
                new MediaApi.Health(
                        r.getString("video_codec"),
                        r.getInteger("width"),
                        r.getInteger("height"),
                        fps == null ? null : Math.round(fps * 100) / 100.0,
                        r.getInteger("bitrate_kbps")),
                instant(r, "seen_at"));
    }

    private static Instant instant(Row r, String column) {
        OffsetDateTime value = r.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
