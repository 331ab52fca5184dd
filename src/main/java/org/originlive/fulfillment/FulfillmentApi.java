package org.originlive.fulfillment;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The JSON shapes of the cooperative side. */
public final class FulfillmentApi {

    private FulfillmentApi() {}

    public record ShipRequest(
            @NotBlank @Size(max = 100) String carrier, @NotBlank @Size(max = 100) String trackingNumber) {}

    /** What a cooperative sees of a paid order: its own lines, where to ship, what it earns. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FulfillmentView(
            UUID id,
            @Schema(description = "6 characters, unique per cooperative: names the order on phones") String shortCode,
            UUID orderId,
            UUID cooperativeId,
            FulfillmentStatus status,
            List<Line> lines,
            @Schema(ref = "ShippingAddress") JsonNode shippingAddress,
            long grossMinor,
            long feeMinor,
            long netMinor,
            String currency,
            String carrier,
            String trackingNumber,
            Instant createdAt) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Line(
            UUID id,
            UUID productId,
            UUID itemId,
            String name,
            int quantity,
            int refundedQuantity,
            long unitPriceMinor) {}

    /** A fulfilment as an order lists it: the buyer sees where the parcel is. */
    public record FulfillmentRef(
            UUID id,
            UUID cooperativeId,
            String status,
            @Schema(nullable = true) String carrier,
            @Schema(nullable = true) String trackingNumber) {}

    /** {@code feeMinor} is fees less fee reversals; {@code netMinor = gross − refunded − fee}. */
    public record Earnings(
            String currency, long orders, long grossMinor, long refundedMinor, long feeMinor, long netMinor) {}

    public record EarningsList(List<Earnings> items) {}
}
