package org.originlive.order;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.originlive.catalog.ProductStock;
import org.originlive.common.Tx;
import org.originlive.sale.SaleEvent;
import org.originlive.sale.SaleEvents;
import org.originlive.sale.SaleStock;

/**
 * Gives an order's units back, inside the caller's transaction: to the sale while it is LIVE
 * (viewers see the stock rise), otherwise to the products. Also frees the buyer's per-customer
 * allowance. Runs once per order because callers first move the order out of its state.
 */
@ApplicationScoped
public class Restock {

    private final ProductStock products;
    private final SaleStock saleStock;
    private final PurchaseTallies tallies;
    private final SaleEvents events;
    private final Clock clock;

    Restock(ProductStock products, SaleStock saleStock, PurchaseTallies tallies, SaleEvents events, Clock clock) {
        this.products = products;
        this.saleStock = saleStock;
        this.tallies = tallies;
        this.events = events;
        this.clock = clock;
    }

    public Uni<Void> giveBack(Tx tx, StoredOrder order, List<OrderLine> lines) {
        List<OrderLine> sorted = new ArrayList<>(lines);
        sorted.sort(Comparator.comparing(l -> l.itemId() != null ? l.itemId() : l.productId()));
        if (order.saleId() == null) {
            return each(sorted, line -> products.giveBack(tx, line.productId(), line.quantity()));
        }
        return events.claimSeqIfLive(tx, order.saleId(), sorted.size())
                .flatMap(seq -> seq.isPresent()
                        ? toSale(tx, order, sorted, seq.get())
                        : each(sorted, line -> products.giveBack(tx, line.productId(), line.quantity())))
                .flatMap(x -> tallies.release(
                        tx,
                        sorted.stream()
                                .map(l -> new PurchaseTallies.Tally(order.buyerId(), l.itemId(), l.quantity(), 0))
                                .toList()));
    }

    /** Back to the live sale's items, numbered {@code last - n + 1 .. last} and announced. */
    private Uni<Void> toSale(Tx tx, StoredOrder order, List<OrderLine> sorted, long last) {
        long at = clock.millis();
        long first = last - sorted.size() + 1;
        List<SaleEvent> changes = new ArrayList<>();
        Uni<Void> back = Uni.createFrom().voidItem();
        for (int i = 0; i < sorted.size(); i++) {
            OrderLine line = sorted.get(i);
            long lineSeq = first + i;
            back = back.flatMap(x -> saleStock
                    .giveBack(tx, line.itemId(), line.quantity())
                    .invoke(remaining -> remaining.ifPresent(
                            r -> changes.add(SaleEvent.stock(order.saleId(), line.itemId(), r, lineSeq, at))))
                    .replaceWithVoid());
        }
        return back.flatMap(x -> events.publish(tx, changes));
    }

    private static Uni<Void> each(List<OrderLine> lines, Function<OrderLine, Uni<Void>> step) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (OrderLine line : lines) {
            chain = chain.flatMap(x -> step.apply(line));
        }
        return chain;
    }
}
