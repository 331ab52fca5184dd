package org.originlive.phone;

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
import org.originlive.common.Page;
import org.originlive.common.PageRequest;
import org.originlive.common.Rows;
import org.originlive.common.Transactions;
import org.originlive.common.Tx;

/**
 * Every SMS and its state. An SMS is claimed (QUEUED → SENDING) in a statement of its own before
 * the provider is called and leaves SENDING only through {@link #finish}: a second relay, or the
 * same message delivered twice by the outbox, finds nothing to claim.
 */
@ApplicationScoped
@OwnsTables("phone_sms")
public class SmsRepository {

    enum Kind {
        CODE,
        NEW_ORDER,
        REMINDER
    }

    /** An SMS claimed for one attempt. */
    record Claimed(UUID id, UUID cooperativeId, String phone, Kind kind, UUID fulfillmentId, int attempts) {}

    /** How an attempt ended: status SENT, RETRY (with when), FAILED or UNKNOWN. */
    record Outcome(String status, String message, String error, String messageId, String cost, Instant retryAt) {}

    private final Tx db;

    SmsRepository(Transactions transactions) {
        this.db = transactions.autoCommit();
    }

    /** One SMS of {@code kind} per fulfilment and confirmed phone of its cooperative; the ids queued now. */
    Uni<List<UUID>> queueForFulfillments(Tx tx, Kind kind, List<UUID> fulfillmentIds, List<UUID> cooperativeIds) {
        return tx.sql()
                .preparedQuery("INSERT INTO phone_sms (id, cooperative_id, phone, kind, fulfillment_id, status)"
                        + " SELECT gen_random_uuid(), p.cooperative_id, p.phone, $3, f.id, 'QUEUED'"
                        + " FROM unnest($1::uuid[], $2::uuid[]) AS f(id, coop)"
                        + " JOIN phone_alert_phone p ON p.cooperative_id = f.coop AND p.confirmed_at IS NOT NULL"
                        + " ON CONFLICT DO NOTHING RETURNING id")
                .execute(
                        Tuple.of(fulfillmentIds.toArray(UUID[]::new), cooperativeIds.toArray(UUID[]::new), kind.name()))
                .map(SmsRepository::ids);
    }

    Uni<UUID> queueCode(Tx tx, UUID cooperativeId, String phone) {
        UUID id = UUID.randomUUID();
        return tx.sql()
                .preparedQuery("INSERT INTO phone_sms (id, cooperative_id, phone, kind, status)"
                        + " VALUES ($1, $2, $3, 'CODE', 'QUEUED')")
                .execute(Tuple.of(id, cooperativeId, phone))
                .replaceWith(id);
    }

    /** Codes queued for the cooperative in the last 24 hours (the anti-pumping cap counts them). */
    Uni<Long> codesToday(Tx tx, UUID cooperativeId) {
        return tx.sql()
                .preparedQuery("SELECT count(*) AS n FROM phone_sms WHERE cooperative_id = $1 AND kind = 'CODE'"
                        + " AND created_at > now() - interval '24 hours'")
                .execute(Tuple.of(cooperativeId))
                .map(rows -> rows.iterator().next().getLong("n"));
    }

    Uni<Optional<Claimed>> claim(UUID id) {
        return db.sql()
                .preparedQuery("UPDATE phone_sms SET status = 'SENDING', attempts = attempts + 1, updated_at = now()"
                        + " WHERE id = $1 AND status = 'QUEUED'"
                        + " RETURNING id, cooperative_id, phone, kind, fulfillment_id, attempts")
                .execute(Tuple.of(id))
                .map(rows -> Rows.first(rows)
                        .map(r -> new Claimed(
                                r.getUUID("id"),
                                r.getUUID("cooperative_id"),
                                r.getString("phone"),
                                Kind.valueOf(r.getString("kind")),
                                r.getUUID("fulfillment_id"),
                                r.getInteger("attempts"))));
    }

    Uni<Void> finish(UUID id, Outcome o) {
        OffsetDateTime retryAt = o.retryAt() == null ? null : o.retryAt().atOffset(ZoneOffset.UTC);
        return db.sql()
                .preparedQuery("UPDATE phone_sms SET status = $2, message = coalesce($3, message), last_error = $4,"
                        + " provider_message_id = coalesce($5, provider_message_id), cost = coalesce($6, cost),"
                        + " next_attempt_at = $7, updated_at = now() WHERE id = $1 AND status = 'SENDING'")
                .execute(Tuple.from(
                        Arrays.asList(id, o.status(), o.message(), o.error(), o.messageId(), o.cost(), retryAt)))
                .replaceWithVoid();
    }

    /** SMS whose wait ran out, back to QUEUED; their ids, to go through the outbox again. */
    Uni<List<UUID>> due(Tx tx, int limit) {
        return tx.sql()
                .preparedQuery("UPDATE phone_sms SET status = 'QUEUED', updated_at = now() WHERE id IN ("
                        + " SELECT id FROM phone_sms WHERE status = 'RETRY' AND next_attempt_at <= now()"
                        + " ORDER BY next_attempt_at LIMIT $1 FOR UPDATE SKIP LOCKED) RETURNING id")
                .execute(Tuple.of(limit))
                .map(SmsRepository::ids);
    }

    /** The provider's delivery report; false when no SMS has that message id. */
    Uni<Boolean> report(String messageId, String status, String reason) {
        return db.sql()
                .preparedQuery("UPDATE phone_sms SET delivery_status = $2, delivery_reason = $3, reported_at = now()"
                        + " WHERE provider_message_id = $1")
                .execute(Tuple.of(messageId, status, reason))
                .map(rows -> rows.rowCount() > 0);
    }

    Uni<Page<PhoneApi.Sms>> page(UUID cooperativeId, PageRequest page) {
        return db.sql()
                .preparedQuery("SELECT *, count(*) OVER () AS total FROM phone_sms WHERE cooperative_id = $1"
                        + " ORDER BY created_at DESC, id LIMIT $2 OFFSET $3")
                .execute(Tuple.of(cooperativeId, page.size(), page.offset()))
                .map(rows -> {
                    List<PhoneApi.Sms> list = new ArrayList<>();
                    long[] total = {0};
                    rows.forEach(r -> {
                        list.add(sms(r));
                        total[0] = r.getLong("total");
                    });
                    return new Page<>(list, page.page(), page.size(), total[0]);
                });
    }

    private static PhoneApi.Sms sms(Row r) {
        return new PhoneApi.Sms(
                r.getUUID("id"),
                r.getString("phone"),
                r.getString("kind"),
                r.getUUID("fulfillment_id"),
                r.getString("message"),
                r.getString("status"),
                r.getInteger("attempts"),
                r.getString("last_error"),
                r.getString("provider_message_id"),
                r.getString("cost"),
                r.getString("delivery_status"),
                r.getString("delivery_reason"),
                instant(r.getOffsetDateTime("reported_at")),
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
