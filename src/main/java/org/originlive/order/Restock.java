package org.originlive.order;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.originlive.sale.SaleEvent;
import org.originlive.sale.SaleEvents;

/**
 * Gives an order's units back, inside the caller's transaction: to the sale while it is LIVE
 * (viewers see the stock rise), otherwise to the products. Also frees the buyer's per-customer
 * allowance. Runs once per order because callers first move the order out of its state.
 */
@ApplicationScoped
public class Restock {

    private final OrderRepository orders;
    private final SaleEvents events;
    private final Clock clock;

    Restock(OrderRepository orders, SaleEvents events, Clock clock) {
        this.orders = orders;
        this.events = events;
        this.clock = clock;
    }

    public Uni<Void> giveBack(SqlClient tx, OrderRepository.StoredOrder order, List<OrderRepository.Line> lines) {
        List<OrderRepository.Line> sorted = new ArrayList<>(lines);
        sorted.sort(Comparator.comparing(l -> l.itemId() != null ? l.itemId() : l.productId()));
        if (order.saleId() == null) {
            return each(sorted, line -> orders.returnToProduct(tx, line.productId(), line.quantity()));
        }
        long at = clock.millis();
        return orders.claimLiveSale(tx, order.saleId(), sorted.size()).flatMap(seq -> {
            Uni<Void> back;
            List<SaleEvent> changes = new ArrayList<>();
            if (seq.isPresent()) {
                long first = seq.get() - sorted.size() + 1;
                back = Uni.createFrom().voidItem();
                for (int i = 0; i < sorted.size(); i++) {
                    OrderRepository.Line line = sorted.get(i);
                    long lineSeq = first + i;
                    back = back.flatMap(x -> orders.returnToSaleItem(tx, line.itemId(), line.quantity())
                            .invoke(remaining -> remaining.ifPresent(
                                    r -> changes.add(SaleEvent.stock(order.saleId(), line.itemId(), r, lineSeq, at))))
                            .replaceWithVoid());
                }
            } else {
                back = each(sorted, line -> orders.returnToProduct(tx, line.productId(), line.quantity()));
            }
            return back.flatMap(x -> each(
                            sorted, line -> orders.releaseTally(tx, order.buyerId(), line.itemId(), line.quantity())))
                    .flatMap(x -> events.publish(tx, changes));
        });
    }

    private static Uni<Void> each(
            List<OrderRepository.Line> lines, java.util.function.Function<OrderRepository.Line, Uni<Void>> step) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (OrderRepository.Line line : lines) {
            chain = chain.flatMap(x -> step.apply(line));
        }
        return chain;
    }
}
