package org.originlive.order;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.UUID;
import org.originlive.common.OwnsTables;
import org.originlive.common.Transactions;
import org.originlive.common.Tx;

/**
 * A sale's paid orders as counts for its host's console: never a buyer's identity. Read-only
 * (it owns no table): one aggregate statement over orders and their lines.
 */
@ApplicationScoped
@OwnsTables({})
public class SaleOrderTotals {

    /** Orders paid and not cancelled; gross as sold, before refunds. */
    public record Totals(long orders, long unitsSold, long grossMinor, long ordersLastMinute) {}

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

    private static Totals totals(Row row) {
        return new Totals(
                row.getLong("orders"), row.getLong("units"), row.getLong("gross"), row.getLong("last_minute"));
    }
}
