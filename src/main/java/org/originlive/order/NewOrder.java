package org.originlive.order;

import java.util.List;

/** An order and its lines, as checkout hands them over to be stored. */
public record NewOrder(StoredOrder order, List<OrderLine> lines) {

    public OrderApi.OrderView view() {
        return new OrderApi.OrderView(
                order.id(),
                order.buyerId(),
                order.saleId(),
                order.source(),
                order.status(),
                order.totalMinor(),
                order.currency(),
                order.reservedUntil(),
                order.createdAt(),
                lines.stream().map(OrderLine::view).toList(),
                List.of());
    }
}
