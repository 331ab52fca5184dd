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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.originlive.i18n.Translation;

/** The JSON shapes of live sales. */
public final class SaleApi {

    private SaleApi() {}

    public record CreateSale(
            @NotBlank @Size(max = 200) String title,
            @NotBlank @Size(max = 2000) String streamUrl,
            @NotNull Instant startsAt,
            @NotNull Instant endsAt,
            @NotEmpty @Size(max = 50) List<@Valid @NotNull CreateItem> items,
            @Size(max = 35) String sourceLang) {}

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
            List<SaleItemView> items,
            String sourceLang,
            String lang) {

        /**
         * This sale with its title and its items' names (from their products) translated where a
         * translation exists, each falling back to the source text; {@code lang} is the translations'
         * language when any text came from one.
         */
        public SaleView translated(String into, Translation title, Map<UUID, Translation> products) {
            boolean any = title != null;
            List<SaleItemView> named = new ArrayList<>(items.size());
            for (SaleItemView item : items) {
                Translation product = products.get(item.productId());
                any |= product != null && product.fields().containsKey("name");
                named.add(item.named(Translation.field(product, "name", item.name())));
            }
            return new SaleView(
                    id,
                    Translation.field(title, "title", this.title),
                    hostId,
                    streamUrl,
                    startsAt,
                    endsAt,
                    status,
                    pinnedItemId,
                    currency,
                    seq,
                    named,
                    sourceLang,
                    any ? into : sourceLang);
        }
    }

    public record SaleItemView(
            UUID id,
            UUID productId,
            UUID cooperativeId,
            String name,
            long salePriceMinor,
            String currency,
            int quantity,
            int remaining,
            int perCustomerLimit) {

        SaleItemView named(String newName) {
            return new SaleItemView(
                    id,
                    productId,
                    cooperativeId,
                    newName,
                    salePriceMinor,
                    currency,
                    quantity,
                    remaining,
                    perCustomerLimit);
        }
    }

    /** A translation of the title; the items' names come from their products' translations. */
    public record TranslateSale(@NotBlank @Size(max = 200) String title) {}

    public record SaleTranslation(String lang, String title, Instant updatedAt) {

        public static SaleTranslation of(Translation t) {
            return new SaleTranslation(t.lang(), t.fields().get("title"), t.updatedAt());
        }
    }

    /** The editor's list: the source language and every translation of the title. */
    public record SaleTranslations(UUID saleId, String sourceLang, List<SaleTranslation> translations) {}

    /** The shape of a page of sales, for the OpenAPI document ({@code Page<SaleView>}). */
    public record SalePage(List<SaleView> items, int page, int size, long total) {}
}
