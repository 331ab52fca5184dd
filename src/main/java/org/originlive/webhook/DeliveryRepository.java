package org.originlive.webhook;

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
import org.originlive.common.Page;
import org.originlive.common.PageRequest;
import org.originlive.common.Rows;
import org.originlive.common.Transactions;
import org.originlive.common.Tx;

/**
 * Events, their deliveries and every attempt. A delivery is claimed (QUEUED → SENDING) in a
 * statement of its own before its POST, and leaves SENDING only through {@link #finish}, which
 * logs the attempt in the same statement: a second relay, or the outbox handing the same row
 * out twice, finds nothing to claim.
 */
@ApplicationScoped
@OwnsTables({"webhook_event", "webhook_delivery", "webhook_attempt"})
public class DeliveryRepository {

    /** A delivery claimed for one attempt, with what it sends and the endpoint's sealed secrets. */
    record Claimed(
            UUID id,
            UUID endpointId,
            UUID eventId,
            String type,
            int attempts,
            String url,
            String secret,
            String previousSecret,
            Instant previousUntil,
            String body) {}

    /** How an attempt ended: DELIVERED, RETRY (with when) or FAILED. */
    record Outcome(String status, Integer responseCode, String error, Duration took, Instant retryAt) {}

    private static final String WAITING = "(status = 'RETRY' AND next_attempt_at <= now()"
            + " OR status = 'SENDING' AND updated_at < now() - make_interval(secs => $2))";

    private final Tx db;

    DeliveryRepository(Transactions transactions) {
        this.db = transactions.autoCommit();
    }

    /** The event and one QUEUED delivery per endpoint, in the event's transaction; the deliveries' ids. */
    Uni<List<UUID>> record(Tx tx, UUID eventId, UUID cooperativeId, String type, String body, List<UUID> endpoints) {
        return tx.sql()
                .preparedQuery("INSERT INTO webhook_event (id, cooperative_id, type, body) VALUES ($1, $2, $3, $4)")
                .execute(Tuple.of(eventId, cooperativeId, type, body))
                .flatMap(x -> tx.sql()
                        .preparedQuery("INSERT INTO webhook_delivery (id, endpoint_id, event_id, status)"
                                + " SELECT gen_random_uuid(), e, $2, 'QUEUED' FROM unnest($1::uuid[]) AS e"
                                + " RETURNING id")
                        .execute(Tuple.of(endpoints.toArray(UUID[]::new), eventId)))
                .map(DeliveryRepository::ids);
    }

    Uni<Optional<Claimed>> claim(UUID id) {
        return db.sql()
                .preparedQuery("WITH c AS (UPDATE webhook_delivery SET status = 'SENDING', attempts = attempts + 1,"
                        + " updated_at = now() WHERE id = $1 AND status = 'QUEUED'"
                        + " RETURNING id, endpoint_id, event_id, attempts)"
                        + " SELECT c.*, v.type, v.body, e.url, e.secret, e.previous_secret, e.previous_until FROM c"
                        + " JOIN webhook_event v ON v.id = c.event_id JOIN webhook_endpoint e ON e.id = c.endpoint_id")
                .execute(Tuple.of(id))
                .map(rows -> Rows.first(rows)
                        .map(r -> new Claimed(
                                r.getUUID("id"),
                                r.getUUID("endpoint_id"),
                                r.getUUID("event_id"),
                                r.getString("type"),
                                r.getInteger("attempts"),
                                r.getString("url"),
                                r.getString("secret"),
                                r.getString("previous_secret"),
                                instant(r.getOffsetDateTime("previous_until")),
                                r.getString("body"))));
    }

    /** The attempt's outcome and its log line, in one statement; nothing when it is not SENDING any more. */
    Uni<Void> finish(UUID id, Outcome o) {
        OffsetDateTime retryAt = o.retryAt() == null ? null : o.retryAt().atOffset(ZoneOffset.UTC);
        String logged = o.status().equals("DELIVERED") ? "DELIVERED" : "FAILED";
        return db.sql()
                .preparedQuery("WITH d AS (UPDATE webhook_delivery SET status = $2, next_attempt_at = $3,"
                        + " updated_at = now() WHERE id = $1 AND status = 'SENDING'"
                        + " RETURNING id, endpoint_id, attempts)"
                        + " INSERT INTO webhook_attempt (id, delivery_id, endpoint_id, attempt, outcome, response_code,"
                        + " error, duration_ms) SELECT gen_random_uuid(), d.id, d.endpoint_id, d.attempts, $4, $5, $6, $7"
                        + " FROM d")
                .execute(Tuple.from(Arrays.asList(id, o.status(), retryAt, logged, o.responseCode(), o.error(), (int)
                        Math.min(Integer.MAX_VALUE, o.took().toMillis()))))
                .replaceWithVoid();
    }

    /**
     * Deliveries whose wait ran out, and those left SENDING by a replica that died mid-attempt,
     * back to QUEUED; their ids, to go through the outbox again.
     */
    Uni<List<UUID>> due(Tx tx, Duration staleAfter, int limit) {
        return tx.sql()
                .preparedQuery("UPDATE webhook_delivery SET status = 'QUEUED', updated_at = now() WHERE id IN ("
                        + " SELECT id FROM webhook_delivery WHERE " + WAITING + " LIMIT $1 FOR UPDATE SKIP LOCKED)"
                        + " AND " + WAITING + " RETURNING id")
                .execute(Tuple.of(limit, (double) staleAfter.toMillis() / 1000))
                .map(DeliveryRepository::ids);
    }

    /** The endpoint's delivery, locked; its status and event. */
    Uni<Optional<WebhookApi.Redelivery>> lock(Tx tx, UUID endpointId, UUID id) {
        return tx.sql()
                .preparedQuery("SELECT id, event_id, status FROM webhook_delivery WHERE id = $1 AND endpoint_id = $2"
                        + " FOR UPDATE")
                .execute(Tuple.of(id, endpointId))
                .map(rows -> Rows.first(rows)
                        .map(r -> new WebhookApi.Redelivery(
                                r.getUUID("id"), r.getUUID("event_id"), r.getString("status"))));
    }

    /** Queued again for an attempt now (its attempts so far keep counting toward the schedule). */
    Uni<Void> requeue(Tx tx, UUID id) {
        return tx.sql()
                .preparedQuery("UPDATE webhook_delivery SET status = 'QUEUED', next_attempt_at = NULL,"
                        + " updated_at = now() WHERE id = $1")
                .execute(Tuple.of(id))
                .replaceWithVoid();
    }

    /** The endpoint's attempts, newest first. */
    Uni<Page<WebhookApi.Attempt>> attempts(UUID endpointId, PageRequest page) {
        return db.sql()
                .preparedQuery("SELECT a.*, d.event_id, v.type, d.status AS delivery_status, d.next_attempt_at,"
                        + " count(*) OVER () AS total FROM webhook_attempt a"
                        + " JOIN webhook_delivery d ON d.id = a.delivery_id JOIN webhook_event v ON v.id = d.event_id"
                        + " WHERE a.endpoint_id = $1 ORDER BY a.at DESC, a.attempt DESC, a.id LIMIT $2 OFFSET $3")
                .execute(Tuple.of(endpointId, page.size(), page.offset()))
                .map(rows -> {
                    List<WebhookApi.Attempt> list = new ArrayList<>();
                    long[] total = {0};
                    rows.forEach(r -> {
                        list.add(attempt(r));
                        total[0] = r.getLong("total");
                    });
                    return new Page<>(list, page.page(), page.size(), total[0]);
                });
    }

    private static WebhookApi.Attempt attempt(Row r) {
        return new WebhookApi.Attempt(
                r.getUUID("id"),
                r.getUUID("delivery_id"),
                r.getUUID("event_id"),
                r.getString("type"),
                r.getInteger("attempt"),
                r.getString("outcome"),
                r.getInteger("response_code"),
                r.getString("error"),
                r.getInteger("duration_ms"),
                r.getString("delivery_status"),
                instant(r.getOffsetDateTime("next_attempt_at")),
                r.getOffsetDateTime("at").toInstant());
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
