package org.originlive.sale;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.UUID;

/**
 * One committed change of a sale, as carried by NOTIFY to every replica: {@code stock} (item,
 * remaining), {@code status} or {@code pinned} (item). {@code at} is the publisher's clock in
 * epoch millis, for the notify-to-send latency metric.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SaleEvent(String kind, UUID saleId, UUID itemId, Integer remaining, String status, long seq, long at) {

    public static final String STOCK = "stock";
    public static final String STATUS = "status";
    public static final String PINNED = "pinned";

    public static SaleEvent stock(UUID saleId, UUID itemId, int remaining, long seq, long at) {
        return new SaleEvent(STOCK, saleId, itemId, remaining, null, seq, at);
    }

    public static SaleEvent status(UUID saleId, SaleStatus status, long seq, long at) {
        return new SaleEvent(STATUS, saleId, null, null, status.name(), seq, at);
    }

    public static SaleEvent pinned(UUID saleId, UUID itemId, long seq, long at) {
        return new SaleEvent(PINNED, saleId, itemId, null, null, seq, at);
    }
}
