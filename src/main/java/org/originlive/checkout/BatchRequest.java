package org.originlive.checkout;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.originlive.order.NewOrder;
import org.originlive.order.OrderLine;
import org.originlive.order.StoredOrder;
import org.originlive.sale.SaleStock;

/** One buyer's live-sale order as checkout accepted it: identity from the token, never the body. */
record BatchRequest(UUID orderId, UUID buyerId, String key, String hash, CheckoutApi.SaleOrderRequest body) {

    IdempotencyKeys.Claim claim() {
        return new IdempotencyKeys.Claim(buyerId, key, hash, orderId);
    }

    /** The RESERVED order this request becomes once granted, priced from the locked items. */
    NewOrder order(UUID saleId, Map<UUID, SaleStock.LockedItem> items, Instant now, Instant reservedUntil) {
        List<OrderLine> lines = body.items().stream()
                .map(line -> {
                    SaleStock.LockedItem item = items.get(line.itemId());
                    return OrderLine.of(
                            item.productId(),
                            item.id(),
                            item.cooperativeId(),
                            item.name(),
                            line.quantity(),
                            item.priceMinor());
                })
                .toList();
        String currency = items.get(lines.get(0).itemId()).currency();
        return new NewOrder(
                StoredOrder.reserved(
                        orderId,
                        buyerId,
                        saleId,
                        null,
                        OrderLine.total(lines),
                        currency,
                        body.shippingAddress(),
                        now,
                        reservedUntil),
                lines);
    }
}
