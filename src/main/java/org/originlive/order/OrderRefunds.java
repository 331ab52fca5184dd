package org.originlive.order;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** What refunds need of orders, inside the refund's transaction: the locked order, its lines, its state. */
@ApplicationScoped
public class OrderRefunds {

    private final OrderRepository orders;
    private final Restock restock;

    OrderRefunds(OrderRepository orders, Restock restock) {
        this.orders = orders;
        this.restock = restock;
    }

    public Pool pool() {
        return orders.pool();
    }

    /** The order, locked until commit: every refund of one order runs one after another. */
    public Uni<Optional<StoredOrder>> lock(SqlClient tx, UUID id) {
        return orders.find(tx, id, true);
    }

    public Uni<Optional<StoredOrder>> find(SqlClient client, UUID id) {
        return orders.find(client, id, false);
    }

    public Uni<List<OrderLine>> lines(SqlClient tx, UUID orderId) {
        return orders.lines(tx, orderId);
    }

    /** Counts refunded units per line; the table refuses more than a line's quantity. */
    public Uni<Void> addRefunded(SqlClient tx, Map<UUID, Integer> quantities) {
        return orders.addRefunded(tx, quantities);
    }

    /** PAID or PARTIALLY_REFUNDED → the given refund state. */
    public Uni<Boolean> markRefunded(SqlClient tx, UUID id, OrderStatus to, Instant now) {
        return orders.close(tx, id, OrderStatus.PAID, to, now)
                .flatMap(moved -> moved || to == OrderStatus.PARTIALLY_REFUNDED
                        ? Uni.createFrom().item(moved)
                        : orders.close(tx, id, OrderStatus.PARTIALLY_REFUNDED, to, now));
    }

    /** Returns refunded units that never left the cooperative to the sale or the product. */
    public Uni<Void> restock(SqlClient tx, StoredOrder order, List<OrderLine> lines) {
        return restock.giveBack(tx, order, lines);
    }
}
