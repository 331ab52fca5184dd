package org.originlive.refund;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.originlive.common.OwnsTables;
import org.originlive.common.Page;
import org.originlive.common.PageRequest;
import org.originlive.common.Rows;
import org.originlive.common.Transactions;
import org.originlive.common.Tx;

/**
 * Refunds and their lines in SQL; every read is scoped by order, buyer or cooperative. Raw SQL:
 * a refund is written in the order's locked money transaction, with its ledger posting.
 */
@ApplicationScoped
@OwnsTables({"refund", "refund_line"})
public class RefundRepository {

    private static final String COLUMNS = "id, order_id, fulfillment_id, cooperative_id, buyer_id, status,"
            + " amount_minor, fee_reversal_minor, currency, reason, decision_reason, request_hash, created_at,"
            + " provider_status";

    private final Tx db;

    RefundRepository(Transactions transactions) {
        this.db = transactions.autoCommit();
    }

    public Uni<Void> insert(Tx tx, StoredRefund r, String key, Instant now) {
        List<Tuple> lines = new ArrayList<>();
        for (int i = 0; i < r.lines().size(); i++) {
            RefundApi.Line l = r.lines().get(i);
            lines.add(Tuple.of(r.id(), l.lineId(), l.quantity(), i));
        }
        return tx.sql()
                .preparedQuery(
                        "INSERT INTO refund (id, order_id, fulfillment_id, cooperative_id, buyer_id, status,"
                                + " amount_minor, fee_reversal_minor, currency, reason, idempotency_key, request_hash,"
                                + " created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13)")
                .execute(Tuple.from(Arrays.asList(
                        r.id(),
                        r.orderId(),
                        r.fulfillmentId(),
                        r.cooperativeId(),
                        r.buyerId(),
                        r.status().name(),
                        r.amountMinor(),
                        r.feeReversalMinor(),
                        r.currency(),
                        r.reason(),
                        key,
                        r.requestHash(),
                        now.atOffset(ZoneOffset.UTC))))
                .flatMap(x -> tx.sql()
                        .preparedQuery(
                                "INSERT INTO refund_line (refund_id, line_id, quantity, position) VALUES ($1, $2, $3, $4)")
                        .executeBatch(lines))
                .replaceWithVoid();
    }

    /** REQUESTED → SUCCEEDED or REJECTED; false when it was decided already. */
    public Uni<Boolean> decide(
            Tx tx, UUID id, RefundStatus to, long feeReversalMinor, String decisionReason, Instant now) {
        return tx.sql()
                .preparedQuery("UPDATE refund SET status = $2, fee_reversal_minor = $3, decision_reason = $4,"
                        + " updated_at = $5 WHERE id = $1 AND status = 'REQUESTED'")
                .execute(Tuple.of(id, to.name(), feeReversalMinor, decisionReason, now.atOffset(ZoneOffset.UTC)))
                .map(rows -> rows.rowCount() == 1);
    }

    public Uni<Optional<StoredRefund>> byKey(Tx tx, UUID buyerId, String key) {
        return select(tx, "buyer_id = $1 AND idempotency_key = $2", Tuple.of(buyerId, key))
                .map(list -> list.stream().findFirst());
    }

    public Uni<Optional<StoredRefund>> find(Tx client, UUID id) {
        return select(client, "id = $1", Tuple.of(id)).map(list -> list.stream().findFirst());
    }

    public Uni<List<StoredRefund>> ofOrder(Tx client, UUID orderId) {
        return select(client, "order_id = $1", Tuple.of(orderId));
    }

    /** Units per line already refunded or asked for, so a line is never refunded twice over. */
    public Uni<Map<UUID, Integer>> claimed(Tx tx, UUID orderId) {
        return tx.sql()
                .preparedQuery("SELECT l.line_id, sum(l.quantity) AS units FROM refund_line l"
                        + " JOIN refund r ON r.id = l.refund_id WHERE r.order_id = $1"
                        + " AND r.status IN ('REQUESTED', 'SUCCEEDED') GROUP BY l.line_id")
                .execute(Tuple.of(orderId))
                .map(rows -> {
                    Map<UUID, Integer> claimed = new HashMap<>();
                    rows.forEach(r ->
                            claimed.put(r.getUUID("line_id"), r.getLong("units").intValue()));
                    return claimed;
                });
    }

    public Uni<Page<StoredRefund>> page(UUID cooperativeId, RefundStatus status, PageRequest page) {
        String filter = status == null ? "cooperative_id = $1" : "cooperative_id = $1 AND status = $4";
        Tuple args = status == null
                ? Tuple.of(cooperativeId, page.size(), page.offset())
                : Tuple.of(cooperativeId, page.size(), page.offset(), status.name());
        Uni<List<StoredRefund>> items = select(db, filter + " ORDER BY created_at DESC, id LIMIT $2 OFFSET $3", args);
        Uni<Long> total = db.sql()
                .preparedQuery("SELECT count(*) AS n FROM refund WHERE " + filter.replace("$4", "$2"))
                .execute(status == null ? Tuple.of(cooperativeId) : Tuple.of(cooperativeId, status.name()))
                .map(rows -> rows.iterator().next().getLong("n"));
        return Uni.combine()
                .all()
                .unis(items, total)
                .asTuple()
                .map(t -> new Page<>(t.getItem1(), page.page(), page.size(), t.getItem2()));
    }

    private Uni<List<StoredRefund>> select(Tx client, String where, Tuple args) {
        String order = where.contains("ORDER BY") ? "" : " ORDER BY created_at, id";
        return client.sql()
                .preparedQuery("SELECT " + COLUMNS + " FROM refund WHERE " + where + order)
                .execute(args)
                .flatMap(rows -> withLines(client, rows));
    }

    private Uni<List<StoredRefund>> withLines(Tx client, RowSet<Row> rows) {
        List<Row> list = new ArrayList<>();
        rows.forEach(list::add);
        if (list.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        UUID[] ids = list.stream().map(r -> r.getUUID("id")).toArray(UUID[]::new);
        return client.sql()
                .preparedQuery("SELECT refund_id, line_id, quantity FROM refund_line"
                        + " WHERE refund_id = ANY($1) ORDER BY position")
                .execute(Tuple.of(ids))
                .map(lineRows -> {
                    Map<UUID, List<RefundApi.Line>> byRefund = new HashMap<>();
                    lineRows.forEach(l -> byRefund.computeIfAbsent(l.getUUID("refund_id"), k -> new ArrayList<>())
                            .add(new RefundApi.Line(l.getUUID("line_id"), l.getInteger("quantity"))));
                    return list.stream()
                            .map(r -> refund(r, byRefund.getOrDefault(r.getUUID("id"), List.of())))
                            .toList();
                });
    }

    /** A refund's amount (minor units), if it exists. */
    Uni<Optional<Long>> amount(UUID id) {
        return db.sql()
                .preparedQuery("SELECT amount_minor FROM refund WHERE id = $1")
                .execute(Tuple.of(id))
                .map(rows -> Rows.first(rows).map(r -> r.getLong("amount_minor")));
    }

    /** The money's way back at the provider; checked again after {@code checkAgainAt}. */
    Uni<Boolean> providerStatus(UUID id, ProviderStatus status, Instant now) {
        return db.sql()
                .preparedQuery("UPDATE refund SET provider_status = $2, provider_checked_at = $3 WHERE id = $1")
                .execute(Tuple.of(id, status.name(), now.atOffset(ZoneOffset.UTC)))
                .map(rows -> rows.rowCount() == 1);
    }

    /** Refunds whose money is PROCESSING or FAILED at the provider, for this replica alone this round. */
    Uni<List<StoredRefund>> claimProviderOpen(Instant now, Duration gap, int limit) {
        return db.sql()
                .preparedQuery("UPDATE refund SET provider_checked_at = $1 WHERE id IN (SELECT id FROM refund"
                        + " WHERE provider_status IN ('PROCESSING', 'FAILED') AND provider_checked_at <= $2"
                        + " ORDER BY provider_checked_at LIMIT $3 FOR UPDATE SKIP LOCKED) RETURNING " + COLUMNS)
                .execute(Tuple.of(now.atOffset(ZoneOffset.UTC), now.minus(gap).atOffset(ZoneOffset.UTC), limit))
                .flatMap(rows -> withLines(db, rows));
    }

    private static StoredRefund refund(Row r, List<RefundApi.Line> lines) {
        return new StoredRefund(
                r.getUUID("id"),
                r.getUUID("order_id"),
                r.getUUID("fulfillment_id"),
                r.getUUID("cooperative_id"),
                r.getUUID("buyer_id"),
                RefundStatus.valueOf(r.getString("status")),
                r.getLong("amount_minor"),
                r.getLong("fee_reversal_minor"),
                r.getString("currency"),
                r.getString("reason"),
                r.getString("decision_reason"),
                r.getString("request_hash"),
                r.getOffsetDateTime("created_at").toInstant(),
                lines,
                ProviderStatus.valueOf(r.getString("provider_status")));
    }
}
