package org.originlive.catalog;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.originlive.common.OwnsTables;
import org.originlive.common.Rows;
import org.originlive.common.Tx;

/**
 * The one class that moves {@code product.stock} for orders and sales, inside the caller's
 * transaction. Every move is one conditional statement: nothing is read, then written.
 */
@ApplicationScoped
@OwnsTables("product.stock")
public class ProductStock {

    /** What a take from a product's stock returned. */
    public record Taken(UUID cooperativeId, String name, long priceMinor, String currency, int stockLeft) {}

    /** Why a take failed: the product is unknown, archived, or has this much left. */
    public record State(boolean exists, boolean active, int stock) {}

    /** Takes {@code quantity} from an ACTIVE product that has it; empty otherwise. */
    public Uni<Optional<Taken>> take(Tx tx, UUID productId, int quantity) {
        return tx.sql()
                .preparedQuery("UPDATE product SET stock = stock - $2, version = version + 1, updated_at = now()"
                        + " WHERE id = $1 AND stock >= $2 AND status = 'ACTIVE'"
                        + " RETURNING cooperative_id, name, price_minor, currency, stock")
                .execute(Tuple.of(productId, quantity))
                .map(rows -> Rows.first(rows)
                        .map(r -> new Taken(
                                r.getUUID("cooperative_id"),
                                r.getString("name"),
                                r.getLong("price_minor"),
                                r.getString("currency"),
                                r.getInteger("stock"))));
    }

    /** The product's state, to explain a failed {@link #take}. */
    public Uni<State> state(Tx tx, UUID productId) {
        return tx.sql()
                .preparedQuery("SELECT stock, status FROM product WHERE id = $1")
                .execute(Tuple.of(productId))
                .map(rows -> Rows.first(rows)
                        .map(r -> new State(true, "ACTIVE".equals(r.getString("status")), r.getInteger("stock")))
                        .orElse(new State(false, false, 0)));
    }

    public Uni<Void> giveBack(Tx tx, UUID productId, int quantity) {
        return tx.sql()
                .preparedQuery("UPDATE product SET stock = stock + $2, version = version + 1, updated_at = now()"
                        + " WHERE id = $1")
                .execute(Tuple.of(productId, quantity))
                .replaceWithVoid();
    }

    /** Takes back the units a closing sale did not sell: product id to units, one statement. */
    public Uni<Void> returnUnsold(Tx tx, Map<UUID, Integer> unsold) {
        if (unsold.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<UUID> ids = List.copyOf(unsold.keySet());
        Integer[] units = ids.stream().map(unsold::get).toArray(Integer[]::new);
        return tx.sql()
                .preparedQuery("UPDATE product p SET stock = p.stock + u.units, version = p.version + 1,"
                        + " updated_at = now() FROM unnest($1::uuid[], $2::int[]) AS u(id, units) WHERE p.id = u.id")
                .execute(Tuple.of(ids.toArray(UUID[]::new), units))
                .replaceWithVoid();
    }
}
