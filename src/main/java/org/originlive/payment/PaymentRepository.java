package org.originlive.payment;

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
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.originlive.common.OwnsTables;
import org.originlive.common.Rows;
import org.originlive.common.Transactions;
import org.originlive.common.Tx;

/**
 * Payments in SQL. Raw SQL, not Panache: payments are settled inside the order's money
 * transaction (ledger, fulfilments) and claimed across replicas with {@code SKIP LOCKED}.
 */
@ApplicationScoped
@OwnsTables("payment")
public class PaymentRepository {

    private static final String SELECT = "SELECT " + StoredPayment.COLUMNS + " FROM payment WHERE ";

    private final Tx db;

    PaymentRepository(Transactions transactions) {
        this.db = transactions.autoCommit();
    }

    Uni<Void> insert(Tx tx, StoredPayment p, String key, Instant firstQuery) {
        return tx.sql()
                .preparedQuery("INSERT INTO payment (id, order_id, buyer_id, provider, channel, status, amount_minor,"
                        + " currency, out_trade_no, expires_at, idempotency_key, request_hash, next_query_at,"
                        + " created_at, updated_at) VALUES ($1, $2, $3, $4, $5, 'PENDING', $6, $7, $8, $9, $10, $11,"
                        + " $12, $13, $13)")
                .execute(Tuple.from(Arrays.asList(
                        p.id(),
                        p.orderId(),
                        p.buyerId(),
                        p.provider().name(),
                        p.channel().name(),
                        p.amountMinor(),
                        p.currency(),
                        p.outTradeNo(),
                        utc(p.expiresAt()),
                        key,
                        p.requestHash(),
                        utc(firstQuery),
                        utc(p.createdAt()))))
                .replaceWithVoid();
    }

    Uni<Optional<StoredPayment>> byKey(UUID buyerId, String key) {
        return one(db, SELECT + "buyer_id = $1 AND idempotency_key = $2", Tuple.of(buyerId, key));
    }

    Uni<Optional<StoredPayment>> byId(UUID id) {
        return one(db, SELECT + "id = $1", Tuple.of(id));
    }

    Uni<Optional<StoredPayment>> byOutTradeNo(Tx tx, String outTradeNo, boolean lock) {
        return one(tx, SELECT + "out_trade_no = $1" + (lock ? " FOR UPDATE" : ""), Tuple.of(outTradeNo));
    }

    Uni<List<StoredPayment>> pendingOf(Tx tx, UUID orderId) {
        return list(tx, SELECT + "order_id = $1 AND status = 'PENDING' FOR UPDATE", Tuple.of(orderId));
    }

    /** The PENDING payments of several orders, one query (none at all, usually). */
    Uni<List<StoredPayment>> pendingOf(List<UUID> orderIds) {
        return list(db, SELECT + "order_id = ANY($1) AND status = 'PENDING'", Tuple.of(orderIds.toArray(UUID[]::new)));
    }

    Uni<List<StoredPayment>> ofOrder(UUID orderId) {
        return list(db, SELECT + "order_id = $1 ORDER BY created_at DESC, id", Tuple.of(orderId));
    }

    Uni<Void> setAction(UUID id, PaymentGateway.Action action) {
        return db.sql()
                .preparedQuery("UPDATE payment SET action = $2 WHERE id = $1")
                .execute(Tuple.of(id, StoredPayment.json(action)))
                .replaceWithVoid();
    }

    /** From one of {@code from} to {@code to}; false when it was in none of them. */
    Uni<Boolean> move(Tx tx, UUID id, List<PaymentStatus> from, PaymentStatus to, Settlement how, Instant now) {
        String[] states = from.stream().map(Enum::name).toArray(String[]::new);
        return tx.sql()
                .preparedQuery("UPDATE payment SET status = $2, transaction_id = coalesce($3, transaction_id),"
                        + " late_refund = coalesce($4, late_refund), next_query_at = NULL, updated_at = $5"
                        + " WHERE id = $1 AND status = ANY($6)")
                .execute(Tuple.from(
                        Arrays.asList(id, to.name(), how.transactionId(), how.lateRefund(), utc(now), states)))
                .map(rows -> rows.rowCount() == 1);
    }

    /** What a settled payment records: the provider's transaction, and whether money must go back. */
    record Settlement(String transactionId, String lateRefund) {
        static final Settlement NONE = new Settlement(null, null);
    }

    /**
     * Takes up to {@code limit} PENDING payments due for a question to their provider, for this
     * replica alone: they are pushed {@code lease} ahead so no other replica asks meanwhile.
     */
    Uni<List<StoredPayment>> claimDue(Instant now, Duration lease, int limit) {
        return list(
                db,
                "UPDATE payment SET next_query_at = $2, queries = queries + 1 WHERE id IN (SELECT id FROM payment"
                        + " WHERE status = 'PENDING' AND next_query_at <= $1 ORDER BY next_query_at LIMIT $3"
                        + " FOR UPDATE SKIP LOCKED) RETURNING " + StoredPayment.COLUMNS,
                Tuple.of(utc(now), utc(now.plus(lease)), limit));
    }

    Uni<Void> askAgainAt(UUID id, Instant at) {
        return db.sql()
                .preparedQuery("UPDATE payment SET next_query_at = $2 WHERE id = $1 AND status = 'PENDING'")
                .execute(Tuple.of(id, utc(at)))
                .replaceWithVoid();
    }

    /** Late payments whose money still has to go back (or failed to), claimed like {@link #claimDue}. */
    Uni<List<StoredPayment>> claimLateRefunds(Instant now, Duration retryAfter, int limit) {
        return list(
                db,
                "UPDATE payment SET updated_at = $1 WHERE id IN (SELECT id FROM payment WHERE late_refund IN"
                        + " ('PENDING', 'FAILED', 'PROCESSING') AND updated_at <= $2 ORDER BY updated_at LIMIT $3"
                        + " FOR UPDATE SKIP LOCKED) RETURNING " + StoredPayment.COLUMNS,
                Tuple.of(utc(now), utc(now.minus(retryAfter)), limit));
    }

    /** Records the late refund's progress; REFUNDED once the provider has accepted it. */
    Uni<Void> lateRefund(UUID id, String state, Instant now) {
        return db.sql()
                .preparedQuery("UPDATE payment SET late_refund = $2, updated_at = $3,"
                        + " status = CASE WHEN $2 IN ('PROCESSING', 'SUCCEEDED') THEN 'REFUNDED' ELSE status END"
                        + " WHERE id = $1")
                .execute(Tuple.of(id, state, utc(now)))
                .replaceWithVoid();
    }

    private static Uni<Optional<StoredPayment>> one(Tx tx, String sql, Tuple args) {
        return tx.sql().preparedQuery(sql).execute(args).map(rows -> Rows.first(rows)
                .map(StoredPayment::of));
    }

    private static Uni<List<StoredPayment>> list(Tx tx, String sql, Tuple args) {
        return tx.sql().preparedQuery(sql).execute(args).map(PaymentRepository::all);
    }

    private static List<StoredPayment> all(RowSet<Row> rows) {
        List<StoredPayment> list = new ArrayList<>();
        rows.forEach(r -> list.add(StoredPayment.of(r)));
        return list;
    }

    private static java.time.OffsetDateTime utc(Instant at) {
        return at == null ? null : at.atOffset(ZoneOffset.UTC);
    }
}
