package org.originlive.order;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.originlive.common.Tx;
import org.originlive.payment.PayableOrders;

/** The order feature's side of {@link PayableOrders}. */
@ApplicationScoped
class OrdersForPayment implements PayableOrders {

    private final OrderRepository orders;
    private final OrderPayment payment;

    OrdersForPayment(OrderRepository orders, OrderPayment payment) {
        this.orders = orders;
        this.payment = payment;
    }

    @Override
    public Uni<Optional<Payable>> find(Tx tx, UUID orderId, boolean lock) {
        return orders.find(tx, orderId, lock)
                .flatMap(found -> found.isEmpty()
                        ? Uni.createFrom().item(Optional.<Payable>empty())
                        : orders.lines(tx, orderId).map(lines -> Optional.of(payable(found.get(), lines))));
    }

    private static Payable payable(StoredOrder o, java.util.List<OrderLine> lines) {
        String names = lines.stream().map(OrderLine::name).distinct().collect(Collectors.joining(", "));
        return new Payable(
                o.id(),
                o.buyerId(),
                o.status() == OrderStatus.RESERVED,
                o.totalMinor(),
                o.currency(),
                o.reservedUntil(),
                "Origin Live: " + names);
    }

    @Override
    public Uni<Boolean> paid(Tx tx, UUID orderId, String method, String reference, Instant now) {
        return payment.markPaid(tx, orderId, method, reference, now, false);
    }
}
