package org.originlive.notify;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
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
 * Every email and its state. An email is claimed (QUEUED → SENDING) in a statement of its own
 * before the SMTP server is called and leaves SENDING only through {@link #finish}: a second
 * relay, or the same message delivered twice by the outbox, finds nothing to claim.
 */
@ApplicationScoped
@OwnsTables("notify_email")
class EmailRepository {

    enum Kind {
        CONFIRM,
        REMINDER,
        ORDER_PAID,
        SHIPPED
    }

    /** An email claimed for one attempt; {@code address} and {@code language} are set for confirmations. */
    record Claimed(UUID id, UUID userId, Kind kind, UUID refId, String address, String language, int attempts) {}

    /** How an attempt ended: SENT, RETRY (with when), FAILED, UNKNOWN or SKIPPED. */
    record Outcome(String status, String address, String error, Instant retryAt) {}

    private final Tx db;

    EmailRepository(Transactions transactions) {
        this.db = transactions.autoCommit();
    }

    /** One email of {@code kind} about {@code refId} to each user, at most once ever; the ids queued now. */
    Uni<List<UUID>> queue(Tx tx, Kind kind, UUID refId, List<UUID> userIds) {
        return tx.sql()
                .preparedQuery("INSERT INTO notify_email (id, user_id, kind, ref_id, status)"
                        + " SELECT gen_random_uuid(), u, $2, $3, 'QUEUED' FROM unnest($1::uuid[]) AS u"
                        + " ON CONFLICT DO NOTHING RETURNING id")
                .execute(Tuple.of(userIds.toArray(UUID[]::new), kind.name(), refId))
                .map(EmailRepository::ids);
    }

    /** A confirmation of {@code address}, written in {@code language}. */
    Uni<UUID> queueConfirmation(Tx tx, UUID userId, String address, String language) {
        UUID id = UUID.randomUUID();
        return tx.sql()
                .preparedQuery("INSERT INTO notify_email (id, user_id, kind, address, language, status)"
                        + " VALUES ($1, $2, 'CONFIRM', $3, $4, 'QUEUED')")
                .execute(Tuple.of(id, userId, address, language))
                .replaceWith(id);
    }

    /** Confirmations queued for the user in the last hour (the cap counts them). */
    Uni<Long> confirmationsLastHour(Tx tx, UUID userId) {
        return tx.sql()
                .preparedQuery("SELECT count(*) AS n FROM notify_email WHERE user_id = $1 AND kind = 'CONFIRM'"
                        + " AND created_at > now() - interval '1 hour'")
                .execute(Tuple.of(userId))
                .map(rows -> rows.iterator().next().getLong("n"));
    }

    Uni<Optional<Claimed>> claim(UUID id) {
        return db.sql()
                .preparedQuery("UPDATE notify_email SET status = 'SENDING', attempts = attempts + 1, updated_at = now()"
                        + " WHERE id = $1 AND status = 'QUEUED'"
                        + " RETURNING id, user_id, kind, ref_id, address, language, attempts")
                .execute(Tuple.of(id))
                .map(rows -> Rows.first(rows)
                        .map(r -> new Claimed(
                                r.getUUID("id"),
                                r.getUUID("user_id"),
                                Kind.valueOf(r.getString("kind")),
                                r.getUUID("ref_id"),
                                r.getString("address"),
                                r.getString("language"),
                                r.getInteger("attempts"))));
    }

    Uni<Void> finish(UUID id, Outcome o) {
        OffsetDateTime retryAt = o.retryAt() == null ? null : o.retryAt().atOffset(ZoneOffset.UTC);
        return db.sql()
                .preparedQuery("UPDATE notify_email SET status = $2, address = coalesce($3, address), last_error = $4,"
                        + " next_attempt_at = $5, sent_at = CASE WHEN $2 = 'SENT' THEN now() END, updated_at = now()"
                        + " WHERE id = $1 AND status = 'SENDING'")
                .execute(Tuple.from(Arrays.asList(id, o.status(), o.address(), o.error(), retryAt)))
                .replaceWithVoid();
    }

    /** Emails whose wait ran out, back to QUEUED; their ids, to go through the outbox again. */
    Uni<List<UUID>> due(Tx tx, int limit) {
        return tx.sql()
                .preparedQuery("UPDATE notify_email SET status = 'QUEUED', updated_at = now() WHERE id IN ("
                        + " SELECT id FROM notify_email WHERE status = 'RETRY' AND next_attempt_at <= now()"
                        + " ORDER BY next_attempt_at LIMIT $1 FOR UPDATE SKIP LOCKED) RETURNING id")
                .execute(Tuple.of(limit))
                .map(EmailRepository::ids);
    }

    private static List<UUID> ids(RowSet<Row> rows) {
        List<UUID> ids = new ArrayList<>();
        rows.forEach(r -> ids.add(r.getUUID("id")));
        return ids;
    }
}
