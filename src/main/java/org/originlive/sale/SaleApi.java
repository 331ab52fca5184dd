package org.originlive.sale;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The JSON shapes of live sales. */
public final class SaleApi {

    private SaleApi() {}

    public record CreateSale(
            @NotBlank @Size(max = 200) String title,
            @NotBlank @Size(max = 2000) String streamUrl,
            @NotNull Instant startsAt,
            @NotNull Instant endsAt,
            @NotEmpty @Size(max = 50) List<@Valid @NotNull CreateItem> items) {}

    public record CreateItem(
            @NotNull UUID productId,
            @NotNull @PositiveOrZero Long salePriceMinor,
            @NotNull @Positive @Max(1_000_000) Integer quantity,
            @NotNull @Positive Integer perCustomerLimit) {}

    public record PinRequest(@NotNull UUID itemId) {}

    public record SaleView(
            UUID id,
            String title,
            UUID hostId,
            String streamUrl,
            Instant startsAt,
            Instant endsAt,
            SaleStatus status,
            @Schema(nullable = true, description = "Null when no item is pinned") UUID pinnedItemId,
            String currency,
            long seq,
            List<SaleItemView> items) {}

    public record SaleItemView(
            UUID id,
            UUID productId,
            UUID cooperativeId,
            String name,
            long salePriceMinor,
            String currency,
            int quantity,
            int remaining,
            int perCustomerLimit) {}
}
