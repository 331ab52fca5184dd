package org.originlive.order;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.originlive.common.Problem;
import org.originlive.common.ProblemException;
import org.originlive.sale.SaleEvent;
import org.originlive.sale.SaleEvents;

/**
 * One group-commit transaction for many orders of one sale. Lock order: sale row, idempotency
 * keys (sorted), item rows (by id), tally rows. Stock is granted in arrival order from the
 * locked {@code remaining}, then taken with one conditional UPDATE per item
 * ({@code remaining >= taken}); if that ever matched no row the whole batch would roll back, so
 * oversold stays impossible by construction. Every rule of single checkout holds per request.
 */
@ApplicationScoped
public class SaleBatch {

    /** What became of one request. */
    sealed interface Outcome permits Created, Replayed, Refused {}

    record Created(OrderApi.OrderView order) implements Outcome {}

    record Replayed(UUID orderId) implements Outcome {}

    record Refused(ProblemException problem) implements Outcome {}

    private final OrderRepository orders;
    private final SaleEvents events;
    private final OrderConfig config;
    private final Clock clock;

    SaleBatch(OrderRepository orders, SaleEvents events, OrderConfig config, Clock clock) {
        this.orders = orders;
        this.events = events;
        this.config = config;
        this.clock = clock;
    }

    private record Item(
            UUID id, UUID productId, UUID cooperativeId, String name, long price, String currency, int limit) {}

    /** Per-batch working state; lives for one transaction. */
    private final class Work {
        final UUID saleId;
        final List<SaleCheckoutBatcher.Request> requests;
        final Outcome[] outcomes;
        final int[] leaderOf;
        final List<Integer> fresh = new ArrayList<>();
        final Map<UUID, Item> items = new HashMap<>();
        final Map<UUID, Integer> remaining = new HashMap<>();
        final Instant now = clock.instant();
        final long at = clock.millis();

        Work(UUID saleId, List<SaleCheckoutBatcher.Request> requests) {
            this.saleId = saleId;
            this.requests = requests;
            this.outcomes = new Outcome[requests.size()];
            this.leaderOf = new int[requests.size()];
        }

        List<OrderApi.SaleLine> lines(int i) {
            return requests.get(i).body().items();
        }
    }

    Uni<List<Outcome>> run(UUID saleId, List<SaleCheckoutBatcher.Request> requests) {
        Work w = new Work(saleId, requests);
        List<Integer> leaders = leaders(w);
        return orders.pool()
                .withTransaction(tx -> orders.claimLiveSale(tx, saleId, 0)
                        .flatMap(live -> live.isEmpty()
                                ? notLive(tx, w, leaders)
                                : claimKeys(tx, w, leaders)
                                        .flatMap(x -> lockItems(tx, w))
                                        .flatMap(x -> checkLimits(tx, w))
                                        .flatMap(x -> take(tx, w))))
                .map(x -> {
                    List<Outcome> result = new ArrayList<>();
                    for (int i = 0; i < requests.size(); i++) {
                        result.add(answerOf(w, i));
                    }
                    return result;
                });
    }

    /** Marks repeats of a (buyer, key) within the batch; returns the first occurrences. */
    private List<Integer> leaders(Work w) {
        Map<String, Integer> first = new HashMap<>();
        List<Integer> leaders = new ArrayList<>();
        for (int i = 0; i < w.requests.size(); i++) {
            SaleCheckoutBatcher.Request r = w.requests.get(i);
            Integer earlier = first.putIfAbsent(r.buyer().id() + "\u0000" + r.key(), i);
            w.leaderOf[i] = earlier == null ? i : earlier;
            if (earlier == null) {
                leaders.add(i);
            } else if (!w.requests.get(earlier).hash().equals(r.hash())) {
                w.outcomes[i] = new Refused(mismatch());
            }
        }
        return leaders;
    }

    private Uni<Void> notLive(SqlClient tx, Work w, List<Integer> leaders) {
        return orders.saleExists(tx, w.saleId)
                .flatMap(exists -> lookUpKeys(tx, w, leaders).invoke(() -> {
                    for (int i : leaders) {
                        if (w.outcomes[i] == null) {
                            w.outcomes[i] = new Refused(
                                    exists
                                            ? ProblemException.conflict(
                                                    "sale-not-live", "Sale not live", "The sale is not LIVE")
                                            : ProblemException.notFound("Sale", w.saleId));
                        }
                    }
                }));
    }

    private Uni<Void> claimKeys(SqlClient tx, Work w, List<Integer> leaders) {
        List<Integer> sorted = new ArrayList<>(leaders);
        sorted.sort(
                Comparator.comparing((Integer i) -> w.requests.get(i).buyer().id())
                        .thenComparing(i -> w.requests.get(i).key()));
        List<Tuple> claims = sorted.stream()
                .map(i -> {
                    SaleCheckoutBatcher.Request r = w.requests.get(i);
                    return Tuple.of(r.buyer().id(), r.key(), r.hash(), r.orderId());
                })
                .toList();
        return tx.preparedQuery("INSERT INTO idempotency_key (buyer_id, key, request_hash, order_id)"
                        + " VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING order_id")
                .executeBatch(claims)
                .flatMap(rows -> {
                    List<Integer> taken = new ArrayList<>();
                    RowSet<Row> each = rows;
                    for (int i : sorted) {
                        if (each.size() > 0) {
                            w.fresh.add(i);
                        } else {
                            taken.add(i);
                        }
                        each = each.next();
                    }
                    w.fresh.sort(Integer::compare);
                    return lookUpKeys(tx, w, taken);
                });
    }

    /** For requests whose key exists already: the same body replays, another is refused. */
    private Uni<Void> lookUpKeys(SqlClient tx, Work w, List<Integer> indexes) {
        if (indexes.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Tuple> keys = indexes.stream()
                .map(i -> Tuple.of(
                        w.requests.get(i).buyer().id(), w.requests.get(i).key()))
                .toList();
        return tx.preparedQuery("SELECT request_hash, order_id FROM idempotency_key WHERE buyer_id = $1 AND key = $2")
                .executeBatch(keys)
                .invoke(rows -> {
                    RowSet<Row> each = rows;
                    for (int i : indexes) {
                        if (each.size() > 0) {
                            Row row = each.iterator().next();
                            w.outcomes[i] = row.getString("request_hash")
                                            .equals(w.requests.get(i).hash())
                                    ? new Replayed(row.getUUID("order_id"))
                                    : new Refused(mismatch());
                        }
                        each = each.next();
                    }
                })
                .replaceWithVoid();
    }

    private Uni<Void> lockItems(SqlClient tx, Work w) {
        UUID[] ids = w.fresh.stream()
                .flatMap(i -> w.lines(i).stream().map(OrderApi.SaleLine::itemId))
                .distinct()
                .toArray(UUID[]::new);
        if (ids.length == 0) {
            return Uni.createFrom().voidItem();
        }
        return tx.preparedQuery(
                        "SELECT id, product_id, cooperative_id, name, sale_price_minor, currency, remaining,"
                                + " per_customer_limit FROM sale_item WHERE sale_id = $1 AND id = ANY($2) ORDER BY id FOR UPDATE")
                .execute(Tuple.of(w.saleId, ids))
                .invoke(rows -> rows.forEach(r -> {
                    Item item = new Item(
                            r.getUUID("id"),
                            r.getUUID("product_id"),
                            r.getUUID("cooperative_id"),
                            r.getString("name"),
                            r.getLong("sale_price_minor"),
                            r.getString("currency"),
                            r.getInteger("per_customer_limit"));
                    w.items.put(item.id(), item);
                    w.remaining.put(item.id(), r.getInteger("remaining"));
                }))
                .invoke(() -> {
                    for (int i : w.fresh) {
                        for (OrderApi.SaleLine line : w.lines(i)) {
                            Item item = w.items.get(line.itemId());
                            if (item == null) {
                                refuse(
                                        w,
                                        i,
                                        ProblemException.invalid(
                                                "items.itemId", "is not an item of this sale: " + line.itemId()));
                            } else if (line.quantity() > item.limit()) {
                                refuse(w, i, limitExceeded(item.limit()));
                            }
                        }
                    }
                })
                .replaceWithVoid();
    }

    /** Adds every surviving request's lines to the buyers' tallies, in arrival order. */
    private Uni<Void> checkLimits(SqlClient tx, Work w) {
        List<int[]> refs = new ArrayList<>();
        List<Tuple> upserts = new ArrayList<>();
        for (int i : w.fresh) {
            if (w.outcomes[i] != null) {
                continue;
            }
            List<OrderApi.SaleLine> lines = w.lines(i);
            for (int l = 0; l < lines.size(); l++) {
                OrderApi.SaleLine line = lines.get(l);
                refs.add(new int[] {i, l});
                upserts.add(Tuple.of(
                        w.requests.get(i).buyer().id(),
                        line.itemId(),
                        line.quantity(),
                        w.items.get(line.itemId()).limit()));
            }
        }
        if (upserts.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return tx.preparedQuery("INSERT INTO purchase_tally AS t (buyer_id, item_id, quantity) VALUES ($1, $2, $3)"
                        + " ON CONFLICT (buyer_id, item_id) DO UPDATE SET quantity = t.quantity + EXCLUDED.quantity"
                        + " WHERE t.quantity + EXCLUDED.quantity <= $4 RETURNING quantity")
                .executeBatch(upserts)
                .flatMap(rows -> {
                    Map<Integer, List<Integer>> passedLines = new LinkedHashMap<>();
                    RowSet<Row> each = rows;
                    for (int[] ref : refs) {
                        if (each.size() > 0) {
                            passedLines
                                    .computeIfAbsent(ref[0], k -> new ArrayList<>())
                                    .add(ref[1]);
                        } else {
                            refuse(
                                    w,
                                    ref[0],
                                    limitExceeded(w.items
                                            .get(w.lines(ref[0]).get(ref[1]).itemId())
                                            .limit()));
                        }
                        each = each.next();
                    }
                    // Grant stock in arrival order to requests within their limits.
                    for (int i : w.fresh) {
                        if (w.outcomes[i] != null) {
                            continue;
                        }
                        boolean fits =
                                w.lines(i).stream().allMatch(line -> w.remaining.get(line.itemId()) >= line.quantity());
                        if (fits) {
                            w.lines(i)
                                    .forEach(line -> w.remaining.merge(line.itemId(), -line.quantity(), Integer::sum));
                        } else {
                            refuse(
                                    w,
                                    i,
                                    ProblemException.conflict(
                                            "sold-out", "Sold out", "Not enough left for this quantity"));
                        }
                    }
                    // Refused requests give back whatever their lines added to the tallies.
                    List<Tuple> undo = new ArrayList<>();
                    passedLines.forEach((i, lines) -> {
                        if (w.outcomes[i] != null) {
                            for (int l : lines) {
                                OrderApi.SaleLine line = w.lines(i).get(l);
                                undo.add(Tuple.of(w.requests.get(i).buyer().id(), line.itemId(), line.quantity()));
                            }
                        }
                    });
                    return undo.isEmpty()
                            ? Uni.createFrom().voidItem()
                            : tx.preparedQuery("UPDATE purchase_tally SET quantity = quantity - $3"
                                            + " WHERE buyer_id = $1 AND item_id = $2")
                                    .executeBatch(undo)
                                    .replaceWithVoid();
                });
    }

    /** Takes the granted units, writes the orders, drops the keys of refused requests, announces. */
    private Uni<Void> take(SqlClient tx, Work w) {
        Map<UUID, Integer> taken = new LinkedHashMap<>();
        List<Integer> granted = new ArrayList<>();
        for (int i : w.fresh) {
            if (w.outcomes[i] == null) {
                granted.add(i);
                w.lines(i).forEach(line -> taken.merge(line.itemId(), line.quantity(), Integer::sum));
            }
        }
        List<Tuple> refusedKeys = w.fresh.stream()
                .filter(i -> w.outcomes[i] != null)
                .map(i -> Tuple.of(
                        w.requests.get(i).buyer().id(), w.requests.get(i).key()))
                .toList();
        Uni<Void> dropKeys = refusedKeys.isEmpty()
                ? Uni.createFrom().voidItem()
                : tx.preparedQuery("DELETE FROM idempotency_key WHERE buyer_id = $1 AND key = $2")
                        .executeBatch(refusedKeys)
                        .replaceWithVoid();
        if (granted.isEmpty()) {
            return dropKeys;
        }
        List<UUID> itemIds = new ArrayList<>(taken.keySet());
        itemIds.sort(Comparator.naturalOrder());
        List<Tuple> decrements =
                itemIds.stream().map(id -> Tuple.of(id, taken.get(id))).toList();
        return tx.preparedQuery(
                        "UPDATE sale_item SET remaining = remaining - $2 WHERE id = $1 AND remaining >= $2 RETURNING remaining")
                .executeBatch(decrements)
                .map(rows -> {
                    Map<UUID, Integer> after = new HashMap<>();
                    RowSet<Row> each = rows;
                    for (UUID id : itemIds) {
                        if (each.size() == 0) {
                            throw new IllegalStateException("Stock of item " + id + " changed under its lock");
                        }
                        after.put(id, each.iterator().next().getInteger("remaining"));
                        each = each.next();
                    }
                    return after;
                })
                .flatMap(after -> insertOrders(tx, w, granted)
                        .flatMap(x -> dropKeys)
                        .flatMap(x -> orders.claimLiveSale(tx, w.saleId, itemIds.size()))
                        .flatMap(seq -> {
                            long first = seq.orElseThrow() - itemIds.size() + 1;
                            List<SaleEvent> changes = new ArrayList<>();
                            for (int k = 0; k < itemIds.size(); k++) {
                                changes.add(SaleEvent.stock(
                                        w.saleId, itemIds.get(k), after.get(itemIds.get(k)), first + k, w.at));
                            }
                            return events.publish(tx, changes);
                        }));
    }

    private Uni<Void> insertOrders(SqlClient tx, Work w, List<Integer> granted) {
        List<Tuple> orderRows = new ArrayList<>();
        List<Tuple> lineRows = new ArrayList<>();
        Instant until = w.now.plus(config.reservationHold());
        for (int i : granted) {
            SaleCheckoutBatcher.Request r = w.requests.get(i);
            List<OrderApi.LineView> lines = new ArrayList<>();
            long total = 0;
            String currency = null;
            for (int l = 0; l < r.body().items().size(); l++) {
                OrderApi.SaleLine line = r.body().items().get(l);
                Item item = w.items.get(line.itemId());
                currency = item.currency();
                total = Math.addExact(total, Math.multiplyExact(item.price(), line.quantity()));
                lines.add(new OrderApi.LineView(
                        item.productId(), item.id(), item.cooperativeId(), item.name(), line.quantity(), item.price()));
                lineRows.add(Tuple.tuple()
                        .addUUID(r.orderId())
                        .addInteger(l)
                        .addUUID(item.productId())
                        .addUUID(item.id())
                        .addUUID(item.cooperativeId())
                        .addString(item.name())
                        .addInteger(line.quantity())
                        .addLong(item.price()));
            }
            orderRows.add(Tuple.tuple()
                    .addUUID(r.orderId())
                    .addUUID(r.buyer().id())
                    .addUUID(w.saleId)
                    .addLong(total)
                    .addString(currency)
                    .addValue(orders.addressJson(r.body().shippingAddress()))
                    .addOffsetDateTime(until.atOffset(ZoneOffset.UTC))
                    .addOffsetDateTime(w.now.atOffset(ZoneOffset.UTC)));
            w.outcomes[i] = new Created(new OrderApi.OrderView(
                    r.orderId(),
                    r.buyer().id(),
                    w.saleId,
                    OrderStatus.RESERVED,
                    total,
                    currency,
                    until,
                    w.now,
                    lines,
                    List.of()));
        }
        return tx.preparedQuery("INSERT INTO customer_order (id, buyer_id, sale_id, status, total_minor, currency,"
                        + " shipping_address, reserved_until, created_at)"
                        + " VALUES ($1, $2, $3, 'RESERVED', $4, $5, $6, $7, $8)")
                .executeBatch(orderRows)
                .flatMap(x -> tx.preparedQuery("INSERT INTO order_line (order_id, line_no, product_id, item_id,"
                                + " cooperative_id, name, quantity, unit_price_minor)"
                                + " VALUES ($1, $2, $3, $4, $5, $6, $7, $8)")
                        .executeBatch(lineRows))
                .replaceWithVoid();
    }

    private static Outcome answerOf(Work w, int i) {
        if (w.outcomes[i] != null && w.leaderOf[i] == i) {
            return w.outcomes[i];
        }
        if (w.outcomes[i] != null) {
            return w.outcomes[i]; // a repeat with another body
        }
        Outcome leader = w.outcomes[w.leaderOf[i]];
        return leader instanceof Created created ? new Replayed(created.order().id()) : leader;
    }

    private static void refuse(Work w, int i, ProblemException problem) {
        if (w.outcomes[i] == null) {
            w.outcomes[i] = new Refused(problem);
        }
    }

    static ProblemException mismatch() {
        return new ProblemException(
                422,
                "idempotency-mismatch",
                "Idempotency key reused",
                "This Idempotency-Key was used with a different request");
    }

    static ProblemException limitExceeded(int limit) {
        return new ProblemException(
                422,
                "limit-exceeded",
                "Per-customer limit exceeded",
                "At most " + limit + " per customer for this item",
                List.of(new Problem.Violation("items.quantity", "at most " + limit + " per customer")));
    }
}
