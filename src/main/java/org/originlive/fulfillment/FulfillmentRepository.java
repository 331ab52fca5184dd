package org.originlive.fulfillment;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
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
 * Fulfilments in SQL; every query is scoped by cooperative or order in the query itself. Raw SQL:
 * they are opened and moved inside the payment's and refund's money transactions.
 */
@ApplicationScoped
@OwnsTables("fulfillment")
public class FulfillmentRepository {

    private static final String COLUMNS = "f.id, f.order_id, f.cooperative_id, f.status, f.gross_minor, f.fee_minor,"
            + " f.net_minor, f.currency, f.carrier, f.tracking_number, f.created_at, f.short_code";

    private final Tx db;

    FulfillmentRepository(Transactions transactions) {
        this.db = transactions.autoCommit();
    }

    /** One cooperative's share of a paid order. */
    public record Split(UUID id, UUID cooperativeId, long grossMinor, long feeMinor, String currency) {

        public long netMinor() {
            return grossMinor - feeMinor;
        }
    }

    public Uni<Void> insertAll(Tx tx, UUID orderId, List<Split> splits, Instant now) {
        List<Tuple> rows = new ArrayList<>();
        for (Split s : splits) {
            rows.add(Tuple.tuple()
                    .addUUID(s.id())
                    .addUUID(orderId)
                    .addUUID(s.cooperativeId())
                    .addLong(s.grossMinor())
                    .addLong(s.feeMinor())
                    .addLong(s.grossMinor() - s.feeMinor())
                    .addString(s.currency())
                    .addOffsetDateTime(now.atOffset(ZoneOffset.UTC)));
        }
        return tx.sql()
                .preparedQuery(
                        "INSERT INTO fulfillment (id, order_id, cooperative_id, status, gross_minor, fee_minor,"
                                + " net_minor, currency, created_at, updated_at) VALUES ($1, $2, $3, 'NEW', $4, $5, $6, $7, $8, $8)")
                .executeBatch(rows)
                .replaceWithVoid();
    }

    /** The fulfilments of several orders in one query, by order id. */
    public Uni<Map<UUID, List<FulfillmentApi.FulfillmentRef>>> refs(Tx client, List<UUID> orderIds) {
        return client.sql()
                .preparedQuery("SELECT order_id, id, cooperative_id, status, carrier, tracking_number FROM fulfillment"
                        + " WHERE order_id = ANY($1) ORDER BY order_id, cooperative_id")
                .execute(Tuple.of(orderIds.toArray(UUID[]::new)))
                .map(rows -> {
                    Map<UUID, List<FulfillmentApi.FulfillmentRef>> byOrder = new HashMap<>();
                    rows.forEach(r -> byOrder.computeIfAbsent(r.getUUID("order_id"), k -> new ArrayList<>())
                            .add(new FulfillmentApi.FulfillmentRef(
                                    r.getUUID("id"),
                                    r.getUUID("cooperative_id"),
                                    r.getString("status"),
                                    r.getString("carrier"),
                                    r.getString("tracking_number"))));
                    return byOrder;
                });
    }

    public Uni<Boolean> anyShipped(Tx tx, UUID orderId) {
        return tx.sql()
                .preparedQuery("SELECT 1 FROM fulfillment WHERE order_id = $1 AND status IN ('SHIPPED', 'DELIVERED')")
                .execute(Tuple.of(orderId))
                .map(rows -> rows.size() > 0);
    }

    /** The fulfilment's order and cooperative, to check the caller and lock the order first. */
    public record Owner(UUID orderId, UUID cooperativeId) {}

    public Uni<Optional<Owner>> owner(Tx client, UUID id) {
        return client.sql()
                .preparedQuery("SELECT order_id, cooperative_id FROM fulfillment WHERE id = $1")
                .execute(Tuple.of(id))
                .map(rows -> rows.size() == 0
                        ? Optional.empty()
                        : Optional.of(new Owner(
                                rows.iterator().next().getUUID("order_id"),
                                rows.iterator().next().getUUID("cooperative_id"))));
    }

    /** Shipped fulfilments nobody marked delivered in time become DELIVERED, so money is never stuck. */
    public Uni<Integer> autoDeliver(Tx tx, Instant shippedBefore, Instant now, int limit) {
        return tx.sql()
                .preparedQuery("UPDATE fulfillment SET status = 'DELIVERED', delivered_at = $2, updated_at = $2"
                        + " WHERE id IN (SELECT id FROM fulfillment WHERE status = 'SHIPPED' AND shipped_at <= $1"
                        + " ORDER BY shipped_at LIMIT $3 FOR UPDATE SKIP LOCKED)")
                .execute(Tuple.of(shippedBefore.atOffset(ZoneOffset.UTC), now.atOffset(ZoneOffset.UTC), limit))
                .map(rows -> rows.rowCount());
    }

    /** Moves the fulfilment if it is in an allowed state; false otherwise. */
    public Uni<Boolean> move(Tx tx, UUID id, FulfillmentStatus to, String carrier, String trackingNumber, Instant now) {
        String[] from = to.allowedFrom().stream().map(Enum::name).toArray(String[]::new);
        return tx.sql()
                .preparedQuery("UPDATE fulfillment SET status = $2, updated_at = $3,"
                        + " carrier = coalesce($4, carrier), tracking_number = coalesce($5, tracking_number),"
                        + " shipped_at = CASE WHEN $2 = 'SHIPPED' THEN $3 ELSE shipped_at END,"
                        + " delivered_at = CASE WHEN $2 = 'DELIVERED' THEN $3 ELSE delivered_at END"
                        + " WHERE id = $1 AND status = ANY($6)")
                .execute(Tuple.from(java.util.Arrays.asList(
                        id, to.name(), now.atOffset(ZoneOffset.UTC), carrier, trackingNumber, from)))
                .map(rows -> rows.rowCount() == 1);
    }

    /** The fulfilment; {@code share} locks it against changes until the transaction ends. */
    public Uni<Optional<FulfillmentRows.Stored>> find(Tx client, UUID id, boolean share) {
        return client.sql()
                .preparedQuery(
                        "SELECT " + COLUMNS + " FROM fulfillment f WHERE f.id = $1" + (share ? " FOR SHARE" : ""))
                .execute(Tuple.of(id))
                .map(rows -> Rows.first(rows).map(FulfillmentRows::stored));
    }

    /** A page of one cooperative's fulfilments, newest first; the page, then its total. */
    public Uni<Page<FulfillmentRows.Stored>> page(UUID cooperativeId, FulfillmentStatus status, PageRequest page) {
        String filter = status == null ? "" : " AND f.status = $4";
        Tuple args = status == null
                ? Tuple.of(cooperativeId, page.size(), page.offset())
                : Tuple.of(cooperativeId, page.size(), page.offset(), status.name());
        return db.sql()
                .preparedQuery("SELECT " + COLUMNS + " FROM fulfillment f WHERE f.cooperative_id = $1" + filter
                        + " ORDER BY f.created_at DESC, f.id LIMIT $2 OFFSET $3")
                .execute(args)
                .flatMap(rows -> {
                    List<FulfillmentRows.Stored> list = new ArrayList<>();
                    rows.forEach(r -> list.add(FulfillmentRows.stored(r)));
                    return db.sql()
                            .preparedQuery("SELECT count(*) AS n FROM fulfillment f WHERE f.cooperative_id = $1"
                                    + filter.replace("$4", "$2"))
                            .execute(status == null ? Tuple.of(cooperativeId) : Tuple.of(cooperativeId, status.name()))
                            .map(count -> new Page<>(
                                    list,
                                    page.page(),
                                    page.size(),
                                    count.iterator().next().getLong("n")));
                });
    }

    public Uni<List<FulfillmentApi.Earnings>> earnings(UUID cooperativeId) {
        return db.sql()
                .preparedQuery("SELECT currency, count(*) AS orders, sum(gross_minor) AS gross,"
                        + " sum(refunded_minor) AS refunded, sum(fee_minor - fee_reversed_minor) AS fee"
                        + " FROM fulfillment WHERE cooperative_id = $1 AND status <> 'CANCELLED'"
                        + " GROUP BY currency ORDER BY currency")
                .execute(Tuple.of(cooperativeId))
                .map(rows -> {
                    List<FulfillmentApi.Earnings> list = new ArrayList<>();
                    rows.forEach(r -> list.add(new FulfillmentApi.Earnings(
                            r.getString("currency"),
                            r.getLong("orders"),
                            r.getLong("gross"),
                            r.getLong("refunded"),
                            r.getLong("fee"),
                            r.getLong("gross") - r.getLong("refunded") - r.getLong("fee"))));
                    return list;
                });
    }

    public Uni<Optional<UUID>> byShortCode(UUID cooperativeId, String shortCode) {
        return db.sql()
                .preparedQuery("SELECT id FROM fulfillment WHERE cooperative_id = $1 AND short_code = $2")
                .execute(Tuple.of(cooperativeId, shortCode))
                .map(rows -> Rows.first(rows).map(r -> r.getUUID("id")));
    }

    public Uni<List<FulfillmentAlerts.Opened>> stillNew(Instant afterTime, UUID afterId, Instant before, int limit) {
        return opened(
                db,
                "status = 'NEW' AND (created_at, id) > ($1, $4) AND created_at < $2 ORDER BY created_at, id LIMIT $3",
                Tuple.of(
                        afterTime.atOffset(ZoneOffset.UTC),
                        before.atOffset(ZoneOffset.UTC),
                        limit,
                        afterId == null ? new UUID(0L, 0L) : afterId));
    }

    public Uni<List<FulfillmentAlerts.Opened>> opened(Tx tx, List<UUID> ids) {
        return opened(tx, "id = ANY($1) ORDER BY created_at", Tuple.of(ids.toArray(UUID[]::new)));
    }

    private static Uni<List<FulfillmentAlerts.Opened>> opened(Tx tx, String where, Tuple args) {
        return tx.sql()
                .preparedQuery("SELECT id, cooperative_id, short_code, created_at FROM fulfillment WHERE " + where)
                .execute(args)
                .map(rows -> {
                    List<FulfillmentAlerts.Opened> list = new ArrayList<>();
                    rows.forEach(r -> list.add(new FulfillmentAlerts.Opened(
                            r.getUUID("id"),
                            r.getUUID("cooperative_id"),
                            r.getString("short_code"),
                            r.getOffsetDateTime("created_at").toInstant())));
                    return list;
                });
    }
}
