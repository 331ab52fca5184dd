package org.originlive.push;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.buffer.Buffer;
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
 * Push subscriptions and every notice to each. A notice is claimed (QUEUED → SENDING) in a
 * statement of its own before the push service is called and leaves SENDING only through
 * {@link #finish}: a second relay, or the outbox handing the same row over twice, finds nothing
 * to claim.
 */
@ApplicationScoped
@OwnsTables({"push_subscription", "push_message"})
public class PushRepository {

    /** A browser's subscription as stored. */
    record Stored(UUID id, String endpoint, byte[] p256dh, byte[] auth, Instant expirationTime) {}

    /** A notice claimed for one attempt, with where it goes. */
    record Claimed(UUID id, String payload, int attempts, Stored to, boolean disabled) {}

    /** Registered: the row, and whether it is new (201) or was there (200). */
    record Registered(PushApi.Subscription subscription, boolean created) {}

    private final Tx db;

    PushRepository(Transactions transactions) {
        this.db = transactions.autoCommit();
    }

    /** Serialises one account's registrations, so the limit holds under concurrent ones. */
    Uni<Void> lockUser(Tx tx, UUID userId) {
        return tx.sql()
                .preparedQuery("SELECT pg_advisory_xact_lock(hashtextextended('push_subscription:' || $1, 0))")
                .execute(Tuple.of(userId.toString()))
                .replaceWithVoid();
    }

    /** The account's subscriptions other than {@code endpoint}. */
    Uni<Long> countOthers(Tx tx, UUID userId, String endpoint) {
        return tx.sql()
                .preparedQuery("SELECT count(*) AS n FROM push_subscription WHERE user_id = $1 AND endpoint <> $2")
                .execute(Tuple.of(userId, endpoint))
                .map(rows -> rows.iterator().next().getLong("n"));
    }

    /** Inserts, or re-binds an existing endpoint to {@code userId} with the new keys and enables it. */
    Uni<Registered> upsert(Tx tx, UUID userId, String endpoint, byte[] p256dh, byte[] auth, Instant expires) {
        OffsetDateTime expiration = expires == null ? null : expires.atOffset(ZoneOffset.UTC);
        return tx.sql()
                .preparedQuery("INSERT INTO push_subscription (id, user_id, endpoint, p256dh, auth, expiration_time)"
                        + " VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (endpoint) DO UPDATE SET"
                        + " user_id = excluded.user_id, p256dh = excluded.p256dh, auth = excluded.auth,"
                        + " expiration_time = excluded.expiration_time, disabled_at = NULL, disabled_reason = NULL,"
                        + " updated_at = now() RETURNING *, (xmax = 0) AS inserted")
                .execute(Tuple.from(Arrays.asList(
                        UUID.randomUUID(),
                        userId,
                        endpoint,
                        Buffer.buffer(p256dh).getDelegate(),
                        Buffer.buffer(auth).getDelegate(),
                        expiration)))
                .map(rows -> {
                    Row r = rows.iterator().next();
                    return new Registered(subscription(r), r.getBoolean("inserted"));
                });
    }

    Uni<List<PushApi.Subscription>> list(UUID userId) {
        return db.sql()
                .preparedQuery("SELECT * FROM push_subscription WHERE user_id = $1 ORDER BY created_at, id")
                .execute(Tuple.of(userId))
                .map(rows -> {
                    List<PushApi.Subscription> list = new ArrayList<>();
                    rows.forEach(r -> list.add(subscription(r)));
                    return list;
                });
    }

    /** False when the account has no such subscription. */
    Uni<Boolean> delete(UUID userId, UUID id) {
        return db.sql()
                .preparedQuery("DELETE FROM push_subscription WHERE id = $1 AND user_id = $2")
                .execute(Tuple.of(id, userId))
                .map(rows -> rows.rowCount() > 0);
    }

    /** One QUEUED notice per usable subscription of the account; their ids. */
    Uni<List<UUID>> queue(Tx tx, UUID userId, String payload) {
        return tx.sql()
                .preparedQuery("INSERT INTO push_message (id, subscription_id, payload, status)"
                        + " SELECT gen_random_uuid(), s.id, $2, 'QUEUED' FROM push_subscription s"
                        + " WHERE s.user_id = $1 AND s.disabled_at IS NULL"
                        + " AND (s.expiration_time IS NULL OR s.expiration_time > now()) RETURNING id")
                .execute(Tuple.of(userId, payload))
                .map(PushRepository::ids);
    }

    Uni<Optional<Claimed>> claim(UUID id) {
        return db.sql()
                .preparedQuery("UPDATE push_message m SET status = 'SENDING', attempts = m.attempts + 1,"
                        + " updated_at = now() FROM push_subscription s"
                        + " WHERE m.id = $1 AND m.status = 'QUEUED' AND s.id = m.subscription_id"
                        + " RETURNING m.id AS message_id, m.payload, m.attempts, s.*")
                .execute(Tuple.of(id))
                .map(rows -> Rows.first(rows)
                        .map(r -> new Claimed(
                                r.getUUID("message_id"),
                                r.getString("payload"),
                                r.getInteger("attempts"),
                                stored(r),
                                r.getOffsetDateTime("disabled_at") != null)));
    }

    /** How an attempt ended: SENT, RETRY (with when) or FAILED. */
    Uni<Void> finish(UUID id, String status, Integer code, String error, Instant retryAt) {
        OffsetDateTime due = retryAt == null ? null : retryAt.atOffset(ZoneOffset.UTC);
        return db.sql()
                .preparedQuery("UPDATE push_message SET status = $2, response_code = $3, last_error = $4,"
                        + " next_attempt_at = $5, updated_at = now() WHERE id = $1 AND status = 'SENDING'")
                .execute(Tuple.from(Arrays.asList(id, status, code, error, due)))
                .replaceWithVoid();
    }

    /** The push service said the browser is gone (404/410): the subscription and its notices go. */
    Uni<Void> gone(UUID subscriptionId) {
        return db.sql()
                .preparedQuery("DELETE FROM push_subscription WHERE id = $1")
                .execute(Tuple.of(subscriptionId))
                .replaceWithVoid();
    }

    /** The address guard refused the endpoint: no more deliveries until it is registered again. */
    Uni<Void> disable(UUID subscriptionId, String reason) {
        return db.sql()
                .preparedQuery("UPDATE push_subscription SET disabled_at = now(), disabled_reason = $2,"
                        + " updated_at = now() WHERE id = $1")
                .execute(Tuple.of(subscriptionId, reason))
                .replaceWithVoid();
    }

    /** Notices whose wait ran out, back to QUEUED; their ids, to go through the outbox again. */
    Uni<List<UUID>> due(Tx tx, int limit) {
        return tx.sql()
                .preparedQuery("UPDATE push_message SET status = 'QUEUED', updated_at = now() WHERE id IN ("
                        + " SELECT id FROM push_message WHERE status = 'RETRY' AND next_attempt_at <= now()"
                        + " ORDER BY next_attempt_at LIMIT $1 FOR UPDATE SKIP LOCKED) RETURNING id")
                .execute(Tuple.of(limit))
                .map(PushRepository::ids);
    }

    private static Stored stored(Row r) {
        return new Stored(
                r.getUUID("id"),
                r.getString("endpoint"),
                r.getBuffer("p256dh").getBytes(),
                r.getBuffer("auth").getBytes(),
                instant(r.getOffsetDateTime("expiration_time")));
    }

    private static PushApi.Subscription subscription(Row r) {
        return new PushApi.Subscription(
                r.getUUID("id"),
                r.getString("endpoint"),
                instant(r.getOffsetDateTime("expiration_time")),
                instant(r.getOffsetDateTime("disabled_at")),
                r.getOffsetDateTime("created_at").toInstant());
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }

    private static List<UUID> ids(RowSet<Row> rows) {
        List<UUID> ids = new ArrayList<>();
        rows.forEach(r -> ids.add(r.getUUID("id")));
        return ids;
    }
}
