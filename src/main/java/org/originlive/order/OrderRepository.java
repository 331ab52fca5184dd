package org.originlive.order;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
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
 * Orders and their lines in SQL; stock and tallies have their own owners. Raw SQL: orders are
 * written by checkout's group commit (one statement per batch) and moved by conditional UPDATEs
 * in the same transactions as stock, ledger and fulfilments.
 */
@ApplicationScoped
@OwnsTables({"customer_order", "order_line"})
public class OrderRepository {

    private static final String ORDER_COLUMNS = "id, buyer_id, sale_id, source_sale_id, source_at_seconds, status,"
            + " total_minor, currency, shipping_address::text AS shipping_address, reserved_until, created_at,"
            + " payment_method, payment_reference";

    private final Tx db;
    private final ObjectMapper json;

    OrderRepository(Transactions transactions, ObjectMapper json) {
        this.db = transactions.autoCommit();
        this.json = json;
    }

    /** Stores new orders and their lines: two statements for the whole batch. */
    public Uni<Void> insertAll(Tx tx, List<NewOrder> orders) {
        if (orders.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Tuple> orderRows = new ArrayList<>();
        List<Tuple> lineRows = new ArrayList<>();
        for (NewOrder n : orders) {
            orderRows.add(orderRow(n.order()));
            for (int i = 0; i < n.lines().size(); i++) {
                lineRows.add(lineRow(n.order().id(), i, n.lines().get(i)));
            }
        }
        return tx.sql()
                .preparedQuery("INSERT INTO customer_order (id, buyer_id, sale_id, status, total_minor, currency,"
                        + " shipping_address, reserved_until, created_at, source_sale_id, source_at_seconds)"
                        + " VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9, $10, $11)")
                .executeBatch(orderRows)
                .flatMap(x -> tx.sql()
                        .preparedQuery("INSERT INTO order_line (id, order_id, line_no, product_id, item_id,"
                                + " cooperative_id, name, quantity, unit_price_minor)"
                                + " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)")
                        .executeBatch(lineRows))
                .replaceWithVoid();
    }

    private Tuple orderRow(StoredOrder order) {
        OrderApi.OrderSource source = order.source();
        return Tuple.tuple()
                .addUUID(order.id())
                .addUUID(order.buyerId())
                .addUUID(order.saleId())
                .addString(order.status().name())
                .addLong(order.totalMinor())
                .addString(order.currency())
                .addValue(addressJson(order.shippingAddress()))
                .addOffsetDateTime(order.reservedUntil().atOffset(ZoneOffset.UTC))
                .addOffsetDateTime(order.createdAt().atOffset(ZoneOffset.UTC))
                .addUUID(source == null ? null : source.saleId())
                .addBigDecimal(source == null ? null : BigDecimal.valueOf(source.atSeconds()));
    }

    private static Tuple lineRow(UUID orderId, int lineNo, OrderLine l) {
        return Tuple.tuple()
                .addUUID(l.id())
                .addUUID(orderId)
                .addInteger(lineNo)
                .addUUID(l.productId())
                .addUUID(l.itemId())
                .addUUID(l.cooperativeId())
                .addString(l.name())
                .addInteger(l.quantity())
                .addLong(l.unitPriceMinor());
    }

    public Uni<Optional<StoredOrder>> find(Tx client, UUID id, boolean forUpdate) {
        return client.sql()
                .preparedQuery("SELECT " + ORDER_COLUMNS + " FROM customer_order WHERE id = $1"
                        + (forUpdate ? " FOR UPDATE" : ""))
                .execute(Tuple.of(id))
                .map(rows -> Rows.first(rows).map(this::order));
    }

    /** Several orders in one query, in no particular order. */
    public Uni<List<StoredOrder>> findAll(Tx client, List<UUID> ids) {
        return client.sql()
                .preparedQuery("SELECT " + ORDER_COLUMNS + " FROM customer_order WHERE id = ANY($1)")
                .execute(Tuple.of(ids.toArray(UUID[]::new)))
                .map(this::orders);
    }

    public Uni<List<OrderLine>> lines(Tx client, UUID orderId) {
        return lines(client, List.of(orderId)).map(byOrder -> byOrder.getOrDefault(orderId, List.of()));
    }

    /** The lines of several orders in one query, by order id. */
    public Uni<Map<UUID, List<OrderLine>>> lines(Tx client, List<UUID> orderIds) {
        return client.sql()
                .preparedQuery(
                        "SELECT id, order_id, product_id, item_id, cooperative_id, name, quantity, refunded_quantity,"
                                + " unit_price_minor FROM order_line WHERE order_id = ANY($1) ORDER BY order_id, line_no")
                .execute(Tuple.of(orderIds.toArray(UUID[]::new)))
                .map(rows -> {
                    Map<UUID, List<OrderLine>> byOrder = new HashMap<>();
                    rows.forEach(r -> byOrder.computeIfAbsent(r.getUUID("order_id"), k -> new ArrayList<>())
                            .add(new OrderLine(
                                    r.getUUID("id"),
                                    r.getUUID("product_id"),
                                    r.getUUID("item_id"),
                                    r.getUUID("cooperative_id"),
                                    r.getString("name"),
                                    r.getInteger("quantity"),
                                    r.getInteger("refunded_quantity"),
                                    r.getLong("unit_price_minor"))));
                    return byOrder;
                });
    }

    public Uni<Page<StoredOrder>> byBuyer(UUID buyer, PageRequest page) {
        Uni<List<StoredOrder>> items = db.sql()
                .preparedQuery("SELECT " + ORDER_COLUMNS
                        + " FROM customer_order WHERE buyer_id = $1 ORDER BY created_at DESC, id LIMIT $2 OFFSET $3")
                .execute(Tuple.of(buyer, page.size(), page.offset()))
                .map(this::orders);
        Uni<Long> total = db.sql()
                .preparedQuery("SELECT count(*) AS n FROM customer_order WHERE buyer_id = $1")
                .execute(Tuple.of(buyer))
                .map(rows -> rows.iterator().next().getLong("n"));
        return Uni.combine()
                .all()
                .unis(items, total)
                .asTuple()
                .map(t -> new Page<>(t.getItem1(), page.page(), page.size(), t.getItem2()));
    }

    public Uni<Void> addRefunded(Tx tx, Map<UUID, Integer> quantities) {
        if (quantities.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Tuple> rows = new ArrayList<>();
        quantities.forEach((line, quantity) -> rows.add(Tuple.of(line, quantity)));
        return tx.sql()
                .preparedQuery("UPDATE order_line SET refunded_quantity = refunded_quantity + $2 WHERE id = $1")
                .executeBatch(rows)
                .replaceWithVoid();
    }

    /**
     * RESERVED → PAID. {@code withinHold}: only while the hold lasts (a charge we make now);
     * otherwise while it is still RESERVED (a provider's trade that expired with the hold was
     * paid within it, even if its word arrives after).
     */
    public Uni<Boolean> markPaid(Tx tx, UUID id, String method, String reference, Instant now, boolean withinHold) {
        return tx.sql()
                .preparedQuery("UPDATE customer_order SET status = 'PAID', paid_at = $2, payment_method = $3,"
                        + " payment_reference = $4 WHERE id = $1 AND status = 'RESERVED'"
                        + (withinHold ? " AND reserved_until > $2" : ""))
                .execute(Tuple.of(id, now.atOffset(ZoneOffset.UTC), method, reference))
                .map(rows -> rows.rowCount() == 1);
    }

    public Uni<Boolean> close(Tx tx, UUID id, OrderStatus from, OrderStatus to, Instant now) {
        return tx.sql()
                .preparedQuery("UPDATE customer_order SET status = $3, closed_at = $4 WHERE id = $1 AND status = $2")
                .execute(Tuple.of(id, from.name(), to.name(), now.atOffset(ZoneOffset.UTC)))
                .map(rows -> rows.rowCount() == 1);
    }

    /** Reserved orders whose hold has passed, locked for this replica alone (others skip them). */
    public Uni<List<UUID>> lockExpired(Tx tx, Instant now, int limit) {
        return tx.sql()
                .preparedQuery("SELECT id FROM customer_order WHERE status = 'RESERVED' AND reserved_until <= $1"
                        + " ORDER BY reserved_until LIMIT $2 FOR UPDATE SKIP LOCKED")
                .execute(Tuple.of(now.atOffset(ZoneOffset.UTC), limit))
                .map(rows -> {
                    List<UUID> ids = new ArrayList<>();
                    rows.forEach(r -> ids.add(r.getUUID("id")));
                    return ids;
                });
    }

    private List<StoredOrder> orders(RowSet<Row> rows) {
        List<StoredOrder> list = new ArrayList<>();
        rows.forEach(r -> list.add(order(r)));
        return list;
    }

    private StoredOrder order(Row r) {
        UUID sourceSale = r.getUUID("source_sale_id");
        try {
            return new StoredOrder(
                    r.getUUID("id"),
                    r.getUUID("buyer_id"),
                    r.getUUID("sale_id"),
                    sourceSale == null ? null : new OrderApi.OrderSource(sourceSale, r.getDouble("source_at_seconds")),
                    OrderStatus.valueOf(r.getString("status")),
                    r.getLong("total_minor"),
                    r.getString("currency"),
                    json.readValue(r.getString("shipping_address"), OrderApi.ShippingAddress.class),
                    r.getOffsetDateTime("reserved_until").toInstant(),
                    r.getOffsetDateTime("created_at").toInstant(),
                    r.getString("payment_method"),
                    r.getString("payment_reference"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored shipping address is not readable", e);
        }
    }

    /** The address as the JSON value a {@code jsonb} parameter takes. */
    private io.vertx.core.json.JsonObject addressJson(OrderApi.ShippingAddress address) {
        try {
            return new io.vertx.core.json.JsonObject(json.writeValueAsString(address));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
