package org.originlive.order;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The JSON shapes of orders. */
public final class OrderApi {

    private OrderApi() {}

    public record SaleOrderRequest(
            @NotEmpty @Size(max = 20) List<@Valid @NotNull SaleLine> items,
            @Valid @NotNull ShippingAddress shippingAddress) {}

    public record SaleLine(@NotNull UUID itemId, @NotNull @Positive @Max(10_000) Integer quantity) {}

    public record StoreOrderRequest(
            @NotEmpty @Size(max = 20) List<@Valid @NotNull StoreLine> items,
            @Valid @NotNull ShippingAddress shippingAddress) {}

    public record StoreLine(@NotNull UUID productId, @NotNull @Positive @Max(10_000) Integer quantity) {}

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
            List<FulfillmentRef> fulfillments) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LineView(
            UUID productId, UUID itemId, UUID cooperativeId, String name, int quantity, long unitPriceMinor) {}

    public record FulfillmentRef(UUID id, UUID cooperativeId, String status) {}
}
