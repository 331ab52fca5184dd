package org.originlive.fulfillment;

import io.vertx.mutiny.sqlclient.Row;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A fulfilment row as stored, and the API view of it together with its order's shipment; no SQL. */
final class FulfillmentRows {

    private FulfillmentRows() {}

    record Stored(
            UUID id,
            UUID orderId,
            UUID cooperativeId,
            FulfillmentStatus status,
            long grossMinor,
            long feeMinor,
            long netMinor,
            String currency,
            String carrier,
            String trackingNumber,
            Instant createdAt,
            String shortCode) {}

    static Stored stored(Row r) {
        return new Stored(
                r.getUUID("id"),
                r.getUUID("order_id"),
                r.getUUID("cooperative_id"),
                FulfillmentStatus.valueOf(r.getString("status")),
                r.getLong("gross_minor"),
                r.getLong("fee_minor"),
                r.getLong("net_minor"),
                r.getString("currency"),
                r.getString("carrier"),
                r.getString("tracking_number"),
                r.getOffsetDateTime("created_at").toInstant(),
                r.getString("short_code"));
    }

    /** The cooperative's share of the order as the API shows it: only its own lines. */
    static FulfillmentApi.FulfillmentView view(Stored f, FulfilledOrders.Shipment shipment) {
        List<FulfillmentApi.Line> lines = shipment.lines().stream()
                .filter(l -> f.cooperativeId().equals(l.cooperativeId()))
                .map(l -> new FulfillmentApi.Line(
                        l.id(),
                        l.productId(),
                        l.itemId(),
                        l.name(),
                        l.quantity(),
                        l.refundedQuantity(),
                        l.unitPriceMinor()))
                .toList();
        return new FulfillmentApi.FulfillmentView(
                f.id(),
                f.shortCode(),
                f.orderId(),
                f.cooperativeId(),
                f.status(),
                lines,
                shipment.address(),
                f.grossMinor(),
                f.feeMinor(),
                f.netMinor(),
                f.currency(),
                f.carrier(),
                f.trackingNumber(),
                f.createdAt());
    }
}
