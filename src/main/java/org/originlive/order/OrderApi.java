package org.originlive.order;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
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

    public record PayRequest(@NotBlank String method) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record OrderView(
            UUID id,
            UUID buyerId,
            UUID saleId,
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
