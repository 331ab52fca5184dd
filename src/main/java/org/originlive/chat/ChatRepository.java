package org.originlive.chat;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.originlive.common.OwnsTables;
import org.originlive.common.Rows;
import org.originlive.common.Transactions;
import org.originlive.common.Tx;

/**
 * The chat tables in SQL. Every change of a sale's chat first takes its room row lock ({@link
 * #lockRoom}); raw SQL because seq, the rules and the NOTIFY share that one locked transaction.
 */
@ApplicationScoped
@OwnsTables({"chat_room", "chat_message"})
public class ChatRepository {

    private static final String MESSAGE_COLUMNS =
            "id, sale_id, seq, author_id, author_name, author_role, kind, body, status, created_at";

    /** The room row as locked, with the database clock read after the lock was granted. */
    record Room(boolean enabled, int slowModeSeconds, List<String> blockedTerms, UUID pinnedMessageId, Instant now) {}

    /** A user's recent messages in a sale, for the moderation rules. */
    record Recent(Instant lastMessage, Instant lastQuestion, Instant nthLatest, Instant now) {}

    private final Tx db;

    ChatRepository(Transactions transactions) {
        this.db = transactions.autoCommit();
    }

    /**
     * Creates the sale's room row if needed and locks it until commit: one writer of a sale's chat
     * at a time, on every replica. The clock is read after the lock, so times follow lock order.
     */
    Uni<Room> lockRoom(Tx tx, UUID saleId) {
        return tx.sql()
                .preparedQuery("INSERT INTO chat_room (sale_id) VALUES ($1)"
                        + " ON CONFLICT (sale_id) DO UPDATE SET sale_id = excluded.sale_id"
                        + " RETURNING enabled, slow_mode_seconds, blocked_terms, pinned_message_id,"
                        + " clock_timestamp() AS now")
                .execute(Tuple.of(saleId))
                .map(rows -> room(rows.iterator().next(), rows.iterator().next().getOffsetDateTime("now")));
    }

    /** The room's settings without a lock; defaults when nobody changed them yet. */
    Uni<Room> readRoom(UUID saleId) {
        return db.sql()
                .preparedQuery("SELECT enabled, slow_mode_seconds, blocked_terms, pinned_message_id"
                        + " FROM chat_room WHERE sale_id = $1")
                .execute(Tuple.of(saleId))
                .map(rows -> Rows.first(rows).map(r -> room(r, null)).orElse(new Room(true, 0, List.of(), null, null)));
    }

    Uni<Long> nextSeq(Tx tx, UUID saleId) {
        return tx.sql()
                .preparedQuery("UPDATE chat_room SET last_seq = last_seq + 1 WHERE sale_id = $1 RETURNING last_seq")
                .execute(Tuple.of(saleId))
                .map(rows -> rows.iterator().next().getLong("last_seq"));
    }

    /**
     * The user's last message, last question and {@code n}-th latest message within the last
     * {@code lookback}, with the database clock they were judged by.
     */
    Uni<Recent> recent(Tx client, UUID saleId, UUID userId, Duration lookback, int n) {
        return client.sql()
                .preparedQuery("WITH c AS (SELECT clock_timestamp() AS now),"
                        + " m AS (SELECT created_at, kind FROM chat_message, c WHERE sale_id = $1 AND author_id = $2"
                        + "  AND created_at > c.now - make_interval(secs => $3))"
                        + " SELECT c.now, (SELECT max(created_at) FROM m) AS last_message,"
                        + " (SELECT max(created_at) FROM m WHERE kind = 'QUESTION') AS last_question,"
                        + " (SELECT created_at FROM m ORDER BY created_at DESC OFFSET $4 LIMIT 1) AS nth_latest FROM c")
                .execute(Tuple.of(saleId, userId, lookback.toMillis() / 1000.0, n - 1))
                .map(rows -> {
                    Row r = rows.iterator().next();
                    return new Recent(
                            instant(r, "last_message"),
                            instant(r, "last_question"),
                            instant(r, "nth_latest"),
                            instant(r, "now"));
                });
    }

    /** Inserts a message with its author's name and role as the chat shows them. */
    Uni<ChatApi.ChatMessage> insert(
            Tx tx,
            UUID id,
            UUID saleId,
            Long seq,
            ChatApi.Author author,
            ChatApi.Kind kind,
            String body,
            ChatApi.Status status,
            Instant now) {
        return tx.sql()
                .preparedQuery("INSERT INTO chat_message (" + MESSAGE_COLUMNS + ")"
                        + " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING " + MESSAGE_COLUMNS)
                .execute(Tuple.from(Arrays.asList(
                        id,
                        saleId,
                        seq,
                        author.id(),
                        author.displayName(),
                        author.role(),
                        kind.name(),
                        body,
                        status.name(),
                        utc(now))))
                .map(rows -> message(rows.iterator().next()));
    }

    Uni<Optional<ChatApi.ChatMessage>> find(Tx client, UUID saleId, UUID messageId) {
        return client.sql()
                .preparedQuery("SELECT " + MESSAGE_COLUMNS + " FROM chat_message WHERE id = $1 AND sale_id = $2")
                .execute(Tuple.of(messageId, saleId))
                .map(rows -> Rows.first(rows).map(ChatRepository::message));
    }

    Uni<ChatApi.ChatMessage> setStatus(Tx tx, UUID messageId, ChatApi.Status status, Long seq) {
        return tx.sql()
                .preparedQuery("UPDATE chat_message SET status = $2, seq = coalesce($3, seq) WHERE id = $1"
                        + " RETURNING " + MESSAGE_COLUMNS)
                .execute(Tuple.of(messageId, status.name(), seq))
                .map(rows -> message(rows.iterator().next()));
    }

    Uni<Void> pin(Tx tx, UUID saleId, UUID messageId) {
        return tx.sql()
                .preparedQuery("UPDATE chat_room SET pinned_message_id = $2 WHERE sale_id = $1")
                .execute(Tuple.of(saleId, messageId))
                .replaceWithVoid();
    }

    /** VISIBLE messages after {@code afterSeq}, or the latest {@code limit} when it is null; ascending seq. */
    Uni<List<ChatApi.ChatMessage>> visible(UUID saleId, Long afterSeq, int limit, ChatApi.Kind kind) {
        String filter =
                " FROM chat_message WHERE sale_id = $1 AND status = 'VISIBLE'" + " AND ($3::text IS NULL OR kind = $3)";
        String sql = afterSeq != null
                ? "SELECT " + MESSAGE_COLUMNS + filter + " AND seq > $4 ORDER BY seq LIMIT $2"
                : "SELECT * FROM (SELECT " + MESSAGE_COLUMNS + filter + " ORDER BY seq DESC LIMIT $2) m ORDER BY seq";
        List<Object> params = new ArrayList<>(Arrays.asList(saleId, limit, kind == null ? null : kind.name()));
        if (afterSeq != null) {
            params.add(afterSeq);
        }
        return db.sql().preparedQuery(sql).execute(Tuple.from(params)).map(ChatRepository::messages);
    }

    /** Messages waiting for review, oldest first. */
    Uni<List<ChatApi.ChatMessage>> held(UUID saleId, int limit, ChatApi.Kind kind) {
        return db.sql()
                .preparedQuery("SELECT " + MESSAGE_COLUMNS + " FROM chat_message WHERE sale_id = $1"
                        + " AND status = 'HELD' AND ($3::text IS NULL OR kind = $3) ORDER BY created_at LIMIT $2")
                .execute(Tuple.from(Arrays.asList(saleId, limit, kind == null ? null : kind.name())))
                .map(ChatRepository::messages);
    }

    /** The room's last given seq; empty while the sale has no room row (nothing was ever posted). */
    Uni<Optional<Long>> latestSeq(UUID saleId) {
        return db.sql()
                .preparedQuery("SELECT last_seq FROM chat_room WHERE sale_id = $1")
                .execute(Tuple.of(saleId))
                .map(rows -> Rows.first(rows).map(r -> r.getLong("last_seq")));
    }

    /** The pinned message (if any) and the reaction totals, for a snapshot. */
    record Extras(ChatApi.ChatMessage pinned, ChatApi.Reactions reactions) {}

    Uni<Extras> extras(UUID saleId) {
        return db.sql()
                .preparedQuery("SELECT r.like_count, r.heart_count, r.fire_count, m.id, m.sale_id, m.seq,"
                        + " m.author_id, m.author_name, m.author_role, m.kind, m.body, m.status, m.created_at"
                        + " FROM chat_room r LEFT JOIN chat_message m ON m.id = r.pinned_message_id"
                        + " WHERE r.sale_id = $1")
                .execute(Tuple.of(saleId))
                .map(rows -> Rows.first(rows)
                        .map(r -> new Extras(r.getUUID("id") == null ? null : message(r), ReactionTotals.of(r)))
                        .orElse(new Extras(null, ChatApi.Reactions.NONE)));
    }

    Uni<Void> saveSettings(Tx tx, UUID saleId, boolean enabled, int slowModeSeconds, List<String> terms) {
        return tx.sql()
                .preparedQuery("UPDATE chat_room SET enabled = $2, slow_mode_seconds = $3, blocked_terms = $4"
                        + " WHERE sale_id = $1")
                .execute(Tuple.of(saleId, enabled, slowModeSeconds, terms.toArray(new String[0])))
                .replaceWithVoid();
    }

    private static Room room(Row r, OffsetDateTime now) {
        String[] terms = r.getArrayOfStrings("blocked_terms");
        return new Room(
                r.getBoolean("enabled"),
                r.getInteger("slow_mode_seconds"),
                terms == null ? List.of() : List.of(terms),
                r.getUUID("pinned_message_id"),
                now == null ? null : now.toInstant());
    }

    private static List<ChatApi.ChatMessage> messages(RowSet<Row> rows) {
        List<ChatApi.ChatMessage> out = new ArrayList<>();
        rows.forEach(r -> out.add(message(r)));
        return out;
    }

    static ChatApi.ChatMessage message(Row r) {
        return new ChatApi.ChatMessage(
                r.getUUID("id"),
                r.getUUID("sale_id"),
                r.getLong("seq"),
                new ChatApi.Author(r.getUUID("author_id"), r.getString("author_name"), r.getString("author_role")),
                ChatApi.Kind.valueOf(r.getString("kind")),
                r.getString("body"),
                ChatApi.Status.valueOf(r.getString("status")),
                r.getOffsetDateTime("created_at").toInstant());
    }

    private static Instant instant(Row r, String column) {
        OffsetDateTime value = r.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
