package org.originlive.order;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.originlive.common.Transactions;
import org.originlive.common.Tx;

/** What refunds need of orders, inside the refund's transaction: the locked order, its lines, its state. */
@ApplicationScoped
public class OrderRefunds {

    private final Transactions transactions;

    private final OrderRepository orders;
    private final Restock restock;

    OrderRefunds(Transactions transactions, OrderRepository orders, Restock restock) {
        this.transactions = transactions;
        this.orders = orders;
        this.restock = restock;
    }

    /** The order, locked until commit: every refund of one order runs one after another. */
    public Uni<Optional<StoredOrder>> lock(Tx tx, UUID id) {
        return orders.find(tx, id, true);
    }

    public Uni<Optional<StoredOrder>> find(Tx client, UUID id) {
        return orders.find(client, id, false);
    }

    public Uni<List<OrderLine>> lines(Tx tx, UUID orderId) {
        return orders.lines(tx, orderId);
    }

    /** Counts refunded units per line; the table refuses more than a line's quantity. */
    public Uni<Void> addRefunded(Tx tx, Map<UUID, Integer> quantities) {
        return orders.addRefunded(tx, quantities);
    }

    /** PAID or PARTIALLY_REFUNDED → the given refund state. */
    public Uni<Boolean> markRefunded(Tx tx, UUID id, OrderStatus to, Instant now) {
        return orders.close(tx, id, OrderStatus.PAID, to, now)
                .flatMap(moved -> moved || to == OrderStatus.PARTIALLY_REFUNDED
                        ? Uni.createFrom().item(moved)
                        : orders.close(tx, id, OrderStatus.PARTIALLY_REFUNDED, to, now));
    }

    /** Returns refunded units that never left the cooperative to the sale or the product. */
    public Uni<Void> restock(Tx tx, StoredOrder order, List<OrderLine> lines) {
        return restock.giveBack(tx, order, lines);
    }
}
