package org.originlive.origin;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
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
import org.originlive.common.Rows;

/**
 * Which lot each order line came from, and the reads around it: the fulfilment's state and
 * lines (owned by fulfillment/ and order/, read here) and an order's lines for its trace. Raw
 * SQL: assignments are written under a share lock of the fulfilment, taken in the same transaction.
 */
@ApplicationScoped
@OwnsTables("lot_assignment")
public class LotAssignmentRepository {

    private final Pool pool;

    LotAssignmentRepository(Pool pool) {
        this.pool = pool;
    }

    public Pool pool() {
        return pool;
    }

    public record Fulfillment(UUID id, UUID orderId, UUID cooperativeId, String status) {}

    /** The fulfilment, share-locked so that it cannot be cancelled while its lots are being recorded. */
    public Uni<Optional<Fulfillment>> lockFulfillment(SqlClient tx, UUID id) {
        return tx.preparedQuery("SELECT id, order_id, cooperative_id, status FROM fulfillment WHERE id = $1 FOR SHARE")
                .execute(Tuple.of(id))
                .map(rows -> Rows.first(rows)
                        .map(r -> new Fulfillment(
                                r.getUUID("id"),
                                r.getUUID("order_id"),
                                r.getUUID("cooperative_id"),
                                r.getString("status"))));
    }

    /** The fulfilment's order lines: line id → product id. */
    public Uni<Map<UUID, UUID>> lineProducts(SqlClient client, Fulfillment f) {
        return client.preparedQuery("SELECT id, product_id FROM order_line WHERE order_id = $1 AND cooperative_id = $2")
                .execute(Tuple.of(f.orderId(), f.cooperativeId()))
                .map(rows -> {
                    Map<UUID, UUID> lines = new HashMap<>();
                    rows.forEach(r -> lines.put(r.getUUID("id"), r.getUUID("product_id")));
                    return lines;
                });
    }

    /** Records each line's lot; a line assigned before gets the new lot. */
    public Uni<Void> assign(SqlClient tx, Fulfillment f, List<OriginApi.LineLot> lines, Instant now) {
        List<Tuple> rows = lines.stream()
                .map(l -> Tuple.of(l.lineId(), f.orderId(), f.id(), l.lotId(), now.atOffset(ZoneOffset.UTC)))
                .toList();
        return tx.preparedQuery(
                        "INSERT INTO lot_assignment (line_id, order_id, fulfillment_id, lot_id, assigned_at)"
                                + " VALUES ($1, $2, $3, $4, $5)"
                                + " ON CONFLICT (line_id) DO UPDATE SET lot_id = excluded.lot_id, assigned_at = excluded.assigned_at")
                .executeBatch(rows)
                .replaceWithVoid();
    }

    public Uni<List<OriginApi.LineLot>> assignments(SqlClient client, UUID fulfillmentId) {
        return client.preparedQuery("SELECT a.line_id, a.lot_id FROM lot_assignment a"
                        + " JOIN order_line l ON l.id = a.line_id WHERE a.fulfillment_id = $1 ORDER BY l.line_no")
                .execute(Tuple.of(fulfillmentId))
                .map(rows -> {
                    List<OriginApi.LineLot> list = new ArrayList<>();
                    rows.forEach(r -> list.add(new OriginApi.LineLot(r.getUUID("line_id"), r.getUUID("lot_id"))));
                    return list;
                });
    }

    /** Who bought the order, or empty when there is no such order. */
    public Uni<Optional<UUID>> buyer(UUID orderId) {
        return pool.preparedQuery("SELECT buyer_id FROM customer_order WHERE id = $1")
                .execute(Tuple.of(orderId))
                .map(rows -> Rows.first(rows).map(r -> r.getUUID("buyer_id")));
    }

    public record TracedLine(UUID lineId, String name, OriginApi.TraceCooperative cooperative, UUID lotId) {}

    public Uni<List<TracedLine>> tracedLines(UUID orderId) {
        return pool.preparedQuery("SELECT l.id, l.name, c.id AS cooperative_id, c.name AS cooperative_name, c.country,"
                        + " c.region, a.lot_id FROM order_line l JOIN cooperative c ON c.id = l.cooperative_id"
                        + " LEFT JOIN lot_assignment a ON a.line_id = l.id WHERE l.order_id = $1 ORDER BY l.line_no")
                .execute(Tuple.of(orderId))
                .map(rows -> {
                    List<TracedLine> list = new ArrayList<>();
                    rows.forEach(r -> list.add(tracedLine(r)));
                    return list;
                });
    }

    private static TracedLine tracedLine(Row r) {
        return new TracedLine(
                r.getUUID("id"),
                r.getString("name"),
                new OriginApi.TraceCooperative(
                        r.getUUID("cooperative_id"),
                        r.getString("cooperative_name"),
                        r.getString("country"),
                        r.getString("region")),
                r.getUUID("lot_id"));
    }
}
