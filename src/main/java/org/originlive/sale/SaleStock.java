package org.originlive.sale;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.originlive.common.OwnsTables;
import org.originlive.common.Rows;
import org.originlive.common.Tx;

/**
 * The one class that moves {@code sale_item.remaining}, inside the caller's transaction. Takes
 * are conditional ({@code remaining >= n}), so no statement can take what is not there.
 */
@ApplicationScoped
@OwnsTables("sale_item.remaining")
public class SaleStock {

    /** A sale item as checkout needs it, read under its row lock. */
    public record LockedItem(
            UUID id,
            UUID productId,
            UUID cooperativeId,
            String name,
            long priceMinor,
            String currency,
            int remaining,
            int perCustomerLimit) {}

    /** Locks the named items of the sale in id order (the lock order of checkout). */
    public Uni<Map<UUID, LockedItem>> lock(Tx tx, UUID saleId, UUID[] itemIds) {
        return tx.sql()
                .preparedQuery(
                        "SELECT id, product_id, cooperative_id, name, sale_price_minor, currency, remaining,"
                                + " per_customer_limit FROM sale_item WHERE sale_id = $1 AND id = ANY($2) ORDER BY id FOR UPDATE")
                .execute(Tuple.of(saleId, itemIds))
                .map(rows -> {
                    Map<UUID, LockedItem> items = new LinkedHashMap<>();
                    rows.forEach(r -> items.put(
                            r.getUUID("id"),
                            new LockedItem(
                                    r.getUUID("id"),
                                    r.getUUID("product_id"),
                                    r.getUUID("cooperative_id"),
                                    r.getString("name"),
                                    r.getLong("sale_price_minor"),
                                    r.getString("currency"),
                                    r.getInteger("remaining"),
                                    r.getInteger("per_customer_limit"))));
                    return items;
                });
    }

    /**
     * Takes the quantities (item ids in lock order) and returns what remains of each. If any
     * item had too little the statement matches no row and this fails, rolling the batch back.
     */
    public Uni<Map<UUID, Integer>> takeAll(Tx tx, List<UUID> itemIds, Map<UUID, Integer> quantities) {
        List<Tuple> decrements =
                itemIds.stream().map(id -> Tuple.of(id, quantities.get(id))).toList();
        return tx.sql()
                .preparedQuery(
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
                });
    }

    /** Returns units to an item; what it has now, or empty if the item is unknown. */
    public Uni<Optional<Integer>> giveBack(Tx tx, UUID itemId, int quantity) {
        return tx.sql()
                .preparedQuery("UPDATE sale_item SET remaining = remaining + $2 WHERE id = $1 RETURNING remaining")
                .execute(Tuple.of(itemId, quantity))
                .map(rows -> Rows.first(rows).map(r -> r.getInteger("remaining")));
    }

    /**
     * Zeroes every item of a closing sale and says how many units of each product were unsold,
     * for the catalog to take back. The items are locked first, so the counts are the ones zeroed.
     */
    public Uni<Map<UUID, Integer>> zeroAll(Tx tx, UUID saleId) {
        return tx.sql()
                .preparedQuery("SELECT product_id, remaining FROM sale_item"
                        + " WHERE sale_id = $1 AND remaining > 0 ORDER BY id FOR UPDATE")
                .execute(Tuple.of(saleId))
                .flatMap(rows -> {
                    Map<UUID, Integer> unsold = new HashMap<>();
                    rows.forEach(r -> unsold.merge(r.getUUID("product_id"), r.getInteger("remaining"), Integer::sum));
                    return tx.sql()
                            .preparedQuery("UPDATE sale_item SET remaining = 0 WHERE sale_id = $1 AND remaining > 0")
                            .execute(Tuple.of(saleId))
                            .replaceWith(unsold);
                });
    }
}
