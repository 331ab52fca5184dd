package org.originlive.order;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.originlive.fulfillment.FulfillmentApi;

/** The JSON shapes of orders. */
public final class OrderApi {

    private OrderApi() {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ShippingAddress(
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Size(max = 300) String line1,
            @Size(max = 300) String line2,
            @NotBlank @Size(max = 100) String city,
            @Size(max = 100) String region,
            @Size(max = 20) String postalCode,
            @NotNull @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code") String country,
            @NotBlank @Pattern(regexp = "\\+?[0-9 ()-]{5,30}", message = "must be a phone number") String phone) {}

    /**
     * Where a storefront order was bought: the replay of an ENDED sale, {@code atSeconds} into it.
     * Kept to the millisecond, as stored, so the answer to the order shows what a later read will.
     */
    @Schema(name = "OrderSource", description = "The ENDED sale whose replay the order was bought from")
    public record OrderSource(
            @NotNull @Schema(description = "An ENDED sale that featured every product of the order") UUID saleId,
            @NotNull
                    @DecimalMin("0")
                    // Seven days: longer than any replay, so a larger offset is a client's mistake.
                    @DecimalMax("604800")
                    @Schema(description = "Seconds into the replay when Buy was pressed (kept to the millisecond)")
                    Double atSeconds) {

        public OrderSource {
            if (atSeconds != null && Double.isFinite(atSeconds)) {
                atSeconds = BigDecimal.valueOf(atSeconds)
                                .setScale(3, RoundingMode.HALF_UP)
                                .doubleValue()
                        + 0.0; // -0.0 becomes 0.0
            }
        }
    }

    public record PayRequest(@NotBlank @Size(max = 40) String method) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record OrderView(
            UUID id,
            UUID buyerId,
            UUID saleId,
            @JsonInclude(JsonInclude.Include.ALWAYS)
                    @Schema(
                            nullable = true,
                            description = "The replay the order was bought from; null for any other order")
                    OrderSource source,
            OrderStatus status,
            long totalMinor,
            String currency,
            Instant reservedUntil,
            Instant createdAt,
            List<LineView> lines,
            List<FulfillmentApi.FulfillmentRef> fulfillments) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LineView(
            UUID id,
            UUID productId,
            UUID itemId,
            UUID cooperativeId,
            String name,
            int quantity,
            int refundedQuantity,
            long unitPriceMinor) {}
}
