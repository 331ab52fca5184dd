package org.originlive.order;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.originlive.common.OwnsTables;
import org.originlive.common.Tx;

/**
 * What each buyer holds of each sale item, against its per-customer limit. Checkout adds to it
 * conditionally; cancellation and expiry give it back.
 */
@ApplicationScoped
@OwnsTables("purchase_tally")
public class PurchaseTallies {

    /** A buyer's quantity of an item; {@code limit} applies when adding. */
    public record Tally(UUID buyerId, UUID itemId, int quantity, int limit) {}

    /** Adds each tally if it stays within its limit; per tally, whether it was added. */
    public Uni<List<Boolean>> addWithinLimits(Tx tx, List<Tally> tallies) {
        if (tallies.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<Tuple> rows = tallies.stream()
                .map(t -> Tuple.of(t.buyerId(), t.itemId(), t.quantity(), t.limit()))
                .toList();
        return tx.sql()
                .preparedQuery("INSERT INTO purchase_tally AS t (buyer_id, item_id, quantity) VALUES ($1, $2, $3)"
                        + " ON CONFLICT (buyer_id, item_id) DO UPDATE SET quantity = t.quantity + EXCLUDED.quantity"
                        + " WHERE t.quantity + EXCLUDED.quantity <= $4 RETURNING quantity")
                .executeBatch(rows)
                .map(result -> {
                    List<Boolean> added = new ArrayList<>();
                    RowSet<Row> each = result;
                    for (int i = 0; i < tallies.size(); i++) {
                        added.add(each.size() > 0);
                        each = each.next();
                    }
                    return added;
                });
    }

    /** Takes the quantities back off the buyers' tallies. */
    public Uni<Void> release(Tx tx, List<Tally> tallies) {
        if (tallies.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Tuple> rows = tallies.stream()
                .map(t -> Tuple.of(t.buyerId(), t.itemId(), t.quantity()))
                .toList();
        return tx.sql()
                .preparedQuery(
                        "UPDATE purchase_tally SET quantity = quantity - $3 WHERE buyer_id = $1 AND item_id = $2")
                .executeBatch(rows)
                .replaceWithVoid();
    }
}
