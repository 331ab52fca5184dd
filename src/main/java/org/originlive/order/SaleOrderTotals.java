package org.originlive.order;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.originlive.common.ReadsTables;
import org.originlive.common.Transactions;
import org.originlive.common.Tx;

/**
 * A sale's orders as counts, never a buyer's identity: totals for its host's console (live orders,
 * and apart from them those bought from its replay), and the lines that count for its impact. Read-only, over order's own tables ({@link OrderRepository}
 * writes them).
 */
@ApplicationScoped
@ReadsTables({"customer_order", "order_line"})
public class SaleOrderTotals {

    /** Orders paid and not cancelled; gross as sold, before refunds. */
    public record Totals(long orders, long unitsSold, long grossMinor, long ordersLastMinute) {}

    /** A line of a PAID or PARTIALLY_REFUNDED order: its units less the refunded ones. */
    public record CountedLine(UUID id, UUID orderId, UUID cooperativeId, long units) {}

    private final Tx db;
    private final Clock clock;

    SaleOrderTotals(Transactions transactions, Clock clock) {
        this.db = transactions.autoCommit();
        this.clock = clock;
    }

    public Uni<Totals> of(UUID saleId) {
        return db.sql()
                .preparedQuery("SELECT count(*) AS orders,"
                        + " coalesce(sum(o.total_minor), 0) AS gross,"
                        + " coalesce(sum((SELECT sum(l.quantity) FROM order_line l WHERE l.order_id = o.id)), 0)"
                        + " AS units,"
                        + " count(*) FILTER (WHERE o.paid_at > $2) AS last_minute"
                        + " FROM customer_order o"
                        + " WHERE o.sale_id = $1 AND o.paid_at IS NOT NULL AND o.status <> 'CANCELLED'")
                .execute(Tuple.of(saleId, clock.instant().minusSeconds(60).atOffset(ZoneOffset.UTC)))
                .map(rows -> totals(rows.iterator().next()));
    }

    /**
     * Storefront orders bought from the sale's replay, counted as {@link #of} counts live ones:
     * paid and not cancelled. They have no {@code sale_id}, so {@link #of} never counts them.
     */
    public Uni<Long> replayOrders(UUID saleId) {
        return db.sql()
                .preparedQuery("SELECT count(*) AS orders FROM customer_order"
                        + " WHERE source_sale_id = $1 AND paid_at IS NOT NULL AND status <> 'CANCELLED'")
                .execute(Tuple.of(saleId))
                .map(rows -> rows.iterator().next().getLong("orders"));
    }

    /** The lines of the sale's paid orders that still count (a cancelled order counts not at all). */
    public Uni<List<CountedLine>> countedLines(UUID saleId) {
        return db.sql()
                .preparedQuery("SELECT l.id, l.order_id, l.cooperative_id, l.quantity - l.refunded_quantity AS units"
                        + " FROM order_line l JOIN customer_order o ON o.id = l.order_id"
                        + " WHERE o.sale_id = $1 AND o.status IN ('PAID', 'PARTIALLY_REFUNDED')")
                .execute(Tuple.of(saleId))
                .map(rows -> {
                    List<CountedLine> lines = new ArrayList<>();
                    rows.forEach(r -> lines.add(new CountedLine(
                            r.getUUID("id"), r.getUUID("order_id"), r.getUUID("cooperative_id"), r.getLong("units"))));
                    return lines;
                });
    }

    private static Totals totals(Row row) {
        return new Totals(
                row.getLong("orders"), row.getLong("units"), row.getLong("gross"), row.getLong("last_minute"));
    }
}
