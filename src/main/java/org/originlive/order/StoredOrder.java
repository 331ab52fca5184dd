package org.originlive.order;

import java.time.Instant;
import java.util.UUID;

/**
 * An order as stored, with what checkout, payment and cancellation need. {@code saleId} marks a
 * live order, {@code source} a storefront order bought from a replay; never both.
 */
public record StoredOrder(
        UUID id,
        UUID buyerId,
        UUID saleId,
        OrderApi.OrderSource source,
        OrderStatus status,
        long totalMinor,
        String currency,
        OrderApi.ShippingAddress shippingAddress,
        Instant reservedUntil,
        Instant createdAt,
        String paymentMethod,
        String paymentReference) {

    /** A new RESERVED order. */
    public static StoredOrder reserved(
            UUID id,
            UUID buyerId,
            UUID saleId,
            OrderApi.OrderSource source,
            long totalMinor,
            String currency,
            OrderApi.ShippingAddress address,
            Instant now,
            Instant reservedUntil) {
        return new StoredOrder(
                id,
                buyerId,
                saleId,
                source,
                OrderStatus.RESERVED,
                totalMinor,
                currency,
                address,
                reservedUntil,
                now,
                null,
                null);
    }
}
