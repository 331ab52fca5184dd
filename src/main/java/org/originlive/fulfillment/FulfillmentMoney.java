package org.originlive.fulfillment;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.originlive.common.OwnsTables;
import org.originlive.common.Tx;

/**
 * The money columns of fulfilments: what was refunded, what fee was reversed, when it was
 * released. Raw SQL: each moves in the refund's or the hold job's ledger transaction.
 */
@ApplicationScoped
@OwnsTables({"fulfillment.refunded_minor", "fulfillment.fee_reversed_minor", "fulfillment.released_at"})
public class FulfillmentMoney {

    /** A fulfilment as refunds see it. */
    public record State(
            UUID id,
            UUID orderId,
            UUID cooperativeId,
            FulfillmentStatus status,
            long grossMinor,
            long feeMinor,
            long refundedMinor,
            long feeReversedMinor,
            String currency,
            Instant deliveredAt) {}

    /** A delivered fulfilment whose hold has passed. */
    public record Due(UUID id, UUID cooperativeId, String currency) {}

    /** The order's fulfilments, locked: refunds read their ledger money only after this. */
    public Uni<List<State>> ofOrder(Tx tx, UUID orderId) {
        return tx.sql()
                .preparedQuery("SELECT id, order_id, cooperative_id, status, gross_minor, fee_minor, refunded_minor,"
                        + " fee_reversed_minor, currency, delivered_at FROM fulfillment WHERE order_id = $1"
                        + " ORDER BY cooperative_id FOR UPDATE")
                .execute(Tuple.of(orderId))
                .map(rows -> {
                    List<State> list = new ArrayList<>();
                    rows.forEach(r -> list.add(state(r)));
                    return list;
                });
    }

    public Uni<java.util.Optional<State>> one(Tx client, UUID id) {
        return client.sql()
                .preparedQuery("SELECT id, order_id, cooperative_id, status, gross_minor, fee_minor, refunded_minor,"
                        + " fee_reversed_minor, currency, delivered_at FROM fulfillment WHERE id = $1")
                .execute(Tuple.of(id))
                .map(rows -> rows.size() == 0
                        ? java.util.Optional.<State>empty()
                        : java.util.Optional.of(state(rows.iterator().next())));
    }

    /** Adds a succeeded refund; the table's checks keep both sums within gross and fee. */
    public Uni<Void> addRefund(Tx tx, UUID id, long amountMinor, long feeReversalMinor, Instant now) {
        return tx.sql()
                .preparedQuery("UPDATE fulfillment SET refunded_minor = refunded_minor + $2,"
                        + " fee_reversed_minor = fee_reversed_minor + $3, updated_at = $4 WHERE id = $1")
                .execute(Tuple.of(id, amountMinor, feeReversalMinor, now.atOffset(ZoneOffset.UTC)))
                .replaceWithVoid();
    }

    /** Delivered fulfilments past their hold, locked for this replica alone (others skip them). */
    public Uni<List<Due>> lockDue(Tx tx, Instant deliveredBefore, int limit) {
        return tx.sql()
                .preparedQuery("SELECT id, cooperative_id, currency FROM fulfillment WHERE status = 'DELIVERED'"
                        + " AND released_at IS NULL AND delivered_at <= $1 ORDER BY delivered_at LIMIT $2"
                        + " FOR UPDATE SKIP LOCKED")
                .execute(Tuple.of(deliveredBefore.atOffset(ZoneOffset.UTC), limit))
                .map(rows -> {
                    List<Due> list = new ArrayList<>();
                    rows.forEach(r ->
                            list.add(new Due(r.getUUID("id"), r.getUUID("cooperative_id"), r.getString("currency"))));
                    return list;
                });
    }

    public Uni<Void> markReleased(Tx tx, UUID id, Instant now) {
        return tx.sql()
                .preparedQuery("UPDATE fulfillment SET released_at = $2 WHERE id = $1 AND released_at IS NULL")
                .execute(Tuple.of(id, now.atOffset(ZoneOffset.UTC)))
                .replaceWithVoid();
    }

    private static State state(Row r) {
        OffsetDateTime delivered = r.getOffsetDateTime("delivered_at");
        return new State(
                r.getUUID("id"),
                r.getUUID("order_id"),
                r.getUUID("cooperative_id"),
                FulfillmentStatus.valueOf(r.getString("status")),
                r.getLong("gross_minor"),
                r.getLong("fee_minor"),
                r.getLong("refunded_minor"),
                r.getLong("fee_reversed_minor"),
                r.getString("currency"),
                delivered == null ? null : delivered.toInstant());
    }
}
