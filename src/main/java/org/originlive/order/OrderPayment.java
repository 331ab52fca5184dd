package org.originlive.order;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.originlive.common.Tx;
import org.originlive.fulfillment.FulfillmentService;

/** An order becoming PAID: the status, its fulfilments and the ledger's PAYMENT, in one transaction. */
@ApplicationScoped
class OrderPayment {

    private final OrderRepository orders;
    private final FulfillmentService fulfillments;

    OrderPayment(OrderRepository orders, FulfillmentService fulfillments) {
        this.orders = orders;
        this.fulfillments = fulfillments;
    }

    /** False when the order is no longer RESERVED (or, {@code withinHold}, its hold ran out): nothing changed. */
    Uni<Boolean> markPaid(Tx tx, UUID orderId, String method, String reference, Instant now, boolean withinHold) {
        return orders.find(tx, orderId, true)
                .flatMap(found -> found.isEmpty()
                        ? Uni.createFrom().item(false)
                        : orders.markPaid(tx, orderId, method, reference, now, withinHold)
                                .flatMap(paid -> paid
                                        ? orders.lines(tx, orderId)
                                                .flatMap(lines -> fulfillments.open(
                                                        tx,
                                                        orderId,
                                                        sold(lines),
                                                        found.get().currency(),
                                                        now))
                                                .replaceWith(true)
                                        : Uni.createFrom().item(false)));
    }

    private static List<FulfillmentService.Sold> sold(List<OrderLine> lines) {
        return lines.stream()
                .map(line -> new FulfillmentService.Sold(line.cooperativeId(), line.amountMinor()))
                .toList();
    }
}
