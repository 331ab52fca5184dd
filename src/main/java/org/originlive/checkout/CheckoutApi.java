package org.originlive.checkout;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.originlive.order.OrderApi;

/** The JSON shapes of the two checkout paths; both answer an {@link OrderApi.OrderView}. */
public final class CheckoutApi {

    private CheckoutApi() {}

    public record SaleOrderRequest(
            @NotEmpty @Size(max = 20) List<@Valid @NotNull SaleLine> items,
            @Valid @NotNull OrderApi.ShippingAddress shippingAddress) {}

    public record SaleLine(@NotNull UUID itemId, @NotNull @Positive @Max(10_000) Integer quantity) {}

    public record StoreOrderRequest(
            @NotEmpty @Size(max = 20) List<@Valid @NotNull StoreLine> items,
            @Valid @NotNull OrderApi.ShippingAddress shippingAddress,
            // Left out of the request's hash when absent, so a key used before sources existed still matches.
            @JsonInclude(JsonInclude.Include.NON_NULL)
                    @Valid
                    @Schema(
                            nullable = true,
                            description = "Bought from an ENDED sale's replay: that sale and the replay's position;"
                                    + " the sale must have featured every product of the order (else 422)")
                    OrderApi.OrderSource source) {}

    public record StoreLine(@NotNull UUID productId, @NotNull @Positive @Max(10_000) Integer quantity) {}
}
