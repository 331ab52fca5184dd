package org.originlive.fulfillment;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.originlive.common.ReadsTables;
import org.originlive.common.Transactions;
import org.originlive.common.Tx;

/**
 * What each cooperative's share of some orders is worth now, for reports. Read-only
 * ({@link FulfillmentRepository} and {@link FulfillmentMoney} write the rows).
 */
@ApplicationScoped
@ReadsTables("fulfillment")
public class FulfillmentShares {

    /**
     * A fulfilment that was not cancelled: gross as sold, the fee kept (less reversals), the net
     * left after refunds (net − (refunded − fee reversed)) and what was refunded.
     */
    public record Share(
            UUID orderId, UUID cooperativeId, long grossMinor, long feeMinor, long netMinor, long refundedMinor) {}

    private final Tx db;

    FulfillmentShares(Transactions transactions) {
        this.db = transactions.autoCommit();
    }

    /** The orders' fulfilments that were not cancelled, in one query. */
    public Uni<List<Share>> ofOrders(List<UUID> orderIds) {
        if (orderIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return db.sql()
                .preparedQuery("SELECT order_id, cooperative_id, gross_minor, fee_minor - fee_reversed_minor AS fee,"
                        + " net_minor - (refunded_minor - fee_reversed_minor) AS net, refunded_minor"
                        + " FROM fulfillment WHERE order_id = ANY($1) AND status <> 'CANCELLED'")
                .execute(Tuple.of(orderIds.toArray(UUID[]::new)))
                .map(rows -> {
                    List<Share> shares = new ArrayList<>();
                    rows.forEach(r -> shares.add(new Share(
                            r.getUUID("order_id"),
                            r.getUUID("cooperative_id"),
                            r.getLong("gross_minor"),
                            r.getLong("fee"),
                            r.getLong("net"),
                            r.getLong("refunded_minor"))));
                    return shares;
                });
    }
}
