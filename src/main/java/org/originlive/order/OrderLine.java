package org.originlive.order;

import java.util.List;
import java.util.UUID;

/** A line as stored; {@code itemId} is null for storefront purchases. */
public record OrderLine(
        UUID id,
        UUID productId,
        UUID itemId,
        UUID cooperativeId,
        String name,
        int quantity,
        int refundedQuantity,
        long unitPriceMinor) {

    public long amountMinor() {
        return Math.multiplyExact(unitPriceMinor, quantity);
    }

    public static long total(List<OrderLine> lines) {
        long total = 0;
        for (OrderLine line : lines) {
            total = Math.addExact(total, line.amountMinor());
        }
        return total;
    }

    /** A new line with its own id. */
    public static OrderLine of(
            UUID productId, UUID itemId, UUID cooperativeId, String name, int quantity, long unitPriceMinor) {
        return new OrderLine(UUID.randomUUID(), productId, itemId, cooperativeId, name, quantity, 0, unitPriceMinor);
    }

    /** The same line with another quantity (what a refund gives back). */
    public OrderLine withQuantity(int units) {
        return new OrderLine(id, productId, itemId, cooperativeId, name, units, refundedQuantity, unitPriceMinor);
    }

    public OrderApi.LineView view() {
        return new OrderApi.LineView(
                id, productId, itemId, cooperativeId, name, quantity, refundedQuantity, unitPriceMinor);
    }
}
