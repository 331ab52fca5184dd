package org.originlive.catalog;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;
import org.originlive.common.OwnsTables;
import org.originlive.common.Rows;

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
    public Uni<Optional<Taken>> take(SqlClient tx, UUID productId, int quantity) {
        return tx.preparedQuery("UPDATE product SET stock = stock - $2, version = version + 1, updated_at = now()"
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
    public Uni<State> state(SqlClient tx, UUID productId) {
        return tx.preparedQuery("SELECT stock, status FROM product WHERE id = $1")
                .execute(Tuple.of(productId))
                .map(rows -> Rows.first(rows)
                        .map(r -> new State(true, "ACTIVE".equals(r.getString("status")), r.getInteger("stock")))
                        .orElse(new State(false, false, 0)));
    }

    public Uni<Void> giveBack(SqlClient tx, UUID productId, int quantity) {
        return tx.preparedQuery("UPDATE product SET stock = stock + $2, version = version + 1, updated_at = now()"
                        + " WHERE id = $1")
                .execute(Tuple.of(productId, quantity))
                .replaceWithVoid();
    }

    /** Adds every item's unsold remainder of a closing sale back to its product (the sale zeroes them). */
    public Uni<Void> returnUnsold(SqlClient tx, UUID saleId) {
        return tx.preparedQuery("UPDATE product p SET stock = p.stock + si.remaining, version = p.version + 1,"
                        + " updated_at = now() FROM sale_item si"
                        + " WHERE si.sale_id = $1 AND si.product_id = p.id AND si.remaining > 0")
                .execute(Tuple.of(saleId))
                .replaceWithVoid();
    }
}
