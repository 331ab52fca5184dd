package org.originlive.order;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.originlive.common.Tx;
import org.originlive.fulfillment.FulfilledOrders;

/** The order feature's side of {@link FulfilledOrders}. */
@ApplicationScoped
class OrdersForFulfillment implements FulfilledOrders {

    private final OrderRepository orders;
    private final ObjectMapper json;

    OrdersForFulfillment(OrderRepository orders, ObjectMapper json) {
        this.orders = orders;
        this.json = json;
    }

    @Override
    public Uni<Optional<UUID>> lockBuyer(Tx tx, UUID orderId) {
        return orders.find(tx, orderId, true).map(found -> found.map(StoredOrder::buyerId));
    }

    @Override
    public Uni<Map<UUID, Shipment>> shipments(Tx tx, List<UUID> orderIds) {
        if (orderIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return orders.findAll(tx, orderIds)
                .flatMap(found -> orders.lines(tx, orderIds).map(lines -> {
                    Map<UUID, Shipment> byOrder = new HashMap<>();
                    for (StoredOrder order : found) {
                        List<Line> each = lines.getOrDefault(order.id(), List.of()).stream()
                                .map(OrdersForFulfillment::line)
                                .toList();
                        byOrder.put(order.id(), new Shipment(json.valueToTree(order.shippingAddress()), each));
                    }
                    return byOrder;
                }));
    }

    private static Line line(OrderLine l) {
        return new Line(
                l.id(),
                l.cooperativeId(),
                l.productId(),
                l.itemId(),
                l.name(),
                l.quantity(),
                l.refundedQuantity(),
                l.unitPriceMinor());
    }
}
